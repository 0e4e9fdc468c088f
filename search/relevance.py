"""Relevance evaluation: recall@5 and mean reciprocal rank over search/relevance.toml."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AnonymousUser

from search.service import suchen

TESTSET = Path(__file__).with_name("relevance.toml")
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
    if not bewertungen:
        return 0.0, 0.0
    count = len(bewertungen)
    return sum(b.recall for b in bewertungen) / count, sum(b.reciprocal_rank for b in bewertungen) / count
