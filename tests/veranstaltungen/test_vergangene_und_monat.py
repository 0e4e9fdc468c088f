"""A past event says it took place, an empty month leads to the nearest meetings, no empty column."""

import datetime

import pytest

from veranstaltungen import queries

pytestmark = pytest.mark.django_db

FACTS_ONLY = '<div class="veranstaltung__layout veranstaltung__layout--nur-fakten">'


def status_of(response):
    content = response.content.decode()
    return content.split("<dt>Status</dt><dd>", 1)[1].split("</dd>", 1)[0]


def test_a_past_event_says_it_took_place(client, make_veranstaltung):
    page = make_veranstaltung("v", title="Vorbei", start_date=datetime.date(2025, 2, 1))

    response = client.get(page.url)

    assert status_of(response) == "Stattgefunden"


def test_an_upcoming_event_stays_planned(client, make_veranstaltung):
    page = make_veranstaltung("k", title="Kommt", start_date=queries.today() + datetime.timedelta(days=30))

    response = client.get(page.url)

    assert status_of(response) == "Geplant"


def test_a_past_cancelled_event_stays_cancelled(client, make_veranstaltung):
    page = make_veranstaltung("a", title="Ausgefallen", start_date=datetime.date(2025, 2, 1), status="abgesagt")

    response = client.get(page.url)

    assert status_of(response) == "Abgesagt"


def test_an_empty_month_says_so_and_links_the_months_of_the_next_and_previous_meeting(client, make_veranstaltung):
    make_veranstaltung("f", title="Früher", start_date=datetime.date(2027, 1, 12))
    make_veranstaltung("s", title="Später", start_date=datetime.date(2027, 6, 8))
    make_veranstaltung("n", title="Noch später", start_date=datetime.date(2027, 9, 1))

    response = client.get("/veranstaltungen/?ansicht=monat&monat=2027-03")

    content = response.content.decode()
    assert response.context["monat_leer"] is True
    assert (response.context["frueherer_monat"], response.context["spaeterer_monat"]) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 6, 1),
    )
    assert "Im März 2027 finden keine Veranstaltungen statt, die zu Ihrer Auswahl passen." in content
    assert '<a href="?ansicht=monat&amp;monat=2027-06">Zur nächsten Veranstaltung im Juni 2027</a>' in content
    assert '<a href="?ansicht=monat&amp;monat=2027-01">Zur vorherigen Veranstaltung im Januar 2027</a>' in content


def test_the_links_of_an_empty_month_follow_the_filters(client, make_veranstaltung, themenfeld):
    make_veranstaltung("o", title="Ohne Themenfeld", start_date=datetime.date(2027, 4, 6))
    make_veranstaltung("m", title="Mit Themenfeld", start_date=datetime.date(2027, 7, 6), themenfelder=[themenfeld])

    response = client.get(f"/veranstaltungen/?ansicht=monat&monat=2027-03&themenfeld={themenfeld.slug}")

    assert (response.context["frueherer_monat"], response.context["spaeterer_monat"]) == (
        None,
        datetime.date(2027, 7, 1),
    )


def test_an_empty_month_without_any_meeting_says_where_else_to_look(client, index):
    response = client.get("/veranstaltungen/?ansicht=monat&monat=2027-03")

    assert "Es sind auch in anderen Monaten keine Veranstaltungen eingetragen." in response.content.decode()


def test_a_month_with_a_meeting_shows_no_empty_notice(client, make_veranstaltung):
    make_veranstaltung("m", title="Im März", start_date=datetime.date(2027, 3, 9))

    response = client.get("/veranstaltungen/?ansicht=monat&monat=2027-03")

    assert response.context["monat_leer"] is False
    assert "finden keine Veranstaltungen statt" not in response.content.decode()


def test_an_event_without_description_shows_only_the_facts_box(client, make_veranstaltung):
    page = make_veranstaltung("o", title="Ohne Beschreibung", start_date=datetime.date(2027, 3, 9), body=[])

    content = client.get(page.url).content.decode()

    assert FACTS_ONLY in content
    assert 'class="veranstaltung__body"' not in content


def test_an_event_with_description_keeps_both_columns(client, make_veranstaltung):
    page = make_veranstaltung(
        "m",
        title="Mit Beschreibung",
        start_date=datetime.date(2027, 3, 9),
        body=[("absatz", "<p>Worum es geht.</p>")],
    )

    content = client.get(page.url).content.decode()

    assert FACTS_ONLY not in content
    assert 'class="veranstaltung__body"' in content
