"""The search field in the header of every page: reached with Tab, sent with Enter, with and without JavaScript."""

from urllib.parse import parse_qs, urlsplit

from django.test import Client

import pytest

from konto.roles import Rolle
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "Startseite": "/",
    "Praxisbeispiel": "/praxisbeispiele/kreuznacher-modell/",
    "Themenfeld": "/themenfelder/ankommen-und-orientierung/",
    "Veranstaltungen": "/veranstaltungen/",
    "Bibliothek": "/praxisbeispiele/",
    "Fehlerseite": "/gibt-es-nicht/",
    "Nur für Mitglieder": "/diskussionen/",
}
STATUS = {"Fehlerseite": 404}


@pytest.fixture
def member_session(seeded):
    """The session key of a logged-in Kommune member, for the members-only page."""
    client = Client()
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=KommuneFactory(name="Mayen-Koblenz")))
    return client.cookies["sessionid"].value


def search_from_the_header(page, base_url, path):
    """Open path, Tab to the header's search field, type and press Enter; return (status, URL, hits)."""
    status = page.goto(base_url + path).status
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id === 'kopfsuche-q'"):
            break
    else:
        pytest.fail(f"Das Suchfeld im Kopf ist auf {path} mit Tab nicht erreichbar.")
    page.keyboard.type("Sprachmittlung")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    hits = page.locator(".suche-treffer h3 a").count()
    return status, page.url, hits


@pytest.mark.parametrize("javascript", [True, False], ids=["mit JavaScript", "ohne JavaScript"])
def test_header_search_works_with_the_keyboard_on_every_page_type(browser, live_server, member_session, javascript):
    context = browser.new_context(locale="de-DE", java_script_enabled=javascript)
    context.add_cookies([{"name": "sessionid", "value": member_session, "url": live_server.url}])
    page = context.new_page()
    found = {}

    for name, path in PAGES.items():
        status, url, hits = search_from_the_header(page, live_server.url, path)
        parts = urlsplit(url)
        found[name] = (status, parts.path, parse_qs(parts.query), hits > 0)
    context.close()

    assert found == {name: (STATUS.get(name, 200), "/suche/", {"q": ["Sprachmittlung"]}, True) for name in PAGES}


@pytest.mark.parametrize("width", [320, 390])
def test_header_search_fits_a_narrow_screen_without_horizontal_scrolling(browser, live_server, seeded, width):
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + "/")

    # The layout width: the window less a vertical scroll bar where the browser draws one.
    layout = page.evaluate("document.documentElement.clientWidth")
    header = page.evaluate("document.querySelector('.site-header').scrollWidth")
    form_right = page.evaluate("Math.ceil(document.querySelector('.kopfsuche').getBoundingClientRect().right)")
    context.close()

    assert (header <= layout, form_right <= layout, layout <= width) == (True, True, True)
