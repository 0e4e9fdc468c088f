"""Veranstaltungen as iCalendar (RFC 5545) for subscriptions and single downloads.

Subscribed calendars are polled every few hours and must recognise every change by UID and
SEQUENCE alone; see docs/calendar.md for how Outlook, Google, Apple and Thunderbird read them.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

from veranstaltungen import recurrence
from veranstaltungen.choices import AusnahmeArt, Status

PRODID = "-//Netzwerk Integration Rheinland-Pfalz//Veranstaltungen//DE"
TZID = "Europe/Berlin"
# Changes to what this module writes must invalidate cached feeds and ETags.
FORMAT_VERSION = "1"
# Fields whose change a subscribed client must notice (RFC 5545, 3.8.7.4: SEQUENCE).
RELEVANT_FIELDS = frozenset(
    {
        "title",
        "slug",
        "summary",
        "art",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "wiederholung",
        "wiederholung_bis",
        "ort",
        "online_url",
        "veranstalter",
        "veranstalter_name",
        "sichtbarkeit",
        "status",
        "status_hinweis",
    }
)


def refresh_interval():
    return datetime.timedelta(hours=settings.VERANSTALTUNGEN_KALENDER_AKTUALISIERUNG_STUNDEN)


# -- versioning ----------------------------------------------------------------


def fingerprint(page):
    """A digest of everything the calendar shows of page, exceptions and Themenfelder included."""
    values = {
        field: str(getattr(page, field if field != "veranstalter" else "veranstalter_id")) for field in RELEVANT_FIELDS
    }
    values["themenfelder"] = sorted(t.pk for t in page.themenfelder.all())
    values["ausnahmen"] = sorted(
        [str(a.datum), a.art, str(a.neues_datum), str(a.neue_startzeit), str(a.neue_endzeit), a.hinweis]
        for a in page.ausnahmen.all()
    )
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def track_changes(page, update_fields=None):
    """Set SEQUENCE, fingerprint and change time before page is saved; True if they changed.

    The stored row is the reference, not the instance: a page published from an older revision
    carries that revision's SEQUENCE, and SEQUENCE must never go down.
    """
    if update_fields is not None and not RELEVANT_FIELDS & set(update_fields):
        return False
    new = fingerprint(page)
    stored = None
    if page.pk:
        stored = (
            type(page).objects.filter(pk=page.pk).values_list("sequence", "ical_fingerprint", "ical_changed_at").first()
        )
    if stored is None:
        page.ical_fingerprint, page.ical_changed_at = new, page.ical_changed_at or timezone.now()
        return True
    page.sequence, page.ical_fingerprint, page.ical_changed_at = stored
    if stored[1] == new:
        return False
    page.sequence, page.ical_fingerprint, page.ical_changed_at = stored[0] + 1, new, timezone.now()
    return True


# -- building ------------------------------------------------------------------


def berlin_timezone():
    """VTIMEZONE for Europe/Berlin with the EU rules in force since 1996 (RFC 5545, 3.6.5).

    Two yearly rules instead of a list of every transition keep the feed small and are what
    Outlook, Google and Apple themselves write.
    """
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
    daylight.add("tzoffsetto", datetime.timedelta(hours=2))
    daylight.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
    standard.add("tzoffsetto", datetime.timedelta(hours=1))
    standard.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def new_calendar(name, description=""):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # RFC 7986 names plus the X-WR-* names older Outlook and Apple versions read.
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", description)
    cal.add("x-wr-timezone", TZID)
    cal.add("refresh-interval", refresh_interval(), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(refresh_interval()))
    cal.add_component(berlin_timezone())
    return cal


def build_calendar(veranstaltungen, links, *, name, description="", for_member=False, anmeldungen=None):
    """A VCALENDAR with every page in veranstaltungen (ausnahmen and themenfelder prefetched).

    links maps page id to its absolute URL; for_member adds the online link; anmeldungen maps
    page id to the member's registration status.
    """
    cal = new_calendar(name, description)
    for page in veranstaltungen:
        context = EventContext(links[page.pk], for_member, (anmeldungen or {}).get(page.pk))
        for component in events_for(page, context):
            cal.add_component(component)
    return cal


class EventContext:
    def __init__(self, url, for_member=False, anmeldung_status=None):
        self.url, self.for_member, self.anmeldung_status = url, for_member, anmeldung_status


def events_for(page, context):
    """The VEVENT of page and one VEVENT per cancelled or moved date of its series."""
    ausnahmen = sorted(page.ausnahmen.all(), key=lambda a: a.datum)
    master = _base_event(page, context, cancelled=page.is_cancelled)
    master.add("dtstart", recurrence.local_start(page))
    master.add("dtend", _end(page, recurrence.local_start(page)))
    parts = recurrence.rule_parts(page)
    if parts is None:
        return [master]
    master.add("rrule", parts)
    excluded = [recurrence.local_start(page, a.datum) for a in ausnahmen if a.art == AusnahmeArt.ENTFAELLT]
    if excluded:
        master.add("exdate", excluded)
    overrides = [_override(page, a, context) for a in ausnahmen if a.art != AusnahmeArt.ENTFAELLT]
    return [master, *overrides]


def _end(page, start):
    return recurrence.wall_clock_end(start, recurrence.duration(page))


def _override(page, ausnahme, context):
    """RFC 5545, 3.8.4.4: the occurrence identified by its original start, with its new data."""
    cancelled = page.is_cancelled or ausnahme.art == AusnahmeArt.ABGESAGT
    event = _base_event(page, context, cancelled=cancelled, hinweis=ausnahme.hinweis)
    original = recurrence.local_start(page, ausnahme.datum)
    event.add("recurrence-id", original)
    if ausnahme.art == AusnahmeArt.VERSCHOBEN:
        start, end = recurrence.moved_times(page, ausnahme)
    else:
        start, end = original, _end(page, original)
    event.add("dtstart", start)
    event.add("dtend", end)
    return event


def _base_event(page, context, *, cancelled, hinweis=""):
    event = Event()
    event.add("uid", page.uid)
    # Without METHOD, DTSTAMP is the last revision in the calendar store (RFC 5545, 3.8.7.2).
    event.add("dtstamp", page.ical_changed_at)
    event.add("last-modified", page.ical_changed_at)
    event.add("sequence", page.sequence)
    # Google Calendar ignores STATUS in subscriptions, so the title says it too.
    title = _("Abgesagt: %(title)s") % {"title": page.title} if cancelled else page.title
    event.add("summary", title)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    location = _location(page, context)
    if location:
        event.add("location", location)
    event.add("url", context.url)
    event.add("description", description(page, context, hinweis))
    categories = [page.get_art_display(), *(t.title for t in page.themenfelder.all())]
    event.add("categories", categories)
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def _location(page, context):
    if page.ort:
        return " ".join(page.ort.split())
    if context.for_member and page.online_url:
        return page.online_url
    return _("Online") if page.online_url else ""


def description(page, context, hinweis=""):
    """Plain text (RFC 5545, 3.8.1.5): summary, status note, access and where to read more."""
    lines = [" ".join(page.summary.split())]
    notes = [text for text in (page.status_hinweis if page.status != Status.GEPLANT else "", hinweis) if text]
    lines.extend(notes)
    if context.for_member and page.online_url:
        lines.append(_("Online-Teilnahme: %(url)s") % {"url": page.online_url})
    if page.veranstalter_label:
        lines.append(_("Veranstalter: %(name)s") % {"name": page.veranstalter_label})
    if context.anmeldung_status:
        lines.append(_("Ihre Anmeldung: %(status)s") % {"status": context.anmeldung_status.label})
    lines.append(_("Weitere Informationen: %(url)s") % {"url": context.url})
    return "\n\n".join(lines)


def einzeltermin(page, url, *, anmeldung_status=None, now=None):
    """One Veranstaltung as an .ics file for a mail (RFC 5546, METHOD:PUBLISH): bytes.

    The UID is the page's, so a calendar that imports the file and also subscribes to a feed
    keeps one entry. With METHOD, DTSTAMP is when this file was made (RFC 5545, 3.8.7.2).
    """
    cal = new_calendar(page.title)
    cal.add("method", "PUBLISH")
    stamp = now or timezone.now()
    for event in events_for(page, EventContext(url, for_member=True, anmeldung_status=anmeldung_status)):
        del event["dtstamp"]
        event.add("dtstamp", stamp)
        cal.add_component(event)
    return cal.to_ical()
