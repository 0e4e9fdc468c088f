"""Querysets of Veranstaltungen for lists, month view, archive, feeds and the home page."""

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from konto.roles import is_member
from netzwerk_site import auswahl as liste
from netzwerk_site.models import HandlungsfeldPage, Themenfeld
from netzwerk_site.visibility import public_pages
from veranstaltungen import filters, occurrences, recurrence
from veranstaltungen.choices import AnmeldungStatus, Sichtbarkeit, Status
from veranstaltungen.models import Anmeldung, Ausnahme, Termineintrag, VeranstaltungPage

ARCHIV_PER_PAGE = 10
KOMMENDE_PER_PAGE = 20


def today():
    return timezone.localdate()


def with_list_data(queryset, ausnahmen=True):
    """What a list entry shows; the Ausnahmen only where occurrences are computed (month view)."""
    queryset = queryset.select_related("veranstalter").prefetch_related(
        Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order"))
    )
    if ausnahmen:
        queryset = queryset.prefetch_related(Prefetch("ausnahmen", queryset=Ausnahme.objects.order_by("datum")))
    return queryset


def not_ended_before(queryset, day):
    """Events and series with an occurrence on day or later (as far as the dates tell)."""
    single = Q(wiederholung="", end_date__gte=day)
    series = ~Q(wiederholung="") & (Q(wiederholung_bis__isnull=True) | Q(wiederholung_bis__gte=day))
    return queryset.filter(single | series)


def narrow(queryset, auswahl):
    return liste.narrow(queryset, auswahl, filters.FACETS)


@dataclass
class Eintrag:
    """A Veranstaltung with its next (or only) occurrence, for lists and the home page."""

    page: object
    termin: object


def nach_naechstem_termin(queryset, day):
    """Veranstaltungen with an occurrence ending on day or later, sorted by that occurrence.

    Sorted in SQL by each page's stored next occurrence (naechster_beginn, indexed), first moved on to
    day where it has passed (occurrences.naechste_fortschreiben), so a list reads one page of events
    however many there are.
    """
    occurrences.naechste_fortschreiben(day)
    return queryset.filter(naechster_bis__gte=day).order_by("naechster_beginn", "title")


def _eintraege(pages, day):
    """Each page with its next occurrence, read from the stored row nach_naechstem_termin sorted by."""
    pages = list(pages)
    naechste = Q(pk__in=[])
    for page in pages:
        naechste |= Q(veranstaltung_id=page.pk, beginn=page.naechster_beginn)
    rows = {}
    for row in Termineintrag.objects.filter(naechste, letzter_tag__gte=day).order_by("pk"):
        rows.setdefault(row.veranstaltung_id, row)
    return [Eintrag(page, occurrences.termin_aus(rows[page.pk])) for page in pages if page.pk in rows]


def kommende(user, auswahl, day=None):
    """(page, notices): upcoming Veranstaltungen by their next occurrence; object_list holds Eintrag."""
    day = day or today()
    queryset = with_list_data(
        nach_naechstem_termin(narrow(VeranstaltungPage.objects.visible_to(user), auswahl), day), ausnahmen=False
    )
    seite, notices = liste.paginate(queryset, auswahl.seite, KOMMENDE_PER_PAGE)
    seite.object_list = _eintraege(seite.object_list, day)
    return seite, notices


def naechste_veranstaltungen(user, limit=3, day=None):
    """The next few Veranstaltungen the user may see, for the home page."""
    day = day or today()
    pages = with_list_data(nach_naechstem_termin(VeranstaltungPage.objects.visible_to(user), day), ausnahmen=False)
    return _eintraege(pages[:limit], day)


def archiv(user, auswahl, day=None):
    """(page, notices): past Veranstaltungen, newest first."""
    day = day or today()
    past = VeranstaltungPage.objects.visible_to(user).exclude(
        pk__in=not_ended_before(VeranstaltungPage.objects.all(), day).values("pk")
    )
    queryset = with_list_data(narrow(past, auswahl), ausnahmen=False).order_by("-start_date", "title")
    return liste.paginate(queryset, auswahl.seite, ARCHIV_PER_PAGE)


@dataclass
class Tag:
    datum: datetime.date
    eintraege: list
    is_today: bool


