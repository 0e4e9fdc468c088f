"""Snippets of long texts with many matches: the same window as counting each match, at bounded cost."""

import random

import pytest

from search import highlight
from search.analysis import stem

pytestmark = pytest.mark.unit


def naive_window_hits(text, terms):
    """The window choice as it was: for each word, count every match again."""
    words = list(highlight._WORD.finditer(" ".join(text.split())))
    spans = highlight._matches(" ".join(text.split()), terms, None)
    starts = [w.start() for w in words]
    bound = len(" ".join(text.split()))
    window = highlight.WINDOW
    return [
        sum(1 for s, _ in spans if starts[i] <= s < (starts[i + window] if i + window < len(starts) else bound))
        for i in range(len(words))
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_snippet_starts_where_counting_every_match_would_start_it(seed):
    chooser = random.Random(seed)
    vocabulary = ["Sprachmittlung", "Kita", "Schule", "Beratung", "Integration", "und", "für", "Eltern"]
    text = " ".join(chooser.choice(vocabulary) for _ in range(400))
    terms = {stem("sprachmittlung"), stem("eltern")}
    hits = naive_window_hits(text, terms)
    best = max(range(len(hits)), key=lambda i: (hits[i], -i))
    words = list(highlight._WORD.finditer(text))
    spans = highlight._matches(text, terms, None)
    first_match = next(
        i for i, word in enumerate(words) if word.start() >= min(s for s, _ in spans if s >= words[best].start())
    )
    first = max(0, min(first_match - 3, len(hits) - highlight.WINDOW))
    expected_start = len(" ".join(text.split()[:first]))

    html = str(highlight.snippet(text, terms))

    shown = html.removeprefix("… ").replace("<mark>", "").replace("</mark>", "")
    assert shown.removesuffix(" …") == text[expected_start:].strip()[: len(shown.removesuffix(" …"))]


def test_a_single_match_late_in_a_long_text_is_inside_the_snippet():
    text = " ".join(["Vorwort"] * 200 + ["Sprachmittlungspool", "Westpfalz"] + ["Nachwort"] * 50)

    html = str(highlight.snippet(text, {stem("westpfalz")}))

    assert html.startswith("… Vorwort Vorwort Sprachmittlungspool <mark>Westpfalz</mark> Nachwort")


def test_a_long_text_full_of_matches_costs_two_bisections_per_word(monkeypatch):
    text = " ".join(["Sprachmittlung"] * 20_000)
    calls = []
    real = highlight.bisect_left
    monkeypatch.setattr(highlight, "bisect_left", lambda *a, **k: calls.append(1) or real(*a, **k))

    highlight.snippet(text, {stem("sprachmittlung")})

    # Two per word for the window counts, two more to find the first match of the densest window.
    assert len(calls) == 2 * 20_000 + 2
