"""`abkuerzungen`: the first use of each known abbreviation in a text becomes <abbr title="Langform">."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from netzwerk_site import abkuerzungen as registry

register = template.Library()


@register.filter
def abkuerzungen(value):
    """Usage: {{ handlungsfeld.title|abkuerzungen }} or {{ page.body|abkuerzungen }} (after rendering)."""
    if not value:
        return value
    return mark_safe(registry.expand(str(conditional_escape(value))))  # noqa: S308 - input escaped or safe
