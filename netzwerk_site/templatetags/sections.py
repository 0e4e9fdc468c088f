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
    return render_sections(context, registry.collect(place, context.get("request"), obj))


@register.simple_tag(takes_context=True)
def render_sections(context, found):
    """{% render_sections handlungsfeld.sections %}: sections collected beforehand (sections.collect_each)."""
    parts = []
    for section in found or ():
        with context.push(section.context):
            parts.append(context.template.engine.get_template(section.template).render(context))
    return mark_safe("".join(parts))  # noqa: S308 - each part is a rendered, autoescaped template
