"""Anonymous visitors never see members-only documents: not in results, counts, facets, snippets or suggestions."""

from django.contrib.auth.models import AnonymousUser

from wagtail.models import PageViewRestriction

import pytest

from search.service import suchen
from tests.factories.netzwerk_site import KommuneFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def internes_beispiel(make_praxisbeispiel):
    kommune = KommuneFactory(slug="stadt-speyer", name="Speyer")
    make_praxisbeispiel("Offene Sprechstunde", "Beratung für Neuzugewanderte im Rathaus.", slug="offen")
    page = make_praxisbeispiel(
        "Vertrauliche Fallkonferenz",
        "Fallkonferenz der Neuzugewanderte-Beratung mit Quartiersmanagement in Speyer.",
        kommunen=[kommune],
        slug="intern",
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_anonymous_search_hides_members_only_results_and_counts(internes_beispiel):
    result = suchen("Neuzugewanderte", AnonymousUser())

    assert [hit.title for hit in result.ergebnis.treffer] == ["Offene Sprechstunde"]
    assert result.ergebnis.count == 1
    assert result.ergebnis.facets == {"typ": {"praxisbeispiel": 1}, "themenfeld": {"bildung": 1}, "kommune": {}}


def test_anonymous_search_offers_no_suggestion_from_members_only_words(internes_beispiel):
    result = suchen("Quartiersmanagment", AnonymousUser())

    assert (result.ergebnis.count, result.vorschlag) == (0, "")


def test_members_find_members_only_documents_and_suggestions(internes_beispiel, member):
    found = suchen("Neuzugewanderte", member)
    corrected = suchen("Quartiersmanagment", member)

    assert sorted(hit.title for hit in found.ergebnis.treffer) == ["Offene Sprechstunde", "Vertrauliche Fallkonferenz"]
    assert found.ergebnis.facets["kommune"] == {"stadt-speyer": 1}
    assert (corrected.vorschlag, [hit.title for hit in corrected.ergebnis.treffer]) == (
        "Quartiersmanagement",
        ["Vertrauliche Fallkonferenz"],
    )


def test_api_never_returns_members_only_snippets_to_anonymous_visitors(internes_beispiel, client):
    response = client.get("/api/suche/", {"q": "Fallkonferenz Speyer"})

    assert response.status_code == 200
    assert response.json() == {
        "count": 0,
        "results": [],
        "facets": {"typ": {}, "themenfeld": {}, "kommune": {}},
        "suggestion": "",
        "notice": "",
    }
