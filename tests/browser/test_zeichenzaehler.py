"""In Chromium under the site's CSP: the counter counts, nothing is cut, and the preview takes focus."""

from django.test import Client

from wagtail.models import Locale, Page

import pytest

from konto.roles import Rolle
from konto.setup import ensure_groups
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seite(transactional_db, browser, live_server):
    """A member's tab at 390 px, without bypassing the CSP, so the script runs as it does for members."""
    # The flush after a transactional test also removes the root page that migrations created.
    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(language_code="de")
        Page.add_root(instance=Page(title="Root", slug="root"))
    ensure_groups()
    client = Client()
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=KommuneFactory(name="Mayen-Koblenz")))
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


def test_counter_says_what_is_left_and_what_is_too_much_without_cutting(seite, live_server):
    page, errors = seite
    page.goto(live_server.url + "/diskussionen/neu/")
    titel = page.get_by_label("Titel")

    anfang = page.locator("#id_title_zaehler").text_content()
    titel.fill("Sprachkurse")
    danach = page.locator("#id_title_zaehler").text_content()
    titel.fill("T" * 205)

    assert (anfang, danach) == ("noch 200 Zeichen", "noch 189 Zeichen")
    assert page.locator("#id_title_zaehler").text_content() == "5 Zeichen zu viel"
    assert len(titel.input_value()) == 205
    assert "id_title_zaehler" in titel.get_attribute("aria-describedby").split()
    assert page.locator("#id_body_zaehler").text_content() == "noch 20.000 Zeichen"
    assert errors == []


def test_preview_shows_line_breaks_and_takes_focus(seite, live_server):
    page, errors = seite
    page.goto(live_server.url + "/diskussionen/neu/")
    page.get_by_label("Titel").fill("Sprachkurse nach Zuweisung")
    page.get_by_label("Ihr Beitrag").fill("Wie machen Sie das?\n\nViele Grüße\nErika Muster")

    with page.expect_navigation():
        page.get_by_role("button", name="Vorschau").click()

    vorschau = page.get_by_role("region", name="Vorschau")
    assert vorschau.locator(".beitrag__text p").all_inner_texts() == [
        "Wie machen Sie das?",
        "Viele Grüße\nErika Muster",
    ]
    assert page.evaluate("document.activeElement.id") == "vorschau"
    assert page.get_by_label("Ihr Beitrag").input_value() == "Wie machen Sie das?\n\nViele Grüße\nErika Muster"
    assert errors == []
