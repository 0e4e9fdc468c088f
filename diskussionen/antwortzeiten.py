"""How fast each Land Organisation answers the questions assigned to it (docs/discussions.md, "Answer times").

Working time is the time that falls on Monday to Friday in local time (Europe/Berlin), 24 hours a day;
Saturdays and Sundays do not count. Public holidays of Rheinland-Pfalz are counted as working days: no
holiday calendar is among the runtime dependencies.
"""

import statistics
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from diskussionen.choices import Stand
from diskussionen.models import Diskussion

TAG = timedelta(days=1)
SAMSTAG = 5


@dataclass(frozen=True)
class Antwortzeiten:
    """The figures of one Land Organisation; organisation is None for questions not yet assigned."""

    organisation: str | None
    offen: int
    ueberfaellig: int
    beantwortet: int
    median: timedelta | None

    @property
    def median_text(self):
        return dauer_text(self.median) if self.median is not None else ""


def arbeitszeit(beginn, ende):
    """The part of the time from beginn to ende that falls on Monday to Friday, in local time."""
    beginn = timezone.localtime(beginn).replace(tzinfo=None)
    ende = timezone.localtime(ende).replace(tzinfo=None)
    summe = timedelta(0)
    tag = beginn.date()
    while tag <= ende.date():
        if tag.weekday() < SAMSTAG:
            summe += max(timedelta(0), min(ende, _mitternacht(tag + TAG)) - max(beginn, _mitternacht(tag)))
        tag += TAG
    return summe


def _mitternacht(tag):
    return datetime.combine(tag, time.min)


def dauer_text(dauer):
    """ "7 Minuten", "1 Stunde 30 Minuten", "2 Arbeitstage", "1,5 Arbeitstage": never rounded up."""
    minuten = int(dauer.total_seconds()) // 60
    if minuten < 1:
        return gettext("unter 1 Minute")
    if minuten < 60:
        return _minuten_text(minuten)
    if dauer < TAG:
        stunden, rest = divmod(minuten, 60)
        text = ngettext("%(n)d Stunde", "%(n)d Stunden", stunden) % {"n": stunden}
        return f"{text} {_minuten_text(rest)}" if rest else text
    zehntel = int(dauer.total_seconds()) * 10 // int(TAG.total_seconds())
    if zehntel % 10:
        return gettext("%(n)s Arbeitstage") % {"n": number_format(Decimal(zehntel) / 10, 1)}
    return ngettext("%(n)d Arbeitstag", "%(n)d Arbeitstage", zehntel // 10) % {"n": zehntel // 10}


def _minuten_text(minuten):
    return ngettext("%(n)d Minute", "%(n)d Minuten", minuten) % {"n": minuten}


def je_organisation(today=None):
    """[Antwortzeiten, …] for each Organisation with questions, by name, unassigned last; one query."""
    today = today or timezone.localdate()
    gruppen = {}
    for organisation, frage in _fragen():
        gruppen.setdefault(organisation, []).append(frage)
    reihenfolge = sorted(gruppen, key=lambda name: (name is None, (name or "").casefold()))
    return [_zahlen(name, gruppen[name], today) for name in reihenfolge]


def _fragen():
    zeilen = (
        Diskussion.objects.filter(is_frage_an_land=True)
        .order_by()
        .values_list(
            "zugewiesen_an__name",
            "zugewiesen_an__short_name",
            "stand",
            "faellig_am",
            "created_at",
            "zugewiesen_am",
            "beantwortet_am",
        )
    )
    for name, short_name, *frage in zeilen:
        yield (f"{name} ({short_name})" if short_name else name), frage


def _zahlen(organisation, fragen, today):
    offen = [faellig_am for stand, faellig_am, _, _, beantwortet_am in fragen if _ist_offen(stand, beantwortet_am)]
    dauern = [
        arbeitszeit(_beginn(created_at, zugewiesen_am, beantwortet_am), beantwortet_am)
        for _, _, created_at, zugewiesen_am, beantwortet_am in fragen
        if beantwortet_am is not None
    ]
    return Antwortzeiten(
        organisation=organisation,
        offen=len(offen),
        ueberfaellig=sum(1 for faellig_am in offen if faellig_am is not None and faellig_am < today),
        beantwortet=len(dauern),
        median=statistics.median(dauern) if dauern else None,
    )


def _ist_offen(stand, beantwortet_am):
    return stand == Stand.OFFEN and beantwortet_am is None


def _beginn(created_at, zugewiesen_am, beantwortet_am):
    """The Organisation answers from its assignment; an answer given before it counts from the question."""
    if zugewiesen_am is not None and zugewiesen_am <= beantwortet_am:
        return zugewiesen_am
    return created_at
