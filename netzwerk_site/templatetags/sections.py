"""{% sections "seite" page %}: the sections other apps add to a place (netzwerk_site/sections.py)."""

from django import template
from django.utils.safestring import mark_safe

from wagtail.models import Page

from netzwerk_site import sections as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def sections(context, place, obj):
    """Render each section's template with the surrounding context plus the section's own, like {% include %}."""
    if isinstance(obj, Page):
        obj = obj.specific_deferred
    parts = []
    for section in registry.collect(place, context.get("request"), obj):
        with context.push(section.context):
            parts.append(context.template.engine.get_template(section.template).render(context))
    return mark_safe("".join(parts))  # noqa: S308 - each part is a rendered, autoescaped template
