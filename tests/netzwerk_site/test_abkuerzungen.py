"""Handlungsfeld titles expand their abbreviations (WCAG 2.1, 3.1.4) on every page that shows them."""

import pytest

from search.models import Begriff
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ABBR = '<abbr title="Aufnahmeeinrichtung für Asylbegehrende">AfA</abbr>'


@pytest.fixture
def handlungsfeld(site_tree):
    Begriff.objects.create(abkuerzung="AfA", langform="Aufnahmeeinrichtung für Asylbegehrende")
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    return HandlungsfeldPageFactory(parent=themenfeld_page, title="Informationsvermittlung in den AfA")


def test_themenfeld_page_expands_the_abbreviation_in_a_handlungsfeld_title(client, handlungsfeld):
    response = client.get(handlungsfeld.get_parent().url)

    assert f'<a href="{handlungsfeld.url}">Informationsvermittlung in den {ABBR}</a>' in response.content.decode()


def test_handlungsfeld_page_expands_the_abbreviation_in_its_heading(client, handlungsfeld):
    response = client.get(handlungsfeld.url)

    assert f'<h1 class="kern-heading-x-large">Informationsvermittlung in den {ABBR}</h1>' in response.content.decode()


def test_umsetzung_page_expands_the_abbreviation_in_a_handlungsfeld_title(client, handlungsfeld):
    response = client.get("/umsetzung/")

    assert f"Informationsvermittlung in den {ABBR}</a></th>" in response.content.decode()


def test_a_title_with_markup_characters_stays_escaped(client, site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page, title="Kita <b>& Schule</b>")

    response = client.get(handlungsfeld.url)

    assert '<h1 class="kern-heading-x-large">Kita &lt;b&gt;&amp; Schule&lt;/b&gt;</h1>' in response.content.decode()
