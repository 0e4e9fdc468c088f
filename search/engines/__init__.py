"""Search engines behind one interface; the choice is a setting.

Elasticsearch when `SUCHE_ELASTICSEARCH_URL` is non-empty, else the database engine. A configured
but unreachable Elasticsearch falls back to the database engine with a logged warning.
"""

import logging
from dataclasses import dataclass, field, replace

from django.conf import settings

logger = logging.getLogger("netzwerk.suche")

MAX_MATCHES = 10_000


@dataclass(frozen=True)
class Anfrage:
    """A search as the engines receive it: raw text for Elasticsearch, analysed groups for the database."""

    text: str
    gruppen: tuple
    mitglied: bool = False
    typ: str = ""
    themenfeld: str = ""
    kommune: str = ""
    offset: int = 0
    limit: int = 10
    any_group: bool = False  # OR instead of AND between groups: the last resort before "no results"
    fuzzy: bool = False
    # After the documents with every group, those with only some, ranked below (database engine).
    auffuellen: bool = True

    def with_(self, **changes):
        return replace(self, **changes)


@dataclass
class Treffer:
    title: str
    url: str
    typ: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    themenfelder: list
    kommunen: list = field(default_factory=list)
    datum: object = None
    score: float = 0.0


@dataclass
class Ergebnis:
    count: int = 0
    treffer: list = field(default_factory=list)
    facets: dict = field(default_factory=lambda: {"typ": {}, "themenfeld": {}, "kommune": {}})
    engine: str = ""
    vollstaendig: int | None = None  # how many of count contain every group; None: all of them


def complete_count(ergebnis):
    """The number of results that contain every word of the query."""
    return ergebnis.count if ergebnis.vollstaendig is None else ergebnis.vollstaendig


def filter_facets(rows, anfrage):
    """Results and facet counts from (typ, themenfelder, kommunen) rows already limited to what the user may see.

    Each facet counts with every filter applied except its own, so that its other values stay reachable.
    """
    filters = {"typ": anfrage.typ, "themenfeld": anfrage.themenfeld, "kommune": anfrage.kommune}

    def keeps(row, skip=None):
        return all(not value or skip == name or value in _values(row, name) for name, value in filters.items())

    facets = {}
    for name in filters:
        counts = {}
        for row in rows:
            if keeps(row, skip=name):
                for value in _values(row, name):
                    counts[value] = counts.get(value, 0) + 1
        facets[name] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return [row for row in rows if keeps(row)], facets


def _values(row, name):
    if name == "typ":
        return (row["typ"],)
    return row["themenfelder" if name == "themenfeld" else "kommunen"]


def configured_engine():
    url = getattr(settings, "SUCHE_ELASTICSEARCH_URL", "")
    if url:
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(url)
    from search.engines.database import DatabaseEngine

    return DatabaseEngine()


def search(anfrage, engine=None):
    """Ask the configured engine; if Elasticsearch cannot be reached, log it and ask the database."""
    engine = engine or configured_engine()
    try:
        return engine.search(anfrage)
    except engine.unavailable_errors as error:
        logger.warning("Elasticsearch nicht erreichbar, die Suche nutzt die Datenbank: %s", error)
    from search.engines.database import DatabaseEngine

    return DatabaseEngine().search(anfrage)
