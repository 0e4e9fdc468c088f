"""On a phone the results come before the filters; the Kommune choice filters as one types; no sideways scroll."""

from django.conf import settings

import pytest

from konto.roles import Rolle
from netzwerk_site.models import Kommune
from praxisbeispiele.submission import ensure_workflow
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ZWEI_FILTER = "/praxisbeispiele/?themenfeld=ankommen-und-orientierung&zielgruppe=kinder"
SEITEN = [ZWEI_FILTER, "/veranstaltungen/", "/veranstaltungen/?ansicht=monat", "/kommunen/", "/suche/?q=Sprache"]
BREITEN = {
    "320": {"viewport": {"width": 320, "height": 800}},
    "390": {"viewport": {"width": 390, "height": 844}},
    "1280-zoom-200": {"viewport": {"width": 640, "height": 800}, "device_scale_factor": 2},
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_on_a_phone_the_library_shows_its_first_result_above_the_fold_and_the_filters_folded(
    seeded, live_server, phone
):
    phone.goto(live_server.url + ZWEI_FILTER)

    erstes_ergebnis = phone.locator(".library__results .card-list > *").first.bounding_box()
    toggle = phone.locator(".filter-toggle summary").inner_text()

    assert erstes_ergebnis["y"] < 844
    assert toggle == "Filter (2 aktiv)"
    assert phone.locator("#f-themenfeld-bildung").is_visible() is False


@pytest.mark.parametrize("breite", BREITEN)
def test_library_events_kommunen_and_search_do_not_scroll_sideways(seeded, live_server, browser, breite):
    context = browser.new_context(locale="de-DE", **BREITEN[breite])
    page = context.new_page()
    breiter = {}

    for pfad in SEITEN:
        assert page.goto(live_server.url + pfad).status == 200
        breiter[pfad] = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")

    context.close()
    assert breiter == dict.fromkeys(SEITEN, False)


def test_typing_a_name_shows_only_matching_kommunen_and_picking_it_ticks_the_box(client, seeded, live_server, phone):
    ensure_workflow()
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE))
    phone.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    mainz = Kommune.objects.get(slug="stadt-mainz")
    phone.goto(live_server.url + "/praxisbeispiele/einreichen/")

    phone.get_by_label("Kommune suchen").fill("main")
    sichtbar = phone.locator("[data-kommune-name]:visible").all_inner_texts()
    phone.get_by_label("Kommune suchen").fill(str(mainz))
    phone.get_by_label("Kommune suchen").dispatch_event("change")

    assert sichtbar == ["Landkreis Mainz-Bingen", "Stadt Mainz"]
    assert phone.get_by_role("checkbox", name=str(mainz)).is_checked()
    assert phone.get_by_label("Kommune suchen").input_value() == ""
