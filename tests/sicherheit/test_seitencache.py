"""The anonymous page cache cannot be filled with made-up query strings."""

import secrets

from django.core.cache import cache

import pytest

from betrieb import page_cache
from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def cache_on(settings):
    """The page cache is off in the test settings; the cache itself starts empty (tests/conftest.py)."""
    settings.SEITENCACHE_SEKUNDEN = 300


def seitencache_eintraege():
    """How many pages the local-memory cache of the test settings holds."""
    return sum(1 for key in cache._cache if ":seitencache:" in key)


@pytest.mark.parametrize("pfad", ["/", "/praxisbeispiele/", "/veranstaltungen/"])
def test_unknown_query_parameters_create_no_cache_entry(client, site_tree, pfad):
    VeranstaltungIndexPageFactory(parent=site_tree.home)
    urls = [f"{pfad}?{secrets.token_hex(4)}={secrets.token_hex(8)}" for _ in range(3)]
    urls.append(f"{pfad}?seite=1&{secrets.token_hex(4)}=1")

    responses = [client.get(url) for url in urls]

    assert [(r.status_code, r.get(page_cache.HEADER)) for r in responses] == [(200, None)] * 4
    assert seitencache_eintraege() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/praxisbeispiele/?themenfeld=sprache&sortierung=titel&seite=1",
        "/praxisbeispiele/?q=Sprachcaf%C3%A9",
        "/veranstaltungen/?ansicht=monat&monat=2026-01",
        "/suche/?q=Sprachcaf%C3%A9",
    ],
)
def test_known_query_parameters_are_still_served_from_the_cache(client, site_tree, url):
    VeranstaltungIndexPageFactory(parent=site_tree.home)
    themenfeld = ThemenfeldFactory(slug="sprache")
    PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title="Sprachcafé", themenfelder=[themenfeld])

    first, second = client.get(url), client.get(url)

    assert (first[page_cache.HEADER], second[page_cache.HEADER]) == ("gespeichert", "treffer")
    assert seitencache_eintraege() == 1
