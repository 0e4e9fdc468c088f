"""An anonymous visitor searches, filters the library, reads an example and subscribes to the calendar."""

import pytest

from tests.journeys.conftest import follow, on_small_screen, screenshot, vevent_summaries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_searches_filters_reads_an_example_and_subscribes_to_the_calendar(seeded, live_server, person):
    base = live_server.url
    page = person()

    page.goto(base + "/")
    page.get_by_role("search").get_by_label("Suche im Portal").fill("Sprachmittlung")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    search_hits = page.get_by_role("link", name="Sprachziel: Deutsch").count()

    follow(page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Praxisbeispiele"))
    page.get_by_role("checkbox", name="Integration in den sozialen Raum").check()
    page.get_by_role("checkbox", name="Stadt Mainz").check()
    follow(page.get_by_role("button", name="Filter anwenden"))
    # The result count is a heading inside a status region, announced when the filters change.
    results = page.get_by_role("status").get_by_role("heading", level=2).inner_text()
    follow(page.get_by_role("link", name="Mainzer Sprachbrücke"))
    example_heading = page.get_by_role("heading", level=1).inner_text()

    assert search_hits == 1
    assert results == "2 Praxisbeispiele"
    assert example_heading == "Mainzer Sprachbrücke"

    follow(page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Veranstaltungen"))
    subscription = page.get_by_role("link", name="Alle öffentlichen Veranstaltungen abonnieren (webcal)")
    feed_url = subscription.get_attribute("href").replace("webcal://", "http://", 1)
    screenshot(page, "besucher-veranstaltungen")
    feed = page.request.get(feed_url)

    assert feed.status == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert len(vevent_summaries(feed.text())) >= 1

    page.goto(base + "/veranstaltungen/netzwerktreffen-interkommunales-netzwerk/")
    login = {
        "h1": page.get_by_role("heading", level=1).inner_text(),
        "Kopfzeile": page.get_by_role("banner").count(),
        "Fußzeile": page.get_by_role("contentinfo").count(),
    }

    assert page.url.startswith(base + "/konto/anmelden/?next=")
    assert login == {"h1": "Anmelden", "Kopfzeile": 1, "Fußzeile": 1}

    small = on_small_screen(person, base, "besucher", "/veranstaltungen/")

    assert small == {"/veranstaltungen/": 0}
