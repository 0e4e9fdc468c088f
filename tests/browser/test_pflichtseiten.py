"""axe-core on the legal pages, the barrier report with validation errors and the Leichte-Sprache page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "Impressum": "/impressum/",
    "Datenschutzerklärung": "/datenschutz/",
    "Erklärung zur Barrierefreiheit": "/barrierefreiheit/",
    "Leichte Sprache": "/leichte-sprache/",
}


def test_legal_pages_have_no_serious_wcag_violations(seeded, live_server, tab):
    found = {}

    for name, path in PAGES.items():
        assert tab.page.goto(live_server.url + path).status == 200, name
        found[name] = tab.axe_violations()

    assert found == {name: [] for name in PAGES}


def test_barrier_report_with_errors_has_no_serious_wcag_violations(seeded, live_server, tab):
    page = tab.page
    page.goto(live_server.url + "/barriere-melden/")

    page.fill("#id_name", "Erika Beispiel")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Meldung senden").click()

    assert page.locator("#fehler").is_visible()
    assert page.evaluate("document.activeElement.id") == "fehler"
    assert page.input_value("#id_name") == "Erika Beispiel"
    assert tab.axe_violations() == []
