"""Context both ways: a Handlungsfeld is found by the names of the Praxisbeispiele documented under it."""

import datetime

from django.contrib.auth.models import AnonymousUser

from wagtail.models import PageViewRestriction

import pytest

from netzwerk_site.models import HandlungsfeldPage
from praxisbeispiele import search_documents
from praxisbeispiele.models import PraxisbeispielPage
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


def _handlungsfeld(site_tree):
    themenfeld_page = ThemenfeldPageFactory(parent=site_tree.themenfelder)
    handlungsfeld = HandlungsfeldPageFactory(parent=themenfeld_page, slug="lernbegleitung", title="Lernbegleitung")
    handlungsfeld.save_revision().publish()
    return handlungsfeld


def test_a_handlungsfeld_context_names_only_its_newest_praxisbeispiele(site_tree, make_praxisbeispiel, monkeypatch):
    monkeypatch.setattr(search_documents, "KONTEXT_HOECHSTENS", 2)
    handlungsfeld = _handlungsfeld(site_tree)
    for n, tag in enumerate(["1. März", "2. März", "3. März"], start=1):
        page = make_praxisbeispiel(
            f"Beispiel {n}", f"Begonnen am {tag}.", slug=f"b{n}", handlungsfelder=[handlungsfeld]
        )
        PraxisbeispielPage.objects.filter(pk=page.pk).update(
            first_published_at=datetime.datetime(2026, 3, n, tzinfo=datetime.UTC)
        )

    lines = search_documents.praxisbeispiel_lines(handlungsfeld)

    assert lines == ["Beispiel 3", "Begonnen am 3. März.", "Beispiel 2", "Begonnen am 2. März."]


def test_a_members_only_praxisbeispiel_lends_no_words_to_a_public_handlungsfeld(site_tree, make_praxisbeispiel):
    handlungsfeld = _handlungsfeld(site_tree)
    make_praxisbeispiel("Offen", "Für alle.", slug="offen", handlungsfelder=[handlungsfeld])
    intern = make_praxisbeispiel("Intern", "Nur für Mitglieder.", slug="intern", handlungsfelder=[handlungsfeld])
    PageViewRestriction.objects.create(page=intern, restriction_type=PageViewRestriction.LOGIN)

    lines = search_documents.praxisbeispiel_lines(handlungsfeld)

    assert lines == ["Offen", "Für alle."]


@pytest.mark.parametrize("anzahl", [1, 3])
def test_a_handlungsfeld_context_costs_the_same_queries_however_many_praxisbeispiele(
    site_tree, make_praxisbeispiel, django_assert_num_queries, anzahl
):
    handlungsfeld = _handlungsfeld(site_tree)
    for n in range(anzahl):
        make_praxisbeispiel(f"Beispiel {n}", "Kurz.", slug=f"b{n}", handlungsfelder=[handlungsfeld])
    handlungsfeld = HandlungsfeldPage.objects.get(pk=handlungsfeld.pk)

    with django_assert_num_queries(4):
        lines = search_documents.praxisbeispiel_lines(handlungsfeld)

    assert len(lines) == 2 * anzahl
