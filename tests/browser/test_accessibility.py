"""axe-core on the foundation's page types, with the seeded content."""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "Startseite": "/",
    "Themenfeld": "/themenfelder/ankommen-und-orientierung/",
    "Handlungsfeld": "/themenfelder/ankommen-und-orientierung/informationsvermittlung-in-den-afa/",
    "Praxisbeispiel": "/praxisbeispiele/kreuznacher-modell/",
    "Kommune": "/kommunen/landkreis-bad-kreuznach/",
    "Kommunen": "/kommunen/",
    "Anmeldung": "/konto/anmelden/",
}


def test_foundation_pages_have_no_serious_wcag_violations_and_request_no_other_host(seeded, live_server, tab):
    own_host = urlsplit(live_server.url).netloc

    found = tab.violations_per_page(live_server.url, PAGES)

    assert found == {name: [] for name in PAGES}
    assert tab.hosts == {own_host}


def test_skip_link_moves_focus_to_the_main_content(seeded, live_server, tab):
    tab.page.goto(live_server.url + "/")

    tab.page.keyboard.press("Tab")
    focused = tab.page.evaluate("document.activeElement.textContent")
    tab.page.keyboard.press("Enter")

    assert focused == "Zum Inhalt springen"
    assert tab.page.evaluate("document.activeElement.id") == "inhalt"
