"""No page asks another host for anything, fonts included: every request of the main page types goes to the portal.

A font, stylesheet or script from a CDN would tell that host who reads which page (GDPR, Art. 44 ff.); KERN and
its Fira Sans are vendored (static/vendor/kern-ux-native-2.7.2) and must be what the browser actually loads.
"""

from urllib.parse import urlsplit

import pytest

from konto.models import User
from tests.factories.diskussionen import BeitragFactory
from tests.journeys.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MITGLIED = "pirmasens"
KERN_FONT = "/static/vendor/kern-ux-native-2.7.2/dist/fonts/fira-sans/FiraSans-Regular.woff2"
PUBLIC_PAGES = [
    "/",
    "/praxisbeispiele/",
    "/praxisbeispiele/kreuznacher-modell/",
    "/veranstaltungen/",
    "/veranstaltungen/auftaktdialog-workshop-ankommen-und-orientierung/",
    "/suche/?q=Sprache",
]


@pytest.fixture
def requests_of(browser, live_server, seeded):
    """Open the paths in a fresh browser (logged in as username if given); return each request's (host, path)."""

    def visit(paths, username=None):
        context = browser.new_context(locale="de-DE")
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(urlsplit(request.url)[1:3]))
        if username:
            log_in(page, live_server.url, username)
        for path in paths:
            assert page.goto(live_server.url + path).status == 200, path
            page.wait_for_load_state("networkidle")
        context.close()
        return requested

    return visit


def test_public_pages_request_nothing_from_another_host(requests_of, live_server):
    requested = requests_of(PUBLIC_PAGES)

    hosts = {host for host, _path in requested}
    assert hosts == {urlsplit(live_server.url).netloc}
    assert KERN_FONT in {path for _host, path in requested}


def test_members_pages_request_nothing_from_another_host(requests_of, live_server):
    diskussion = BeitragFactory(diskussion__author=User.objects.get(username=MITGLIED)).diskussion

    requested = requests_of([*PUBLIC_PAGES, "/diskussionen/", f"/diskussionen/{diskussion.pk}/"], MITGLIED)

    hosts = {host for host, _path in requested}
    assert hosts == {urlsplit(live_server.url).netloc}
    assert KERN_FONT in {path for _host, path in requested}
