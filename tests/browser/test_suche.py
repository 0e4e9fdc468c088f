"""axe-core on /suche/ with results, with a suggestion and with zero results; no request leaves the site."""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "Treffer mit Facetten": "/suche/?q=Gefl%C3%BCchtete",
    "Tippfehler mit Vorschlag": "/suche/?q=Kreuznacer+Modell",
    "Gefiltert": "/suche/?q=Sprache&typ=handlungsfeld",
    "Keine Treffer": "/suche/?q=Raumfahrtbeh%C3%B6rde",
}


def test_search_pages_have_no_serious_wcag_violations(seeded, live_server, tab):
    found = {}

    for name, path in PAGES.items():
        assert tab.page.goto(live_server.url + path).status == 200, name
        found[name] = tab.axe_violations()

    assert found == {name: [] for name in PAGES}
    assert tab.hosts == {urlsplit(live_server.url).netloc}


def test_search_shows_marked_snippets_and_the_suggestion(seeded, live_server, tab):
    page = tab.page

    page.goto(live_server.url + "/suche/?q=Kreuznacer+Modell")

    assert page.locator(".suche-vorschlag a").text_content() == "„Kreuznacher Modell“"
    # The example first, then the Handlungsfeld under which the Auftaktdialog documented it.
    assert page.locator(".suche-treffer h3 a").all_text_contents() == [
        "Kreuznacher Modell",
        "Frühzeitige Maßnahmen zur sprachlichen und sozialen Integration",
    ]
    assert page.locator(".suche-treffer__auszug mark").first.text_content() == "Kreuznacher"
