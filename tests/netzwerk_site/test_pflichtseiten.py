"""Legal pages in every footer, Leichte Sprache from the start page, and no cookies for readers."""

import pytest

from netzwerk_site.models import InhaltsPage
from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

FOOTER_LINKS = [
    'href="/impressum/"',
    'href="/datenschutz/"',
    'href="/barrierefreiheit/"',
    'href="/barriere-melden/?seite=',
    'href="/leichte-sprache/"',
]


@pytest.fixture
def beispiel(site_tree):
    return PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[ThemenfeldFactory()])


@pytest.fixture
def pflichtseiten(site_tree):
    """The footer links these pages by their slug, wherever an editor moves them in the menu."""
    for slug in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"):
        site_tree.home.add_child(instance=InhaltsPage(title=slug.capitalize(), slug=slug))


@pytest.mark.parametrize(
    "url", ["/", "/praxisbeispiele/", "/kommunen/", "/umsetzung/", "/barriere-melden/", "/konto/anmelden/"]
)
def test_every_page_footer_links_the_legal_pages_and_the_barrier_report(client, pflichtseiten, url):
    html = client.get(url).content.decode()

    footer = html[html.index('<footer class="site-footer">') :]
    assert [link in footer for link in FOOTER_LINKS] == [True] * len(FOOTER_LINKS)


def test_start_page_links_leichte_sprache_in_its_content(client, site_tree):
    html = client.get("/").content.decode()

    main = html[html.index("<main") : html.index("</main>")]
    assert 'href="/leichte-sprache/"' in main


def test_anonymous_visit_sets_no_cookie(client, site_tree, beispiel):
    veranstaltungen = VeranstaltungIndexPageFactory(parent=site_tree.home)
    veranstaltung = VeranstaltungPageFactory(parent=veranstaltungen)

    for url in ["/", beispiel.url, "/praxisbeispiele/", "/kommunen/", veranstaltungen.url, veranstaltung.url]:
        response = client.get(url)

        assert response.status_code == 200
        assert dict(response.cookies) == {}, url
