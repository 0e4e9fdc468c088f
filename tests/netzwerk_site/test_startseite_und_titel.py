"""Page titles name the page and then the site once; the Leichte-Sprache page uses its larger text."""

import re

import pytest

from netzwerk_site.models import InhaltsPage
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SITE = "Netzwerk Integration Rheinland-Pfalz"


def _title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_home_page_title_is_the_site_name_once(client, site_tree):
    response = client.get(site_tree.home.url)

    assert _title(response) == SITE


def test_page_titles_name_the_page_then_the_site(client, site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder, title="Sprache")
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page, title="Sprachkurse")

    titles = [_title(client.get(url)) for url in (themenfeld_page.url, handlungsfeld.url, "/umsetzung/")]

    assert titles == [f"Sprache – {SITE}", f"Sprachkurse – {SITE}", f"Umsetzungsstand – {SITE}"]


def test_leichte_sprache_page_uses_the_larger_text_style(client, site_tree):
    page = site_tree.home.add_child(instance=InhaltsPage(title="Leichte Sprache", slug="leichte-sprache"))

    html = client.get(page.url).content.decode()

    assert html.count('<div class="leichte-sprache">') == 1
