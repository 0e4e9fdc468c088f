"""axe-core on the forum pages; a posted script payload never runs in headless Chromium (CSP bypassed on purpose)."""

from django.test import Client

from wagtail.models import Locale, Page

import pytest

from konto.roles import Rolle
from konto.setup import ensure_groups
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAYLOAD = "\n\n".join(
    [
        "<script>window.__xss = 1; alert(1)</script>",
        "<img src=x onerror=\"window.__xss = 1; alert('img')\">",
        '<svg onload="window.__xss = 1"></svg>',
        "[Klick mich](javascript:window.__xss=1;alert('link'))",
        '<a href="javascript:window.__xss=1" id="boeser-link">Boeser Link</a>',
        '<details open ontoggle="window.__xss = 1">x</details>',
    ]
)


@pytest.fixture
def forum(transactional_db):
    """A member logged in through a session cookie, and a thread with replies from two Kommunen."""
    # The flush after a transactional test also removes the root page that migrations created.
    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(language_code="de")
        Page.add_root(instance=Page(title="Root", slug="root"))
    ensure_groups()
    member = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=KommuneFactory(name="Mayen-Koblenz"))
    nachbar = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=KommuneFactory(name="Vulkaneifel"))
    diskussion = DiskussionFactory(author=member, themenfeld=ThemenfeldFactory(title="Sprache und Bildung"))
    BeitragFactory(diskussion=diskussion, author=member, body="Wie organisieren Sie die **Sprachstandsfeststellung**?")
    BeitragFactory(
        diskussion=diskussion, author=nachbar, body="> Wie organisieren Sie …\n\nMit der VHS, siehe https://example.org"
    )
    client = Client()
    client.force_login(member)
    return diskussion, client.cookies["sessionid"].value


def login(tab, live_server, session_key):
    tab.page.context.add_cookies([{"name": "sessionid", "value": session_key, "url": live_server.url}])


def test_forum_pages_have_no_serious_wcag_violations(forum, live_server, tab):
    diskussion, session_key = forum
    login(tab, live_server, session_key)
    found = {}

    for name, path in {"Liste": "/diskussionen/", "Diskussion": f"/diskussionen/{diskussion.pk}/"}.items():
        assert tab.page.goto(live_server.url + path).status == 200, name
        found[name] = tab.axe_violations()
    tab.page.goto(live_server.url + "/diskussionen/neu/")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Diskussion eröffnen").click()
    assert tab.page.locator("#fehler").is_visible()
    found["Neue Diskussion mit Fehlern"] = tab.axe_violations()

    assert found == {"Liste": [], "Diskussion": [], "Neue Diskussion mit Fehlern": []}
    assert tab.hosts == {live_server.url.removeprefix("http://")}


def test_posted_script_payload_never_executes(forum, live_server, tab):
    _, session_key = forum
    login(tab, live_server, session_key)
    dialogs = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.page.goto(live_server.url + "/diskussionen/neu/")

    tab.page.get_by_label("Titel").fill("<script>window.__xss = 1</script><img src=x onerror=window.__xss=1>")
    tab.page.get_by_label("Ihr Beitrag").fill(PAYLOAD)
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Diskussion eröffnen").click()
    thread_url = tab.page.url
    heading = tab.page.locator("h1").inner_text()
    tab.page.get_by_text("Klick mich").click()
    beitrag_id = tab.page.locator(".beitrag").first.get_attribute("id").removeprefix("beitrag-")
    tab.page.goto(f"{thread_url}?zitat={beitrag_id}")
    tab.page.goto(live_server.url + "/diskussionen/")

    assert tab.page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    assert heading == "<script>window.__xss = 1</script><img src=x onerror=window.__xss=1>"
