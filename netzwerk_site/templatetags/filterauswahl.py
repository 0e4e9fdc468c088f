"""Template filters for list pages with facets (library, search)."""

from django import template

register = template.Library()


@register.filter
def aktive_filter(facets):
    """Usage: {{ facets|aktive_filter }}: how many facet values are chosen, for the "Filter (n aktiv)" toggle."""
    return sum(len(facet.selected) for facet in facets)
