"""The library's free text goes through the portal search: same Praxisbeispiele, same order, same suggestion."""

from django.contrib.auth.models import AnonymousUser

import pytest

from search.bibliothek import praxisbeispiele
from search.relevance import TESTSETS, read_testset
from search.service import PER_PAGE

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

QUERIES = sorted({entry["text"] for path in TESTSETS.values() if path.exists() for entry in read_testset(path)})


def library_urls(client, **params):
    response = client.get("/praxisbeispiele/", params)
    return [page.url for page in response.context["seite"].object_list]


def suche_urls(client, text):
    response = client.get("/suche/", {"q": text, "typ": "praxisbeispiel"})
    return [hit.url for hit in response.context["ergebnis"].treffer]


@pytest.mark.parametrize("text", QUERIES)
def test_library_lists_the_praxisbeispiele_of_the_portal_search_in_its_order(client, seeded_module, text):
    expected = suche_urls(client, text)

    found = library_urls(client, q=text)

    assert found[:PER_PAGE] == expected


@pytest.mark.parametrize("text", ["Gefluechtete", "Sprachmittler", "Ehrenamt", "Kurs"])
def test_library_finds_praxisbeispiele_for_words_the_old_search_missed(client, seeded_module, text):
    expected = suche_urls(client, text)

    found = library_urls(client, q=text)

    assert (found[:PER_PAGE], bool(found)) == (expected, True)


def test_library_offers_the_corrected_spelling_of_a_misspelt_term(client, seeded_module):
    response = client.get("/praxisbeispiele/", {"q": "Sprachmitlung"})

    html = response.content.decode()
    assert response.context["freitext"].vorschlag == "Sprachmittlung"
    assert 'Meinten Sie <a href="?q=Sprachmittlung">„Sprachmittlung“</a>?' in html


def test_library_sorts_by_relevance_while_a_term_is_set_unless_another_order_is_chosen(client, seeded_module):
    relevance = library_urls(client, q="Sprachmittlung")

    by_title = client.get("/praxisbeispiele/", {"q": "Sprachmittlung", "sortierung": "titel"})

    titles = [page.title for page in by_title.context["seite"].object_list]
    assert relevance == suche_urls(client, "Sprachmittlung")
    assert titles == sorted(titles)
    assert by_title.context["sortierungen"][0] == ("", "Relevanz")


def test_sort_choices_offer_relevance_as_the_default_only_while_a_term_is_set(client, seeded_module):
    without = client.get("/praxisbeispiele/").context["sortierungen"]

    with_term = client.get("/praxisbeispiele/", {"q": "Kita"}).context["sortierungen"]

    assert [str(label) for _, label in without] == ["Neueste zuerst", "Titel A–Z", "Meiste Übernahmen"]
    assert [value for value, _ in without] == ["", "titel", "uebernahmen"]
    assert [str(label) for _, label in with_term] == ["Relevanz", "Neueste zuerst", "Titel A–Z", "Meiste Übernahmen"]
    assert [value for value, _ in with_term] == ["", "neueste", "titel", "uebernahmen"]


def test_the_term_is_a_chip_whose_link_removes_it_and_keeps_the_other_filters(client, seeded_module):
    response = client.get("/praxisbeispiele/", {"q": "Sprachmittlung", "ebene": "kommunal"})

    html = response.content.decode()
    assert (
        '<li><a href="?ebene=kommunal">Suchbegriff: „Sprachmittlung“<span class="visually-hidden"> – entfernen'
        '</span><span aria-hidden="true"> ×</span></a></li>'
    ) in html
    assert (
        '<li><a href="?q=Sprachmittlung">Ebene: kommunal<span class="visually-hidden"> – entfernen'
        '</span><span aria-hidden="true"> ×</span></a></li>'
    ) in html


def test_a_word_too_long_to_search_says_so_and_finds_nothing(client, seeded_module):
    response = client.get("/praxisbeispiele/", {"q": "Sprach" * 30})

    assert response.context["anzahl"] == 0
    assert response.context["notices"] == [response.context["freitext"].hinweis]


def test_bibliothek_returns_page_ids_best_first_with_the_suggestion(seeded_module):
    found = praxisbeispiele("Sprachmitlung", AnonymousUser())

    assert (found.query, found.vorschlag, bool(found.ids)) == ("Sprachmitlung", "Sprachmittlung", True)
