"""Linked Diskussionen on Themenfeld, Handlungsfeld, Praxisbeispiel and Veranstaltung pages (members only)."""

from django import template
from django.urls import reverse

from diskussionen.queries import diskussionen_zu
from konto.roles import is_member

register = template.Library()

# Page class name: (Diskussion field, the object that field points to, the value for /diskussionen/neu/?field=…).
VERKNUEPFUNGEN = {
    "ThemenfeldPage": ("themenfeld", lambda page: page.themenfeld, lambda ziel: ziel.slug),
    "HandlungsfeldPage": ("handlungsfeld", lambda page: page, lambda ziel: ziel.pk),
    "PraxisbeispielPage": ("praxisbeispiel", lambda page: page, lambda ziel: ziel.pk),
    "VeranstaltungPage": ("veranstaltung", lambda page: page, lambda ziel: ziel.pk),
}


@register.inclusion_tag("diskussionen/includes/verknuepfte_diskussionen.html", takes_context=True)
def verknuepfte_diskussionen(context, page):
    """{% verknuepfte_diskussionen page %}: the page's Diskussionen and a link to start one; nothing for visitors."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not is_member(user):
        return {"sichtbar": False}
    page = page.specific_deferred
    name, target, parameter = VERKNUEPFUNGEN[type(page).__name__]
    ziel = target(page)
    return {
        "sichtbar": True,
        "diskussionen": diskussionen_zu(user, **{name: ziel}),
        "neu_url": f"{reverse('diskussionen:neu')}?{name}={parameter(ziel)}",
    }
