"""The stored occurrences of each Veranstaltung (Termineintrag), kept in step with the page.

Lists sort Veranstaltungen by their next occurrence. Computing that in Python for every event on
every request grows with the number of events (3 s for 2,000), so the occurrences are stored once
per change and the lists ask SQL for the next one, and show it from the stored row.
"""

import datetime

from django.db import transaction

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


def aktualisieren(page_id):
    """Store the occurrences of the page as its row in the database says now (live values)."""
    page = VeranstaltungPage.objects.filter(pk=page_id).first()
    with transaction.atomic():
        Termineintrag.objects.filter(veranstaltung_id=page_id).delete()
        if page is not None:
            Termineintrag.objects.bulk_create(eintraege(page))


def alle_aktualisieren():
    """Recompute every Veranstaltung; returns how many there are."""
    count = 0
    for page_id in VeranstaltungPage.objects.values_list("pk", flat=True).iterator():
        aktualisieren(page_id)
        count += 1
    return count
