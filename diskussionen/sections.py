"""What the Diskussionen add to other pages, for members only: active threads, linked threads, and on the
member's overview her threads, the threads she follows, her e-mail setting and, for Land members, the questions
assigned to her Stelle."""

from django.urls import reverse
from django.utils import timezone

from diskussionen.choices import Haeufigkeit
from diskussionen.forms import EinstellungForm
from diskussionen.models import Benachrichtigungseinstellung
from diskussionen.queries import aktive_diskussionen, diskussionen_fuer, diskussionen_zu, offene_fragen_fuer
from konto.roles import is_land_member, is_member
from konto.uebersicht import ausschnitt
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


@sections.register("konto")
def eigene_diskussionen_section(request, user):
    """The threads the member started and those she follows, newest activity first, each with a way to unfollow."""
    if not is_member(user):
        return None
    context = {
        "eigene_diskussionen": ausschnitt(request, "diskussionen", diskussionen_fuer(user).filter(author=user)),
        "gefolgte_diskussionen": ausschnitt(request, "gefolgt", diskussionen_fuer(user).filter(abonnements__user=user)),
    }
    return Section("diskussionen/sections/konto.html", context, order=30)


@sections.register("konto")
def benachrichtigungen_section(request, user):
    """How often the member gets e-mail about followed threads; the form posts to the settings page."""
    if not is_member(user):
        return None
    einstellung = Benachrichtigungseinstellung.objects.filter(user=user).first()
    haeufigkeit = einstellung.haeufigkeit if einstellung else Haeufigkeit.SOFORT
    context = {"einstellung_form": EinstellungForm(initial={"haeufigkeit": haeufigkeit})}
    return Section("diskussionen/sections/konto_benachrichtigungen.html", context, order=40)


@sections.register("konto")
def fragen_an_ihre_stelle_section(request, user):
    """The open questions assigned to the Land member's Organisation, overdue first, each with its due date.

    Answered questions are left to /diskussionen/fragen/, which the section links: the overview lists what is
    still to do.
    """
    if not is_land_member(user):
        return None
    today = timezone.localdate()
    fragen = ausschnitt(request, "fragen", offene_fragen_fuer(user, today=today))
    for frage in fragen.eintraege:
        frage.tage_ueberfaellig = (today - frage.faellig_am).days if frage.is_ueberfaellig_flag else 0
    return Section("diskussionen/sections/konto_fragen.html", {"fragen_an_ihre_stelle": fragen}, order=1)
