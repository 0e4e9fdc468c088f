"""Every Themenfeld calendar of the demo seed has a next meeting, today and years from now."""

import datetime

from django.test import Client

import icalendar
import pytest
from dateutil import rrule

from netzwerk_site.models import Themenfeld
from veranstaltungen import queries
from veranstaltungen.models import VeranstaltungPage
from veranstaltungen.seeding import demo_slugs

pytestmark = pytest.mark.django_db


def next_start(feed, day):
    """The first start on or after day in the calendar, its series expanded as a client does."""
    starts = []
    for event in feed.walk("VEVENT"):
        start = event["dtstart"].dt
        start = start.date() if isinstance(start, datetime.datetime) else start
        dates = [start]
        if "rrule" in event:
            rule = rrule.rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
            dates = [rule.after(datetime.datetime.combine(day, datetime.time()), inc=True)]
        starts.extend(d.date() if isinstance(d, datetime.datetime) else d for d in dates if d)
    return min((s for s in starts if s >= day), default=None)


@pytest.mark.parametrize("years_later", [0, 2])
def test_each_themenfeld_feed_has_a_meeting_after_the_day(seeded_module, monkeypatch, years_later):
    day = queries.today() + datetime.timedelta(days=365 * years_later)
    monkeypatch.setattr(queries, "today", lambda: day)
    client = Client()

    nexts = {
        themenfeld.slug: next_start(
            icalendar.Calendar.from_ical(
                client.get(f"/veranstaltungen/themenfeld/{themenfeld.slug}/kalender.ics").content
            ),
            day,
        )
        for themenfeld in Themenfeld.objects.order_by("order")
    }

    assert len(nexts) == 5
    assert [slug for slug, start in nexts.items() if start is None] == []
    assert all(start > day for start in nexts.values())


def test_the_follow_up_dialogforen_are_demo_series_without_an_invented_place(seeded_module):
    foren = VeranstaltungPage.objects.filter(slug__startswith="dialogforum-").order_by("start_date")

    assert [(p.themenfelder.get().slug, p.wiederholung, p.wiederholung_bis, p.ort) for p in foren] == [
        ("ankommen-und-orientierung", "halbjaehrlich", None, "Ort wird bekanntgegeben"),
        ("deutscherwerb-sprachbildung-sprachmittlung", "halbjaehrlich", None, "Ort wird bekanntgegeben"),
        ("bildung", "halbjaehrlich", None, "Ort wird bekanntgegeben"),
        ("arbeitsmarkt", "halbjaehrlich", None, "Ort wird bekanntgegeben"),
        ("integration-in-den-sozialen-raum", "halbjaehrlich", None, "Ort wird bekanntgegeben"),
    ]
    assert {p.slug for p in foren} <= demo_slugs()
