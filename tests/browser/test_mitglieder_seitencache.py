"""A member gets a Praxisbeispiel that another member's visit put in the page cache, on a phone, and uses its form."""

from django.test import Client

import pytest

from betrieb import page_cache
from praxisbeispiele.models import Uebernahme
from tests.betrieb import mitglieder_welt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def welt(site_tree, groups, settings):
    settings.SEITENCACHE_SEKUNDEN = 300
    return mitglieder_welt.build(site_tree)


def _session(user):
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_a_member_adopts_an_example_from_a_page_another_member_put_in_the_cache(welt, live_server, tab, tmp_path):
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    url = live_server.url + welt.urls["praxisbeispiel"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(welt.users["kommune_a"]), "url": live_server.url}]
    )
    filled = page.goto(url)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(welt.users["kommune_b"]), "url": live_server.url}]
    )

    response = page.goto(url)
    no_sideways_scroll = page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.screenshot(path=tmp_path / "praxisbeispiel-390.png", full_page=True)
    page.get_by_label("Stand").select_option("geplant")
    with page.expect_navigation():
        page.get_by_role("button", name="Übernahme speichern").click()

    assert (filled.headers[page_cache.HEADER.lower()], response.headers[page_cache.HEADER.lower()]) == (
        "gespeichert",
        "treffer",
    )
    assert no_sideways_scroll
    assert Uebernahme.objects.filter(praxisbeispiel=welt.beispiel, kommune=welt.kommune_b).exists()
    assert page.get_by_role("heading", name="Übernahme Ihrer Kommune ändern").is_visible()


def test_a_member_follows_a_thread_from_the_page_another_member_put_in_the_cache(welt, live_server, tab, tmp_path):
    from diskussionen.models import Abonnement

    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    url = live_server.url + welt.urls["diskussion"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(welt.users["kommune_a"]), "url": live_server.url}]
    )
    filled = page.goto(url)
    page.context.clear_cookies()
    bernd = welt.users["kommune_b"]
    page.context.add_cookies([{"name": "sessionid", "value": _session(bernd), "url": live_server.url}])

    response = page.goto(url)
    page.screenshot(path=tmp_path / "diskussion-390.png", full_page=True)
    aktionen = [page.locator("article", has_text=text).first for text in ("Annas eigener", "Bernds eigener")]
    annas, bernds = ([a.inner_text() for a in aktion.locator(".beitrag__aktionen a").all()] for aktion in aktionen)
    with page.expect_navigation():
        page.get_by_role("button", name="Dieser Diskussion folgen").click()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=tmp_path / "diskussion-1280.png", full_page=True)
    # No request of the page may still reach the live server when the test's database goes away.
    page.wait_for_load_state("networkidle")

    assert (filled.headers[page_cache.HEADER.lower()], response.headers[page_cache.HEADER.lower()]) == (
        "gespeichert",
        "treffer",
    )
    assert "Melden" in annas and "Bearbeiten" not in annas
    assert "Bearbeiten" in bernds and "Melden" not in bernds
    assert Abonnement.objects.filter(user=bernd, diskussion=welt.diskussion).exists()
    assert page.get_by_role("button", name="Nicht mehr folgen").is_visible()
