"""axe-core on the library, a detail page and /umsetzung/; the filters work with the keyboard alone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "Bibliothek mit Filtern": "/praxisbeispiele/?themenfeld=ankommen-und-orientierung&zielgruppe=kinder",
    "Bibliothek ohne Treffer": "/praxisbeispiele/?themenfeld=bildung&kommune=stadt-pirmasens&ebene=land",
    "Praxisbeispiel": "/praxisbeispiele/pirmasenser-weg-zur-integration/",
    "Umsetzung": "/umsetzung/?stand=in_pruefung",
}


def test_library_pages_have_no_serious_wcag_violations(seeded, live_server, tab):
    found = {}

    for name, path in PAGES.items():
        assert tab.page.goto(live_server.url + path).status == 200, name
        found[name] = tab.axe_violations()

    assert found == {name: [] for name in PAGES}


def tab_until(page, condition, limit=100):
    """Press Tab until condition (JavaScript) holds; fail instead of looping forever."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    pytest.fail(f"Nach {limit} Tabs noch nicht erreicht: {condition}")


def test_filters_work_with_the_keyboard_alone(seeded, live_server, tab):
    page = tab.page
    page.goto(live_server.url + "/praxisbeispiele/")
    checkbox = page.locator("#f-themenfeld-bildung")

    tab_until(page, "document.activeElement.id === 'f-themenfeld-bildung'")
    page.keyboard.press("Space")
    tab_until(page, "document.activeElement.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "themenfeld=bildung" in page.url
    assert checkbox.is_checked()
    assert page.locator("#ergebnis-titel").text_content() == "4 Praxisbeispiele"
