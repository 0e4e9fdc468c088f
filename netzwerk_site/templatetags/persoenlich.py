"""{% persoenlich "name" key=value %}: a personal part of the page, filled per request (netzwerk_site/persoenlich.py)."""

from django import template

from netzwerk_site import persoenlich as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def persoenlich(context, name, **kwargs):
    return registry.tag(context, name, kwargs)
