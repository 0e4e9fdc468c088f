"""iCalendar feeds, checked against golden files and read back with three independent parsers."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject

from tests.factories.konto import UserFactory
from tests.golden import assert_golden
from tests.veranstaltungen.conftest import STAMP, freeze_changes, publish
from veranstaltungen import kalenderzugang
from veranstaltungen.choices import AusnahmeArt, Sichtbarkeit, Status, Wiederholung
from veranstaltungen.models import Ausnahme

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parent / "golden"
BERLIN = ZoneInfo("Europe/Berlin")


def unfolded(body):
    """Content lines joined again (RFC 5545, 3.1), so that text checks do not depend on folding."""
    return body.replace(b"\r\n ", b"")


def parse(body):
    """The feed as icalendar, recurring-ical-events and vobject see it."""
    calendar = icalendar.Calendar.from_ical(body)
    return calendar, recurring_ical_events.of(calendar), vobject.readOne(body.decode())


def occurrences(body, start, end):
    _calendar, expanded, _vobject = parse(body)
    return [
        (str(e["UID"]), e.decoded("DTSTART"), str(e.get("STATUS")))
        for e in sorted(expanded.between(start, end), key=lambda e: e.decoded("DTSTART"))
    ]


@pytest.fixture
def serie(make_veranstaltung, themenfeld):
    """First Tuesday of each month from February to November 2027, across both DST changes."""
    page = make_veranstaltung(
        "serie-1",
        title="Online-Sprechstunde Integrationsmanagement",
        slug="sprechstunde",
        summary="Fragen rund um das kommunale Integrationsmanagement.",
        start_date=datetime.date(2027, 2, 2),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
        wiederholung=Wiederholung.MONATLICH_WOCHENTAG,
        wiederholung_bis=datetime.date(2027, 11, 30),
        ort="",
        online_url="https://konferenz.example.org/sprechstunde",
        themenfelder=[themenfeld],
    )
    page.ausnahmen = [
        Ausnahme(datum=datetime.date(2027, 3, 2), art=AusnahmeArt.ENTFAELLT),
        Ausnahme(
            datum=datetime.date(2027, 4, 6),
            art=AusnahmeArt.VERSCHOBEN,
            neues_datum=datetime.date(2027, 4, 8),
            neue_startzeit=datetime.time(14, 0),
            hinweis="Wegen der Osterferien auf Donnerstag verschoben.",
        ),
        Ausnahme(datum=datetime.date(2027, 6, 1), art=AusnahmeArt.ABGESAGT, hinweis="Entfällt wegen Krankheit."),
    ]
    return publish(page)


@pytest.fixture
def feed_inhalt(make_veranstaltung, serie):
    """One of each: a timed event, a series with exceptions, a multi-day all-day event, a cancelled
    event, and an internal meeting that must not leak."""
    make_veranstaltung("einzel-1", title="Netzwerktreffen Frühjahr", slug="netzwerktreffen", summary="Austausch.")
    make_veranstaltung(
        "ganztags-1",
        title="Fachtag Verein und Ehrenamt",
        slug="fachtag",
        summary="Zwei Tage zu Förderung und Engagement.",
        start_date=datetime.date(2027, 5, 7),
        start_time=None,
        end_date=datetime.date(2027, 5, 8),
        end_time=None,
    )
    make_veranstaltung(
        "abgesagt-1",
        title="Runder Tisch Sprachbildung",
        slug="runder-tisch",
        summary="Erstes Treffen.",
        start_date=datetime.date(2027, 2, 10),
        status=Status.ABGESAGT,
        status_hinweis="Ein neuer Termin folgt.",
    )
    make_veranstaltung(
        "intern-1",
        title="Internes Vorbereitungstreffen",
        slug="intern",
        summary="Nur für das Netzwerk.",
        sichtbarkeit=Sichtbarkeit.NETZWERK,
        online_url="https://konferenz.example.org/intern",
    )
    freeze_changes()


def test_public_feed_matches_golden_file_and_hides_internal_meetings(client, feed_inhalt):
    response = client.get("/veranstaltungen/kalender.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert_golden(GOLDEN / "oeffentlich.ics", response.content)
    uids = sorted({str(e["UID"]) for e in parse(response.content)[0].walk("VEVENT")})
    assert uids == ["abgesagt-1", "einzel-1", "ganztags-1", "serie-1"]
    assert b"Internes Vorbereitungstreffen" not in unfolded(response.content)
    assert b"konferenz.example.org" not in unfolded(response.content)


def test_feed_has_the_calendar_properties_clients_need(client, feed_inhalt):
    response = client.get("/veranstaltungen/kalender.ics")

    calendar, _expanded, vcal = parse(response.content)
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Berlin"
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"])
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=4)
    assert str(calendar["X-PUBLISHED-TTL"].to_ical().decode()) == "PT4H"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert vcal.vevent.uid.value and vcal.vtimezone.tzid.value == "Europe/Berlin"
    for event in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED", "DTSTART", "DTEND", "URL", "DESCRIPTION"} <= set(event)
        assert event.decoded("DTSTAMP") == STAMP


def test_timed_events_carry_tzid_and_all_day_events_value_date(client, feed_inhalt):
    response = client.get("/veranstaltungen/kalender.ics")

    events = {str(e["UID"]): e for e in parse(response.content)[0].walk("VEVENT") if "RECURRENCE-ID" not in e}
    assert events["einzel-1"]["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert events["einzel-1"].decoded("DTSTART") == datetime.datetime(2027, 3, 9, 10, 0, tzinfo=BERLIN)
    assert events["ganztags-1"].decoded("DTSTART") == datetime.date(2027, 5, 7)
    # DTEND of an all-day event is exclusive (RFC 5545, 3.6.1).
    assert events["ganztags-1"].decoded("DTEND") == datetime.date(2027, 5, 9)


def test_series_keeps_wall_clock_time_across_march_and_october_dst_changes(client, serie):
    response = client.get("/veranstaltungen/kalender.ics")

    found = occurrences(response.content, datetime.date(2027, 1, 1), datetime.date(2028, 1, 1))
    starts = [start for _uid, start, _status in found]
    assert [(s.hour, s.minute) for s in starts if s != datetime.datetime(2027, 4, 8, 14, 0, tzinfo=BERLIN)] == [
        (10, 0)
    ] * 8
    offsets = {s.date(): s.utcoffset() for s in starts}
    assert offsets[datetime.date(2027, 2, 2)] == datetime.timedelta(hours=1)
    assert offsets[datetime.date(2027, 5, 4)] == datetime.timedelta(hours=2)
    assert offsets[datetime.date(2027, 11, 2)] == datetime.timedelta(hours=1)


def test_excluded_date_is_gone_and_moved_occurrence_appears_once_at_its_new_time(client, serie):
    response = client.get("/veranstaltungen/kalender.ics")

    march_april = occurrences(response.content, datetime.date(2027, 3, 1), datetime.date(2027, 5, 1))
    assert march_april == [("serie-1", datetime.datetime(2027, 4, 8, 14, 0, tzinfo=BERLIN), "CONFIRMED")]


def test_cancelled_occurrence_stays_in_the_feed_as_cancelled(client, serie):
    response = client.get("/veranstaltungen/kalender.ics")

    june = occurrences(response.content, datetime.date(2027, 6, 1), datetime.date(2027, 6, 30))
    assert june == [("serie-1", datetime.datetime(2027, 6, 1, 10, 0, tzinfo=BERLIN), "CANCELLED")]


def test_vobject_reads_series_rule_exdate_and_overrides(client, serie):
    response = client.get("/veranstaltungen/kalender.ics")

    events = parse(response.content)[2].vevent_list
    master = next(e for e in events if not hasattr(e, "recurrence_id"))
    overrides = sorted(e.recurrence_id.value for e in events if hasattr(e, "recurrence_id"))
    assert master.rrule.value == "FREQ=MONTHLY;UNTIL=20271130T090000Z;BYDAY=1TU"
    assert master.exdate.value == [datetime.datetime(2027, 3, 2, 10, 0, tzinfo=master.dtstart.value.tzinfo)]
    assert [(o.year, o.month, o.day, o.hour) for o in overrides] == [(2027, 4, 6, 10), (2027, 6, 1, 10)]
    # Created (0), Themenfeld set (1), exceptions published (2); overrides share the master's SEQUENCE.
    assert [e.sequence.value for e in events] == ["2", "2", "2"]


def test_cancelling_an_event_bumps_sequence_and_sets_status_cancelled(client, make_veranstaltung):
    page = make_veranstaltung("einzel-1", title="Netzwerktreffen")
    before = parse(client.get("/veranstaltungen/kalender.ics").content)[0].walk("VEVENT")[0]

    page.status = Status.ABGESAGT
    publish(page)
    after = parse(client.get("/veranstaltungen/kalender.ics").content)[0].walk("VEVENT")[0]

    assert (before["SEQUENCE"], str(before["STATUS"])) == (0, "CONFIRMED")
    assert (after["SEQUENCE"], str(after["STATUS"]), str(after["SUMMARY"])) == (
        1,
        "CANCELLED",
        "Abgesagt: Netzwerktreffen",
    )
    assert str(after["UID"]) == "einzel-1"


def test_publishing_without_calendar_relevant_change_keeps_sequence(make_veranstaltung):
    page = make_veranstaltung("einzel-1")

    page.search_description = "Nur für Suchmaschinen."
    publish(page)
    page.save_revision()
    page.refresh_from_db()

    assert (page.sequence, page.ical_changed_at) == (0, STAMP)


def test_republishing_an_older_revision_never_lowers_sequence(make_veranstaltung):
    page = make_veranstaltung("einzel-1", title="Erster Titel")
    old_revision = page.save_revision()
    page.title = "Zweiter Titel"
    publish(page)

    old_revision.publish()
    page.refresh_from_db()

    assert (page.title, page.sequence) == ("Erster Titel", 2)


def test_etag_gives_304_and_changes_when_an_event_changes(client, make_veranstaltung):
    page = make_veranstaltung("einzel-1")
    first = client.get("/veranstaltungen/kalender.ics")

    unchanged = client.get("/veranstaltungen/kalender.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    since = client.get("/veranstaltungen/kalender.ics", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    page.title = "Neuer Titel"
    publish(page)
    changed = client.get("/veranstaltungen/kalender.ics", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Last-Modified"] == "Sun, 01 Nov 2026 09:00:00 GMT"
    assert (unchanged.status_code, unchanged["ETag"], unchanged.content) == (304, first["ETag"], b"")
    assert since.status_code == 304
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert b"SUMMARY:Neuer Titel" in unfolded(changed.content)


def test_unpublishing_an_event_changes_etag_and_last_modified(client, make_veranstaltung):
    page = make_veranstaltung("einzel-1")
    make_veranstaltung("einzel-2")
    first = client.get("/veranstaltungen/kalender.ics")

    page.unpublish()
    response = client.get(
        "/veranstaltungen/kalender.ics",
        HTTP_IF_NONE_MATCH=first["ETag"],
    )
    since = client.get("/veranstaltungen/kalender.ics", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert response.status_code == 200
    assert since.status_code == 200
    assert [str(e["UID"]) for e in parse(response.content)[0].walk("VEVENT")] == ["einzel-2"]


@pytest.mark.parametrize("count", [1, 3])
def test_public_feed_query_count_does_not_grow_with_events(
    client, make_veranstaltung, django_assert_num_queries, count
):
    for number in range(count):
        make_veranstaltung(f"einzel-{number}", wiederholung=Wiederholung.JAEHRLICH)

    with django_assert_num_queries(6):
        response = client.get("/veranstaltungen/kalender.ics")

    assert len(parse(response.content)[0].walk("VEVENT")) == count


@pytest.mark.parametrize("count", [1, 3])
def test_conditional_request_costs_two_queries(client, make_veranstaltung, django_assert_num_queries, count):
    for number in range(count):
        make_veranstaltung(f"einzel-{number}")
    etag = client.get("/veranstaltungen/kalender.ics")["ETag"]

    # Wagtail's public() reads the view restrictions first, then the feed rows.
    with django_assert_num_queries(2):
        response = client.get("/veranstaltungen/kalender.ics", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304


def test_themenfeld_feed_holds_only_public_events_of_that_themenfeld(client, make_veranstaltung, themenfeld):
    make_veranstaltung("passend-1", themenfelder=[themenfeld])
    make_veranstaltung("anderes-1")
    make_veranstaltung("intern-1", themenfelder=[themenfeld], sichtbarkeit=Sichtbarkeit.NETZWERK)

    response = client.get(f"/veranstaltungen/themenfeld/{themenfeld.slug}/kalender.ics")

    assert [str(e["UID"]) for e in parse(response.content)[0].walk("VEVENT")] == ["passend-1"]


def test_unknown_themenfeld_feed_is_404(client, index):
    response = client.get("/veranstaltungen/themenfeld/gibt-es-nicht/kalender.ics")

    assert response.status_code == 404


def test_single_event_download_is_an_attachment_with_one_event(client, make_veranstaltung):
    page = make_veranstaltung("einzel-1", slug="netzwerktreffen")
    make_veranstaltung("anderes-1")

    response = client.get("/veranstaltungen/netzwerktreffen/termin.ics")

    assert response["Content-Disposition"] == 'attachment; filename="netzwerktreffen.ics"'
    assert [str(e["UID"]) for e in parse(response.content)[0].walk("VEVENT")] == [page.uid]


def test_single_download_of_internal_event_is_404_for_anonymous_and_shows_link_to_members(
    client, member_client, make_veranstaltung
):
    make_veranstaltung(
        "intern-1", slug="intern", sichtbarkeit=Sichtbarkeit.NETZWERK, online_url="https://konferenz.example.org/x"
    )

    member = member_client.get("/veranstaltungen/intern/termin.ics")
    member_client.logout()
    anonymous = client.get("/veranstaltungen/intern/termin.ics")

    assert anonymous.status_code == 404
    assert member.status_code == 200
    assert b"Online-Teilnahme: https://konferenz.example.org/x" in unfolded(member.content)


def test_personal_feed_matches_golden_file(client, member, feed_inhalt):
    from veranstaltungen.anmeldung import anmelden
    from veranstaltungen.models import VeranstaltungPage

    fachtag = VeranstaltungPage.objects.get(slug="fachtag")
    fachtag.anmeldung_aktiv = True
    fachtag.save()
    freeze_changes()
    anmelden(fachtag, member)
    token = kalenderzugang.regenerate(member)

    response = client.get(f"/kalender/{token}.ics")

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    assert_golden(GOLDEN / "persoenlich.ics", response.content)
    uids = [str(e["UID"]) for e in parse(response.content)[0].walk("VEVENT")]
    assert uids == ["intern-1", "ganztags-1"]


def test_revoked_or_replaced_token_gives_404(client, member, make_veranstaltung):
    make_veranstaltung("intern-1", sichtbarkeit=Sichtbarkeit.NETZWERK)
    old = kalenderzugang.regenerate(member)
    new = kalenderzugang.regenerate(member)

    replaced = client.get(f"/kalender/{old}.ics")
    current = client.get(f"/kalender/{new}.ics")
    kalenderzugang.revoke(member)
    revoked = client.get(f"/kalender/{new}.ics")

    assert (replaced.status_code, current.status_code, revoked.status_code) == (404, 200, 404)


def test_token_of_a_deactivated_member_gives_404(client, member, make_veranstaltung):
    token = kalenderzugang.regenerate(member)
    member.is_active = False
    member.save()

    response = client.get(f"/kalender/{token}.ics")

    assert response.status_code == 404


def test_token_of_a_user_without_network_group_gives_404(client, groups, make_veranstaltung):
    outsider = UserFactory()
    token = kalenderzugang.regenerate(outsider)

    response = client.get(f"/kalender/{token}.ics")

    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_personal_feed_query_count_does_not_grow_with_events(
    client, member, make_veranstaltung, django_assert_num_queries, count
):
    for number in range(count):
        make_veranstaltung(f"intern-{number}", sichtbarkeit=Sichtbarkeit.NETZWERK)
    token = kalenderzugang.regenerate(member)

    with django_assert_num_queries(7):
        response = client.get(f"/kalender/{token}.ics")

    assert len(parse(response.content)[0].walk("VEVENT")) == count


def test_event_past_the_retention_window_leaves_the_feed(client, make_veranstaltung):
    make_veranstaltung("alt-1", start_date=datetime.date(2020, 1, 7), status=Status.ABGESAGT)
    make_veranstaltung("neu-1")

    response = client.get("/veranstaltungen/kalender.ics")

    assert [str(e["UID"]) for e in parse(response.content)[0].walk("VEVENT")] == ["neu-1"]