def monat(user, auswahl, first, day=None):
    """Weeks (lists of seven Tag or None) of the month beginning on first with every occurrence per day."""
    day = day or today()
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    visible = VeranstaltungPage.objects.visible_to(user)
    pages = with_list_data(narrow(not_ended_before(visible, first), auswahl).filter(start_date__lte=last))
    by_day = {}
    for page in pages:
        for termin in recurrence.termine(page, von=first, bis=last, ausnahmen=list(page.ausnahmen.all())):
            current = max(termin.start_date, first)
            while current <= min(termin.last_date, last):
                by_day.setdefault(current, []).append(Eintrag(page, termin))
                current += recurrence.ONE_DAY
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append(
            [
                Tag(d, sorted(by_day.get(d, []), key=lambda e: recurrence.sort_key(e.termin.start)), d == day)
                if d.month == first.month
                else None
                for d in week
            ]
        )
    return weeks


def nachbar_monate(user, auswahl, first):
    """(month before first, month after its end): the nearest months with a Veranstaltung, or None.

    Read from the stored occurrences, so an empty month can point to the next and previous meeting.
    """
    last = add_months(first, 1) - recurrence.ONE_DAY
    eintraege = Termineintrag.objects.filter(
        veranstaltung__in=narrow(VeranstaltungPage.objects.visible_to(user), auswahl).values("pk")
    )
    frueher = eintraege.filter(beginn__lt=_midnight(first)).order_by("-beginn").values_list("beginn", flat=True)
    spaeter = eintraege.filter(beginn__gte=_midnight(last + recurrence.ONE_DAY)).order_by("beginn")
    return tuple(
        _erster_des_monats(beginn) if beginn else None
        for beginn in (frueher.first(), spaeter.values_list("beginn", flat=True).first())
    )


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(), recurrence.BERLIN)


def _erster_des_monats(moment):
    return moment.astimezone(recurrence.BERLIN).date().replace(day=1)


def add_months(month, count):
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


# -- event page ----------------------------------------------------------------


def detail_context(page, user, day=None):
    from veranstaltungen.anmeldung import anmeldestand, eigene_anmeldung
    from veranstaltungen.permissions import may_register, may_see_teilnehmende

    day = day or today()
    ausnahmen = list(page.ausnahmen.order_by("datum"))
    is_past = recurrence.last_date(page) is not None and recurrence.last_date(page) < day
    context = {
        "termine": recurrence.termine(page, von=day, bis=day + datetime.timedelta(days=366), ausnahmen=ausnahmen)[:12],
        "is_past": is_past,
        "status_text": _("Stattgefunden") if is_past and page.status == Status.GEPLANT else page.get_status_display(),
        "themenfelder": page.themenfelder.order_by("order"),
        "dokumentation_handlungsfelder": public_pages(HandlungsfeldPage.objects.live())
        .filter(pk__in=page.handlungsfelder.values("pk"))
        .select_related("themenfeld")
        .order_by("path"),
        "dokumentation_praxisbeispiele": public_pages(page.praxisbeispiele.live()).order_by("title"),
        "show_access": is_member(user),
        "anmeldestand": anmeldestand(page) if page.anmeldung_aktiv else None,
        "eigene_anmeldung": eigene_anmeldung(page, user),
        "may_register": may_register(user, page),
        "may_see_teilnehmende": may_see_teilnehmende(user, page),
    }
    # Without description, series dates or documentation the facts box stands alone, with no empty column.
    context["hat_hauptteil"] = bool(
        page.body
        or (page.wiederholung and context["termine"])
        or page.has_dokumentation
        or context["dokumentation_handlungsfelder"]
        or context["dokumentation_praxisbeispiele"]
    )
    return context


# -- feeds -------------------------------------------------------------------------


def feed_cutoff(day=None):
    """Past (and cancelled) events stay this long in feeds, so clients see the change before they go."""
    days = settings.VERANSTALTUNGEN_KALENDER_RUECKBLICK_TAGE
    return (day or today()) - datetime.timedelta(days=days)


def public_feed(themenfeld=None, day=None):
    queryset = not_ended_before(
        public_pages(VeranstaltungPage.objects.live()).filter(sichtbarkeit=Sichtbarkeit.OEFFENTLICH), feed_cutoff(day)
    )
    if themenfeld is not None:
        queryset = queryset.filter(themenfelder=themenfeld)
    return queryset


def personal_feed(user, day=None):
    """Internal meetings and everything the member registered for (also on the waiting list)."""
    registered = Anmeldung.objects.filter(user=user).values("veranstaltung_id")
    queryset = VeranstaltungPage.objects.live().filter(Q(sichtbarkeit=Sichtbarkeit.NETZWERK) | Q(pk__in=registered))
    return not_ended_before(queryset, feed_cutoff(day))


def anmeldungen_of(user):
    """Page id to AnmeldungStatus of the member's registrations."""
    return {
        pk: AnmeldungStatus(status)
        for pk, status in Anmeldung.objects.filter(user=user).values_list("veranstaltung_id", "status")
    }
