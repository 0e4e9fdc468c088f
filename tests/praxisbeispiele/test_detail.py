import pytest

from netzwerk_site.choices import KommuneArt
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory, ZielgruppeFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_similar_examples_rank_by_shared_vocabulary_and_never_include_the_page_itself(client, site_tree):
    themenfeld, anderes = ThemenfeldFactory(), ThemenfeldFactory()
    kinder = ZielgruppeFactory()
    kommune = KommuneFactory()
    parent = site_tree.praxisbeispiele
    page = PraxisbeispielPageFactory(parent=parent, themenfelder=[themenfeld], zielgruppen=[kinder], kommunen=[kommune])
    sehr_aehnlich = PraxisbeispielPageFactory(
        parent=parent, themenfelder=[themenfeld], zielgruppen=[kinder], kommunen=[kommune]
    )
    etwas_aehnlich = PraxisbeispielPageFactory(parent=parent, themenfelder=[themenfeld])
    PraxisbeispielPageFactory(parent=parent, themenfelder=[anderes])
    unveroeffentlicht = PraxisbeispielPageFactory(
        parent=parent, themenfelder=[themenfeld], zielgruppen=[kinder], kommunen=[kommune]
    )
    unveroeffentlicht.unpublish()

    response = client.get(page.url)

    assert response.context["aehnliche"] == [sehr_aehnlich, etwas_aehnlich]


def test_detail_page_offers_a_print_stylesheet(client, site_tree):
    page = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[ThemenfeldFactory()])

    html = client.get(page.url).content.decode()

    assert 'href="/static/css/print.css" media="print"' in html


def test_detail_query_count_is_constant(client, site_tree, django_assert_num_queries, member):
    kommune = KommuneFactory(art=KommuneArt.KREISFREIE_STADT)
    member.kommune = kommune
    member.save()
    client.force_login(member)
    page = PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, themenfelder=[ThemenfeldFactory()], kommunen=[kommune]
    )

    # 28: one query for the public Kontaktstellen, one to learn whether the member's Kommune is the example's own.
    # +1: the header's unread notification count (konto.context_processors), cached per member after this request.
    with django_assert_num_queries(29):
        assert client.get(page.url).status_code == 200


def test_readers_switch_to_the_leichte_sprache_summary(client, site_tree):
    page = PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele,
        themenfelder=[ThemenfeldFactory()],
        summary="Fachliche Zusammenfassung.",
        leichte_sprache="Kinder lernen Deutsch.\n\nDer Kurs ist im Landkreis.",
    )

    standard = client.get(page.url).content.decode()
    leicht = client.get(page.url, {"fassung": "leicht"}).content.decode()

    assert "Fachliche Zusammenfassung." in standard
    assert 'href="?fassung=leicht">Diese Seite in Leichter Sprache' in standard
    assert "<p>Kinder lernen Deutsch.</p>" in leicht
    assert "Fachliche Zusammenfassung." not in leicht


def test_page_without_leichte_sprache_offers_no_switch(client, site_tree):
    page = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[ThemenfeldFactory()])

    html = client.get(page.url, {"fassung": "leicht"}).content.decode()

    assert "Leichter Sprache</a>" not in html.split("<footer")[0]
    assert page.summary in html
