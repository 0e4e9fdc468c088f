"""The stored occurrences of each Veranstaltung (Termineintrag), kept in step with the page.

Lists sort Veranstaltungen by their next occurrence. Computing that in Python for every event on
every request grows with the number of events (3 s for 2,000), so the occurrences are stored once
per change and the lists ask SQL for the next one. The rows hold only what sorting needs; the
page shows the occurrence computed by wiederholung.py for the few events on screen.
"""

import datetime

from django.db import transaction

from veranstaltungen import wiederholung
from veranstaltungen.models import Termineintrag, VeranstaltungPage


def _beginn(termin):
    """An aware datetime for sorting; an all-day occurrence begins at midnight in Berlin."""
    if termin.has_time:
        return termin.start
    return datetime.datetime.combine(termin.start, datetime.time(), wiederholung.BERLIN)


def eintraege(page):
    """Unsaved Termineintrag rows of the page's occurrences (cancelled ones included, like the lists)."""
    return [
        Termineintrag(veranstaltung_id=page.pk, beginn=_beginn(termin), letzter_tag=termin.last_date)
        for termin in wiederholung.termine(page, ausnahmen=list(page.ausnahmen.all()))
    ]


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
