"""Context both ways: a Handlungsfeld is found by the names of the Praxisbeispiele documented under it."""

from django.contrib.auth.models import AnonymousUser

import pytest

from search.relevance import slug_of
from search.service import suchen
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory

pytestmark = pytest.mark.django_db


def _slugs(query):
    return [slug_of(hit.url) for hit in suchen(query, AnonymousUser()).ergebnis.treffer]


def test_publishing_a_praxisbeispiel_makes_its_handlungsfeld_findable_by_its_name(site_tree, make_praxisbeispiel):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page, slug="lernbegleitung", title="Lernbegleitung")
    handlungsfeld.save_revision().publish()

    make_praxisbeispiel(
        "Zauberwald-Paten", "Paten begleiten Kinder beim Lernen.", slug="zauberwald", handlungsfelder=[handlungsfeld]
    )

    assert sorted(_slugs("Zauberwald-Paten")) == ["lernbegleitung", "zauberwald"]


def test_unpublishing_a_praxisbeispiel_removes_its_name_from_its_handlungsfeld(site_tree, make_praxisbeispiel):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page, slug="lernbegleitung", title="Lernbegleitung")
    handlungsfeld.save_revision().publish()
    page = make_praxisbeispiel(
        "Zauberwald-Paten", "Paten begleiten Kinder beim Lernen.", slug="zauberwald", handlungsfelder=[handlungsfeld]
    )

    page.unpublish()

    assert _slugs("Zauberwald-Paten") == []
