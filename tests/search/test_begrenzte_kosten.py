"""The work a query or a document causes is bounded: stemmer calls and dictionary candidates are counted."""

import random
import string

from django.contrib.auth.models import AnonymousUser

import pytest

from search import analysis, index
from search.analysis import MAX_DOCUMENT_CANDIDATES, MAX_QUERY_CANDIDATES, Analyzer
from search.service import suchen

pytestmark = pytest.mark.django_db


class CountingStemmer:
    def __init__(self):
        self.real = analysis.snowballstemmer.stemmer("german")
        self.calls = 0

    def stemWord(self, word):  # noqa: N802 - snowballstemmer's name
        self.calls += 1
        return self.real.stemWord(word)


@pytest.fixture
def stemmer(monkeypatch):
    counting = CountingStemmer()
    analysis.stem.cache_clear()
    monkeypatch.setattr(analysis, "_stemmer", lambda: counting)
    yield counting
    analysis.stem.cache_clear()


def words(count, length, seed):
    chooser = random.Random(seed)
    return ["".join(chooser.choice(string.ascii_lowercase) for _ in range(length)).capitalize() for _ in range(count)]


def test_a_500_letter_word_is_refused_without_stemming_anything(stemmer):
    query = words(1, 500, seed=1)[0]

    result = suchen(query, AnonymousUser())

    assert result.hinweis.startswith("Ein Wort Ihrer Suche ist länger als 80 Buchstaben")
    assert result.ergebnis.count == 0
    assert stemmer.calls == 0


def test_the_search_page_says_why_a_500_letter_word_is_not_searched(client, site_tree):
    response = client.get("/suche/", {"q": "Sprachmittlung " + "x" * 500})

    assert response.status_code == 200
    assert "Kürzen Sie das Wort oder suchen Sie nach einem Teil davon." in response.content.decode()


def test_a_5000_character_query_asks_about_a_bounded_number_of_words(stemmer):
    query = " ".join(words(125, 39, seed=2))
    assert len(query) == 5_000 - 1

    candidates = Analyzer().query_candidates(query)

    # The first 500 characters are analysed: 12 words of 39 letters with 665 inner substrings of 4+ letters
    # each; the candidates of 7 fit under the cap, the 8th would pass it and ends the lookup.
    assert len(candidates) == 7 * 665 <= MAX_QUERY_CANDIDATES
    assert stemmer.calls == 13


def test_a_20000_character_post_is_indexed_with_bounded_work(stemmer, site_tree):
    text = " ".join(words(500, 39, seed=3))
    assert len(text) == 20_000 - 1
    analyzer = Analyzer()

    candidates = analyzer.document_candidates(text)
    terms = analyzer.index_terms(text, known_stems=set())

    assert len(candidates) <= MAX_DOCUMENT_CANDIDATES
    assert len(terms) == 500
    # Each word is stemmed once; a word with no known part is not split further (its heads are tried).
    assert stemmer.calls <= 500 * 39


def test_an_over_long_word_in_a_post_is_neither_indexed_nor_split(stemmer):
    text = "Sprachmittlung " + "sprachmittlung" * 40
    terms = Analyzer().index_terms(text, known_stems={"sprachmittl"})
    calls_with_long_word = stemmer.calls
    analysis.stem.cache_clear()
    stemmer.calls = 0

    Analyzer().index_terms("Sprachmittlung", known_stems={"sprachmittl"})

    assert terms == ["sprachmittl"]
    assert calls_with_long_word == stemmer.calls


def test_decompounding_stops_at_the_longest_sane_compound():
    known = {"sprach", "mittl", "angebot"}

    assert Analyzer.compound_candidates("a" * 41) == set()
    assert Analyzer.split_compound("sprachmittlungsangebot" * 2, known) == []


def test_index_analyses_the_candidates_of_a_post_once(stemmer, monkeypatch):
    asked = []
    monkeypatch.setattr(
        index.wordlist, "known_stems", lambda analyzer, candidates: asked.append(len(candidates)) or set()
    )
    text = " ".join(words(500, 39, seed=4))

    index._known_stems_for(Analyzer(), text, {})

    assert asked == [len(Analyzer().document_candidates(text))]
    assert asked[0] <= MAX_DOCUMENT_CANDIDATES


def test_stemming_uses_the_c_implementation():
    assert type(analysis._stemmer()).__module__ == "Stemmer"
