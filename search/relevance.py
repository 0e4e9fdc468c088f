"""Relevance evaluation: recall@5, mean reciprocal rank and nDCG@10 over the relevance test sets.

Two sets: search/relevance.toml, written with the engine and tuned on ("getuned"), and
search/relevance_ungetuned.toml, written before looking at any result and never tuned on.
"""

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AnonymousUser

from search.service import suchen

TESTSET = Path(__file__).with_name("relevance.toml")
TESTSET_UNGETUNED = Path(__file__).with_name("relevance_ungetuned.toml")
TESTSETS = {"getuned": TESTSET, "ungetuned": TESTSET_UNGETUNED}
CUTOFF = 5
RANK_DEPTH = 10


@dataclass
class Bewertung:
    text: str
    art: str
    erwartet: list
    gefunden: list  # slugs of the first RANK_DEPTH results

    @property
    def recall(self):
        top = set(self.gefunden[:CUTOFF])
        return sum(1 for slug in self.erwartet if slug in top) / min(len(self.erwartet), CUTOFF)

    @property
    def reciprocal_rank(self):
        for rank, slug in enumerate(self.gefunden, 1):
            if slug in self.erwartet:
                return 1 / rank
        return 0.0

    @property
    def ndcg(self):
        """nDCG@RANK_DEPTH with every expected page equally relevant; a page found twice counts once."""
        expected, dcg = set(self.erwartet), 0.0
        for rank, slug in enumerate(self.gefunden[:RANK_DEPTH], 1):
            if slug in expected:
                expected.discard(slug)
                dcg += 1 / math.log2(rank + 1)
        expected = set(self.erwartet)
        ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(expected), RANK_DEPTH) + 1))
        return dcg / ideal if ideal else 0.0


@dataclass(frozen=True)
class Kennzahlen:
    anzahl: int
    recall: float
    mrr: float
    ndcg: float


def read_testset(path=TESTSET):
    with Path(path).open("rb") as handle:
        return tomllib.load(handle)["anfrage"]


def slug_of(url):
    return url.rstrip("/").rsplit("/", 1)[-1]


def evaluate(path=TESTSET, engine=None):
    """One Bewertung per query, searching as an anonymous visitor sees the portal."""
    bewertungen = []
    for entry in read_testset(path):
        result = suchen(entry["text"], AnonymousUser(), limit=RANK_DEPTH, engine=engine)
        gefunden = [slug_of(hit.url) for hit in result.ergebnis.treffer]
        bewertungen.append(Bewertung(entry["text"], entry.get("art", ""), entry["erwartet"], gefunden))
    return bewertungen


def summary(bewertungen):
    """(recall@5, MRR) averaged over all queries."""
    zahlen = kennzahlen(bewertungen)
    return zahlen.recall, zahlen.mrr


def kennzahlen(bewertungen):
    """recall@5, MRR and nDCG@10 averaged over all queries."""
    count = len(bewertungen)
    if not count:
        return Kennzahlen(0, 0.0, 0.0, 0.0)
    return Kennzahlen(
        count,
        sum(b.recall for b in bewertungen) / count,
        sum(b.reciprocal_rank for b in bewertungen) / count,
        sum(b.ndcg for b in bewertungen) / count,
    )


def by_kind(bewertungen):
    """Kennzahlen per kind of query ("Name", "Umlaut", …), in the order the kinds first appear."""
    kinds = {}
    for b in bewertungen:
        kinds.setdefault(b.art.split(" ")[0], []).append(b)
    return {art: kennzahlen(group) for art, group in kinds.items()}
