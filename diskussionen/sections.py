"""What the Diskussionen add to other pages, for members only: active threads and linked threads."""

from django.urls import reverse

from diskussionen.queries import aktive_diskussionen, diskussionen_zu
from konto.roles import is_member
from netzwerk_site import sections
from netzwerk_site.models import HomePage
from netzwerk_site.sections import Section

STARTSEITE = 5
# Page class name: (Diskussion field, the object that field points to, the value for /diskussionen/neu/?field=…).
VERKNUEPFUNGEN = {
    "ThemenfeldPage": ("themenfeld", lambda page: page.themenfeld, lambda ziel: ziel.slug),
    "HandlungsfeldPage": ("handlungsfeld", lambda page: page, lambda ziel: ziel.pk),
    "PraxisbeispielPage": ("praxisbeispiel", lambda page: page, lambda ziel: ziel.pk),
    "VeranstaltungPage": ("veranstaltung", lambda page: page, lambda ziel: ziel.pk),
}


@sections.register("seite")
def aktive_diskussionen_section(request, page):
    if not isinstance(page, HomePage):
        return None
    context = {"aktive_diskussionen": aktive_diskussionen(request.user, STARTSEITE)}
    return Section("diskussionen/sections/startseite.html", context, order=30)


@sections.register("seite")
def verknuepfte_diskussionen_section(request, page):
    """The page's Diskussionen and a link to start one; nothing for visitors."""
    verknuepfung = VERKNUEPFUNGEN.get(type(page).__name__)
    if verknuepfung is None or not is_member(request.user):
        return None
    name, target, parameter = verknuepfung
    ziel = target(page)
    context = {
        "sichtbar": True,
        "diskussionen": diskussionen_zu(request.user, **{name: ziel}),
        "neu_url": f"{reverse('diskussionen:neu')}?{name}={parameter(ziel)}",
    }
    return Section("diskussionen/includes/verknuepfte_diskussionen.html", context, order=90)
