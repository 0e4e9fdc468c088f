"""Occurrences of a Veranstaltung: its recurrence rule, excluded dates, moved and cancelled dates.

Series are expanded in local wall-clock time and only then given the Europe/Berlin zone, so a
meeting at 10:00 stays at 10:00 across the changes to and from summer time (RFC 5545, 3.3.10:
a rule with a TZID-bound DTSTART repeats in local time).
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import rrule

from veranstaltungen.choices import AusnahmeArt, Wiederholung

BERLIN = ZoneInfo("Europe/Berlin")
ONE_DAY = datetime.timedelta(days=1)

_FREQ = {
    Wiederholung.WOECHENTLICH: ("WEEKLY", 1),
    Wiederholung.MONATLICH_WOCHENTAG: ("MONTHLY", 1),
    Wiederholung.MONATLICH_DATUM: ("MONTHLY", 1),
    Wiederholung.HALBJAEHRLICH: ("MONTHLY", 6),
    Wiederholung.JAEHRLICH: ("YEARLY", 1),
}
_DATEUTIL_FREQ = {"WEEKLY": rrule.WEEKLY, "MONTHLY": rrule.MONTHLY, "YEARLY": rrule.YEARLY}
_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Without an end date a series is expanded this far; enough for a month view and the feeds.
HORIZON = datetime.timedelta(days=3 * 366)


@dataclass(frozen=True)
class Termin:
    """One occurrence; start and end are aware datetimes, or dates (end exclusive) when all-day."""

    start: object
    end: object
    original_start: object = None
    cancelled: bool = False
    moved: bool = False

    @property
    def has_time(self):
        return isinstance(self.start, datetime.datetime)

    @property
    def start_date(self):
        return self.start if not isinstance(self.start, datetime.datetime) else self.start.date()

    @property
    def last_date(self):
        """The last day the occurrence touches (all-day ends are exclusive)."""
        if isinstance(self.end, datetime.datetime):
            return self.end.date()
        return self.end - ONE_DAY


def nth_weekday(day):
    """RFC 5545 BYDAY value for the date's weekday within its month: 1TU, 3FR, or -1MO for the last."""
    n = (day.day - 1) // 7 + 1
    if (day + datetime.timedelta(days=7)).month != day.month:
        n = -1 if n >= 4 else n
    return f"{n}{_WEEKDAYS[day.weekday()]}"


def rule_parts(veranstaltung):
    """The RRULE as an ordered dict of parts, or None for a single event."""
    if not veranstaltung.wiederholung:
        return None
    freq, interval = _FREQ[veranstaltung.wiederholung]
    parts = {"FREQ": freq}
    if interval > 1:
        parts["INTERVAL"] = interval
    if veranstaltung.wiederholung == Wiederholung.MONATLICH_WOCHENTAG:
        parts["BYDAY"] = nth_weekday(veranstaltung.start_date)
    if veranstaltung.wiederholung_bis:
        parts["UNTIL"] = _until(veranstaltung)
    return parts


def _until(veranstaltung):
    # With a zoned DTSTART the UNTIL part must be in UTC; with an all-day DTSTART it is a date.
    if veranstaltung.is_all_day:
        return veranstaltung.wiederholung_bis
    local = datetime.datetime.combine(veranstaltung.wiederholung_bis, veranstaltung.start_time, BERLIN)
    return local.astimezone(datetime.UTC)


def local_start(veranstaltung, day=None):
    day = day or veranstaltung.start_date
    if veranstaltung.is_all_day:
        return day
    return datetime.datetime.combine(day, veranstaltung.start_time, BERLIN)


def duration(veranstaltung):
    if veranstaltung.is_all_day:
        return (veranstaltung.end_date - veranstaltung.start_date) + ONE_DAY
    start = datetime.datetime.combine(veranstaltung.start_date, veranstaltung.start_time)
    end = datetime.datetime.combine(veranstaltung.end_date, veranstaltung.end_time)
    return end - start


def wall_clock_end(start, length):
    """start plus a duration counted in local wall-clock time."""
    if isinstance(start, datetime.datetime):
        return (start.replace(tzinfo=None) + length).replace(tzinfo=BERLIN)
    return start + length


def series_dates(veranstaltung, until=None):
    """Start dates of the rule (without exceptions), from the first date up to until inclusive."""
    parts = rule_parts(veranstaltung)
    first = veranstaltung.start_date
    if parts is None:
        return [first]
    last = veranstaltung.wiederholung_bis or (first + HORIZON)
    if until is not None:
        last = min(last, until)
    kwargs = {"interval": parts.get("INTERVAL", 1), "dtstart": datetime.datetime.combine(first, datetime.time())}
    if "BYDAY" in parts:
        code = parts["BYDAY"]
        weekday = getattr(rrule, code[-2:])
        kwargs["byweekday"] = weekday(int(code[:-2]))
    rule = rrule.rrule(_DATEUTIL_FREQ[parts["FREQ"]], until=datetime.datetime.combine(last, datetime.time()), **kwargs)
    return [moment.date() for moment in rule]


def is_occurrence(veranstaltung, day):
    return day in series_dates(veranstaltung, until=day)


def termine(veranstaltung, von=None, bis=None, ausnahmen=None):
    """Occurrences touching [von, bis] (dates), exceptions applied, sorted by start.

    ausnahmen can be passed when already prefetched; otherwise they are read from the page.
    """
    ausnahmen = list(veranstaltung.ausnahmen.all()) if ausnahmen is None else ausnahmen
    by_date = {a.datum: a for a in ausnahmen}
    length = duration(veranstaltung)
    result = []
    for day in series_dates(veranstaltung, until=bis):
        original = local_start(veranstaltung, day)
        ausnahme = by_date.get(day) if veranstaltung.wiederholung else None
        termin = _apply(veranstaltung, original, length, ausnahme)
        if termin is None:
            continue
        if (von is None or termin.last_date >= von) and (bis is None or termin.start_date <= bis):
            result.append(termin)
    return sorted(result, key=lambda t: sort_key(t.start))


def _apply(veranstaltung, original, length, ausnahme):
    end = wall_clock_end(original, length)
    if ausnahme is None:
        return Termin(original, end, original_start=original)
    if ausnahme.art == AusnahmeArt.ENTFAELLT:
        return None
    if ausnahme.art == AusnahmeArt.ABGESAGT:
        return Termin(original, end, original_start=original, cancelled=True)
    start, end = moved_times(veranstaltung, ausnahme, length)
    return Termin(start, end, original_start=original, moved=True)


def moved_times(veranstaltung, ausnahme, length=None):
    """New start and end of a moved occurrence; unset parts keep the series' values."""
    length = length or duration(veranstaltung)
    day = ausnahme.neues_datum or ausnahme.datum
    if veranstaltung.is_all_day:
        return day, day + length
    start = datetime.datetime.combine(day, ausnahme.neue_startzeit or veranstaltung.start_time, BERLIN)
    if ausnahme.neue_endzeit:
        return start, datetime.datetime.combine(day, ausnahme.neue_endzeit, BERLIN)
    return start, wall_clock_end(start, length)


def sort_key(value):
    """Dates and datetimes on one axis: an all-day occurrence sorts at the start of its day."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(BERLIN).replace(tzinfo=None)
    return datetime.datetime.combine(value, datetime.time())


def last_date(veranstaltung):
    """Last day of the series (or the event); None for a series without end date."""
    if not veranstaltung.wiederholung:
        return veranstaltung.end_date
    if veranstaltung.wiederholung_bis is None:
        return None
    return veranstaltung.wiederholung_bis + (veranstaltung.end_date - veranstaltung.start_date)
