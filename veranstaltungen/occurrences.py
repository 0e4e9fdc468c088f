"""The stored occurrences of each Veranstaltung (Termineintrag), kept in step with the page.

Lists sort Veranstaltungen by their next occurrence. Computing that in Python for every event on
every request grows with the number of events (3 s for 2,000), so the occurrences are stored once
per change and the lists ask SQL for the next one, and show it from the stored row.
"""

import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery, Value
from django.utils import timezone

from veranstaltungen import recurrence
from veranstaltungen.models import Termineintrag, VeranstaltungPage


def _moment(value):
    """An aware datetime; an all-day date becomes midnight in Berlin."""
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.combine(value, datetime.time(), recurrence.BERLIN)


def _day(value):
    return value.astimezone(recurrence.BERLIN).date()


def eintraege(page):
    """Unsaved Termineintrag rows of the page's occurrences (cancelled ones included, like the lists)."""
    return [
        Termineintrag(
            veranstaltung_id=page.pk,
            beginn=_moment(termin.start),
            ende=_moment(termin.end),
            letzter_tag=termin.last_date,
            ganztaegig=not termin.has_time,
            urspruenglicher_beginn=_moment(termin.original_start),
            abgesagt=termin.cancelled,
            verschoben=termin.moved,
        )
        for termin in recurrence.termine(page, ausnahmen=list(page.ausnahmen.all()))
    ]


def termin_aus(eintrag):
    """The recurrence.Termin a stored row stands for, without expanding the series again."""
    if eintrag.ganztaegig:
        start, end, original = _day(eintrag.beginn), _day(eintrag.ende), _day(eintrag.urspruenglicher_beginn)
    else:
        start, end, original = (
            eintrag.beginn.astimezone(recurrence.BERLIN),
            eintrag.ende.astimezone(recurrence.BERLIN),
            eintrag.urspruenglicher_beginn.astimezone(recurrence.BERLIN),
        )
    return recurrence.Termin(start, end, original_start=original, cancelled=eintrag.abgesagt, moved=eintrag.verschoben)


# The day for which every page's naechster_* columns are known to be right (see naechste_fortschreiben).
STAND_KEY = "veranstaltungen:naechster-termin-stand"


def aktualisieren(page_id):
    """Store the occurrences of the page as its row in the database says now (live values), and its next one."""
    page = VeranstaltungPage.objects.filter(pk=page_id).first()
    today = timezone.localdate()
    with transaction.atomic():
        Termineintrag.objects.filter(veranstaltung_id=page_id).delete()
        if page is not None:
            Termineintrag.objects.bulk_create(eintraege(page))
            naechste_setzen(VeranstaltungPage.objects.filter(pk=page_id), today)
    naechste_fortschreiben(today)


def naechste_setzen(pages, day):
    """Store on each of pages its first occurrence ending on day or later, as of day; returns how many."""
    folgende = Termineintrag.objects.filter(veranstaltung=OuterRef("pk"), letzter_tag__gte=day).order_by(
        "beginn", "-letzter_tag"
    )
    return pages.update(
        naechster_beginn=Subquery(folgende.values("beginn")[:1]),
        naechster_bis=Subquery(folgende.values("letzter_tag")[:1]),
        naechster_stand=Value(day),
    )


def naechste_fortschreiben(day, force=False):
    """Make every page's next occurrence right for day; returns how many pages it moved on.

    A stored next occurrence stays right from its naechster_stand to its naechster_bis: only the pages
    outside that span are computed again. The check reads every page, so a process makes it once per day;
    aktualisieren keeps the pages it writes right, so a list reads no more than the day's first one.
    """
    if not force and cache.get(STAND_KEY) == day:
        return 0
    veraltet = VeranstaltungPage.objects.filter(Q(naechster_bis__lt=day) | Q(naechster_stand__gt=day))
    count = naechste_setzen(veraltet, day) if veraltet.exists() else 0
    cache.set(STAND_KEY, day, timeout=24 * 60 * 60)
    return count


def naechste_termine_fortschreiben(today):
    """The daily run (manage.py erinnerungen_senden): series whose next occurrence passed move on to the following one."""
    return naechste_fortschreiben(today, force=True)


def alle_aktualisieren():
    """Recompute every Veranstaltung; returns how many there are."""
    count = 0
    for page_id in VeranstaltungPage.objects.values_list("pk", flat=True).iterator():
        aktualisieren(page_id)
        count += 1
    return count
