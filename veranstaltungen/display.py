"""How dates and times of occurrences read in German: "Di., 3. März 2026, 10:00–12:00 Uhr"."""

import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from veranstaltungen.recurrence import BERLIN


def _day(value):
    return formats.date_format(value, "D, j. F Y")


def _time(value):
    return value.astimezone(BERLIN).strftime("%H:%M")


def termin_text(termin):
    """One line for an occurrence, all-day or timed, one or several days."""
    if not isinstance(termin.start, datetime.datetime):
        last = termin.last_date
        if last == termin.start:
            return _("%(tag)s, ganztägig") % {"tag": _day(termin.start)}
        return _("%(von)s bis %(bis)s") % {"von": _day(termin.start), "bis": _day(last)}
    start, end = termin.start.astimezone(BERLIN), termin.end.astimezone(BERLIN)
    if start.date() == end.date():
        return _("%(tag)s, %(von)s–%(bis)s Uhr") % {"tag": _day(start), "von": _time(start), "bis": _time(end)}
    return _("%(tag_von)s, %(von)s Uhr bis %(tag_bis)s, %(bis)s Uhr") % {
        "tag_von": _day(start),
        "von": _time(start),
        "tag_bis": _day(end),
        "bis": _time(end),
    }


def iso(termin):
    """Machine-readable start for <time datetime="…">."""
    return termin.start.isoformat()
