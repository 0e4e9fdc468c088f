"""Every page type renders for every role; lists keep a constant number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from netzwerk_site.choices import KommuneArt
from praxisbeispiele.sections import THEMENFELD as THEMENFELD_PRAXISBEISPIELE
from tests.factories.netzwerk_site import (
    HandlungsfeldPageFactory,
    KommuneFactory,
    ThemenfeldPageFactory,
)
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def pages(site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page)
    kommune = KommuneFactory(name="Kusel", slug="landkreis-kusel")
    praxisbeispiel = PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele,
        themenfelder=[themenfeld_page.themenfeld],
        kommunen=[kommune],
        handlungsfelder=[handlungsfeld],
    )
    return {
        "home": site_tree.home.url,
        "themenfelder": site_tree.themenfelder.url,
        "themenfeld": themenfeld_page.url,
        "handlungsfeld": handlungsfeld.url,
        "praxisbeispiele": site_tree.praxisbeispiele.url,
        "praxisbeispiel": praxisbeispiel.url,
        "kommunen": reverse("kommune_list"),
        "kommune": kommune.get_absolute_url(),
    }


@pytest.mark.parametrize(
    "name",
    ["home", "themenfelder", "themenfeld", "handlungsfeld", "praxisbeispiele", "praxisbeispiel", "kommunen", "kommune"],
)
@pytest.mark.parametrize("role", ["anonymous", "member", "editor"])
def test_every_page_type_renders_with_one_h1_for_each_role(request, client, pages, name, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.get(pages[name])

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<html lang="de">' in html
    assert 'href="#inhalt"' in html


def test_handlungsfeld_inherits_the_themenfeld_of_its_parent(site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)

    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page)

    assert handlungsfeld.themenfeld == themenfeld_page.themenfeld


def test_kommune_page_includes_examples_of_its_municipalities(client, site_tree):
    landkreis = KommuneFactory(name="Mainz-Bingen", slug="landkreis-mainz-bingen")
    gemeinde = KommuneFactory(
        name="Nieder-Olm", slug="vg-nieder-olm", art=KommuneArt.VERBANDSGEMEINDE, landkreis=landkreis
    )
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    beispiel = PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele,
        title="Schwimmkurse",
        themenfelder=[themenfeld_page.themenfeld],
        kommunen=[gemeinde],
    )

    response = client.get(landkreis.get_absolute_url())

    assert list(response.context["seite"].object_list) == [beispiel]


def test_kommune_list_counts_municipality_examples_for_their_landkreis(client, site_tree):
    landkreis = KommuneFactory(name="Mainz-Bingen", slug="landkreis-mainz-bingen")
    gemeinde = KommuneFactory(
        name="Nieder-Olm", slug="vg-nieder-olm", art=KommuneArt.VERBANDSGEMEINDE, landkreis=landkreis
    )
    KommuneFactory(name="Kusel", slug="landkreis-kusel")
    themenfeld = ThemenfeldPageFactory(parent=site_tree.themenfelder).themenfeld
    PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, themenfelder=[themenfeld], kommunen=[gemeinde, landkreis]
    )
    PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[themenfeld], kommunen=[landkreis])

    response = client.get(reverse("kommune_list"))

    assert [(k.name, n) for k, n in response.context["kommunen"]] == [("Kusel", 0), ("Mainz-Bingen", 2)]


def test_unknown_kommune_gives_404(client, site_tree):
    response = client.get("/kommunen/atlantis/")

    assert response.status_code == 404


# A Praxisbeispiel with others beside it also loads the cards of similar ones (three more queries).
@pytest.mark.parametrize(("count", "detail"), [(1, 22), (3, 26)])
def test_pages_use_constant_queries_whatever_the_number_of_examples(client, site_tree, count, detail):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    for _ in range(count):
        kommune = KommuneFactory()
        handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page)
        beispiel = PraxisbeispielPageFactory(
            parent=site_tree.praxisbeispiele,
            themenfelder=[themenfeld_page.themenfeld],
            kommunen=[kommune],
            handlungsfelder=[handlungsfeld],
        )
    # Each page reads the children of the site root once for its navigation and footer; views outside the
    # page tree also look up their Site for it. Themenfeld and Handlungsfeld pages ask Praxisbeispiele and
    # Veranstaltungen once each for what every Handlungsfeld links (a view restriction lookup and the query).
    # The Themenfeld page is the first to expand abbreviations: it reads the Glossar, cached for the others.
    # The home page is the first event list of the day: it asks once whether a stored next occurrence has passed.
    # The library counts all its facets in one query; the Kommune page counts its examples for its pages.
    expected = {
        "/": 14,
        themenfeld_page.url: 23,
        handlungsfeld.url: 22,
        "/praxisbeispiele/": 18,
        beispiel.url: detail,
        reverse("kommune_list"): 5,
        kommune.get_absolute_url(): 13,
    }

    counts = {}
    for url in expected:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)

    assert counts == expected


def test_themenfeld_page_shows_the_newest_examples_and_links_to_all_in_the_library(client, site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    titles = [f"Beispiel {number}" for number in range(THEMENFELD_PRAXISBEISPIELE + 2)]
    for title in titles:
        PraxisbeispielPageFactory(
            parent=site_tree.praxisbeispiele, title=title, themenfelder=[themenfeld_page.themenfeld]
        )

    response = client.get(themenfeld_page.url)
    html = response.content.decode()

    shown = [p.title for p in response.context["praxisbeispiele"]]
    assert shown == list(reversed(titles))[:THEMENFELD_PRAXISBEISPIELE]
    assert f'href="/praxisbeispiele/?themenfeld={themenfeld_page.themenfeld.slug}"' in html
    assert f"Alle {len(titles)} Praxisbeispiele im Themenfeld" in html
