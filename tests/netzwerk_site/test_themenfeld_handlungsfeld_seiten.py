"""Themenfeld and Handlungsfeld pages link what each Handlungsfeld documents, with a bounded number of queries."""

import pytest

from praxisbeispiele.handlungsfeld_sections import PRO_HANDLUNGSFELD
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _links(response, handlungsfeld):
    return [eintrag["title"] for eintrag in _context(response, handlungsfeld)["eintraege"]]


def _context(response, handlungsfeld):
    shown = next(h for h in response.context["handlungsfelder"] if h.pk == handlungsfeld.pk)
    return shown.sections[0].context


def test_themenfeld_page_lists_the_praxisbeispiele_of_each_handlungsfeld_with_a_link_to_all(client, site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    erstes = HandlungsfeldPageFactory(parent=themenfeld_page, title="Informationsvermittlung")
    zweites = HandlungsfeldPageFactory(parent=themenfeld_page, title="Sprachbildung")
    titles = [f"Beispiel {number:02d}" for number in range(PRO_HANDLUNGSFELD + 2)]
    for title in titles:
        PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title=title, handlungsfelder=[erstes])
    PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title="Sprachcafé", handlungsfelder=[zweites])

    response = client.get(themenfeld_page.url)

    html = response.content.decode()
    assert _links(response, erstes) == titles[:PRO_HANDLUNGSFELD]
    assert _links(response, zweites) == ["Sprachcafé"]
    assert f'<a href="{erstes.url}">Alle {len(titles)} Praxisbeispiele ansehen</a>' in html
    assert "Alle 1 Praxisbeispiele" not in html


def test_handlungsfeld_page_links_its_themenfeld_and_praxisbeispiele(client, site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page)
    beispiel = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, handlungsfelder=[handlungsfeld])

    response = client.get(handlungsfeld.url)

    html = response.content.decode()
    assert f'<a href="{themenfeld_page.url}">{themenfeld_page.themenfeld.title}</a>' in html
    assert [section.context["eintraege"] for section in response.context["page"].sections] == [
        [{"title": beispiel.title, "url": beispiel.url}]
    ]


def test_handlungsfeld_links_show_nothing_where_nothing_is_documented(client, site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page)

    response = client.get(themenfeld_page.url)

    assert [h.sections for h in response.context["handlungsfelder"]] == [[]]
    assert handlungsfeld.pk == response.context["handlungsfelder"][0].pk


# Constant at 1 and 3 Praxisbeispiele per Handlungsfeld: Praxisbeispiele and Veranstaltungen are each read
# once for all Handlungsfelder of the page (a view restriction lookup plus the query). The first page also
# reads the Glossar for the abbreviations in Handlungsfeld titles; it is cached for every later page.
# The first page also asks once whether a Veranstaltung's stored next occurrence has passed (once a day per
# process, veranstaltungen.occurrences.naechste_fortschreiben); the cache is empty at the start of a test.
@pytest.mark.parametrize("count", [1, 3])
def test_themenfeld_and_handlungsfeld_pages_use_constant_queries(client, site_tree, django_assert_num_queries, count):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfelder = [HandlungsfeldPageFactory(parent=themenfeld_page) for _ in range(2)]
    for handlungsfeld in handlungsfelder:
        for _ in range(count):
            PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, handlungsfelder=[handlungsfeld])

    with django_assert_num_queries(23):
        themenfeld_response = client.get(themenfeld_page.url)
    with django_assert_num_queries(22):
        handlungsfeld_response = client.get(handlungsfelder[0].url)

    assert (themenfeld_response.status_code, handlungsfeld_response.status_code) == (200, 200)
