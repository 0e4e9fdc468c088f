"""The Kommune page lists its examples a page at a time, with a fixed number of queries."""

import pytest

from netzwerk_site.choices import KommuneArt
from tests.factories.netzwerk_site import KommuneFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def mainz_bingen(site_tree):
    return KommuneFactory(slug="landkreis-mainz-bingen", name="Mainz-Bingen", art=KommuneArt.LANDKREIS)


def beispiele(site_tree, kommune, count):
    for i in range(count):
        PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title=f"Beispiel {i:02d}", kommunen=[kommune])


@pytest.mark.parametrize(("count", "queries"), [(1, 14), (3, 14)])
# 14: session-free page with the Kommune, its Gemeinden, the count and one page of examples with their
# Themenfelder and Kommunen, the Übernahmen, and the layout's own queries.
def test_kommune_page_query_count(client, site_tree, mainz_bingen, django_assert_num_queries, count, queries):
    beispiele(site_tree, mainz_bingen, count)

    with django_assert_num_queries(queries):
        response = client.get("/kommunen/landkreis-mainz-bingen/")

    assert len(response.context["seite"].object_list) == count


def test_kommune_page_shows_twelve_examples_per_page_and_links_to_the_next(client, site_tree, mainz_bingen):
    beispiele(site_tree, mainz_bingen, 13)

    erste = client.get("/kommunen/landkreis-mainz-bingen/")
    zweite = client.get("/kommunen/landkreis-mainz-bingen/?seite=2")

    assert [p.title for p in zweite.context["seite"].object_list] == ["Beispiel 12"]
    assert len(erste.context["seite"].object_list) == 12
    assert 'href="?seite=2" rel="next"' in erste.content.decode()


def test_kommune_page_past_the_last_page_shows_the_last_with_a_notice(client, site_tree, mainz_bingen):
    beispiele(site_tree, mainz_bingen, 1)

    response = client.get("/kommunen/landkreis-mainz-bingen/?seite=9")

    assert response.context["seite"].number == 1
    assert "Es gibt nur 1 Seite; Sie sehen sie." in response.content.decode()
