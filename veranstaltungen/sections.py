"""What the Veranstaltungen add to the home page (the next few dates) and to the member's overview."""

from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from konto.roles import is_member
from konto.uebersicht import ausschnitt
from netzwerk_site import sections
from netzwerk_site.models import HomePage
from netzwerk_site.sections import Section
from veranstaltungen.models import Anmeldung, Termineintrag
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


def anmeldungen_von(user, day):
    """The member's registrations for live Veranstaltungen: next date first, then past ones, newest first."""
    naechster = (
        Termineintrag.objects.filter(veranstaltung=OuterRef("veranstaltung_id"), letzter_tag__gte=day)
        .order_by("beginn")
        .values("beginn")[:1]
    )
    return (
        Anmeldung.objects.filter(user=user, veranstaltung__live=True)
        .select_related("veranstaltung")
        .annotate(naechster_beginn=Subquery(naechster))
        .order_by(F("naechster_beginn").asc(nulls_last=True), "-veranstaltung__start_date", "-pk")
    )


@sections.register("konto")
def anmeldungen_section(request, user):
    """The member's registrations with their status and, for coming dates, a way to cancel."""
    if not is_member(user):
        return None
    anmeldungen = ausschnitt(request, "anmeldungen", anmeldungen_von(user, timezone.localdate()))
    return Section("veranstaltungen/sections/konto_anmeldungen.html", {"anmeldungen": anmeldungen}, order=5)
