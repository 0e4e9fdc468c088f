"""What the Veranstaltungen add to the home page: the next few dates the viewer may see."""

from konto.roles import is_member
from netzwerk_site import sections
from netzwerk_site.models import HomePage
from netzwerk_site.sections import Section
from veranstaltungen.queries import naechste_veranstaltungen

STARTSEITE = 3


@sections.register("seite")
def veranstaltungen_section(request, page):
    if not isinstance(page, HomePage):
        return None
    context = {"naechste_veranstaltungen": naechste_veranstaltungen(request.user, STARTSEITE)}
    return Section("veranstaltungen/sections/startseite.html", context, order=20)


@sections.register("konto")
def kalender_section(request, user):
    """The personal calendar's secret address, for members only."""
    return Section("veranstaltungen/includes/konto_kalender.html", order=10) if is_member(user) else None
