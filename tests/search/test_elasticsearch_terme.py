"""Elasticsearch and the database engine search the same analysed terms.

Every query of the relevance sets goes through the search service with an Elasticsearch engine whose
client records the request bodies (no server runs in CI); each Anfrage the service sends, typo
widening and the any-group fallback included, must ask for the terms of the database engine's MATCH
expression for that Anfrage, and for nothing else.
"""

import json

from django.contrib.auth.models import AnonymousUser

import pytest

from search.engines.database import match_terms
from search.engines.elasticsearch import TERM_FIELDS, ElasticsearchEngine, index_body, source_of
from search.models import SuchDokument
from search.relevance import TESTSET, read_testset
from search.service import suchen
from tests.search.test_elasticsearch import RecordingClient, fresh_clients  # noqa: F401 - fixture

# The tuned and the untuned set (search/relevance.py); each set is compared once it exists.
SETS = [path for path in (TESTSET, TESTSET.with_name("relevance_ungetuned.toml")) if path.exists()]


class RecordingEngine(ElasticsearchEngine):
    """The Elasticsearch engine with a recording client, remembering each Anfrage with the body sent for it."""

    def __init__(self):
        super().__init__("http://elasticsearch:9200", client=RecordingClient())
        self.anfragen = []

    def search(self, anfrage):
        self.anfragen.append(anfrage)
        return super().search(anfrage)

    def sent(self):
        return list(zip(self.anfragen, [kwargs["body"] for _, kwargs in self.client.calls], strict=True))


def sent_terms(query):
    """(field, term) of every term query in an Elasticsearch query; other query kinds as (kind, body)."""
    found = set()
    if isinstance(query, list):
        for item in query:
            found |= sent_terms(item)
    elif isinstance(query, dict):
        for kind, body in query.items():
            if kind == "term":
                ((field, spec),) = body.items()
                found.add((field, spec["value"] if isinstance(spec, dict) else spec))
            elif kind in {"match", "multi_match", "query_string", "simple_query_string", "fuzzy", "prefix"}:
                found.add((kind, json.dumps(body, sort_keys=True)))
            else:
                found |= sent_terms(body)
    return found


def terms_of(body):
    """The analysed terms a request body asks for; fails on any other field than the term fields."""
    query = body["query"]["bool"]["must"]
    pairs = sent_terms(query)
    assert {field for field, _ in pairs} <= set(TERM_FIELDS)
    per_field = {field: {term for f, term in pairs if f == field} for field in TERM_FIELDS}
    # Each term is asked for in every term field, as FTS5 matches a term in any column.
    assert list(per_field.values()) == [per_field["title_terms"]] * len(TERM_FIELDS)
    return per_field["title_terms"]


@pytest.mark.integration
@pytest.mark.django_db
@pytest.mark.parametrize("testset", SETS, ids=[path.stem for path in SETS])
def test_elasticsearch_sends_the_database_engines_terms_for_every_query_of_the_set(seeded_module, testset):
    engine = RecordingEngine()
    entries = read_testset(testset)

    for entry in entries:
        suchen(entry["text"], AnonymousUser(), limit=10, engine=engine)

    sent = engine.sent()
    assert [(a.text, a.any_group, terms_of(body)) for a, body in sent if terms_of(body) != match_terms(a)] == []
    assert {a.text for a, _ in sent} == {" ".join(e["text"].split()) for e in entries}
    assert all(match_terms(a) for a, _ in sent)


@pytest.mark.unit
def test_the_analysed_term_fields_are_indexed_with_the_whitespace_analyzer():
    properties = index_body([], [])["mappings"]["properties"]

    assert {field: properties[field] for field in TERM_FIELDS} == {
        "title_terms": {"type": "text", "analyzer": "whitespace"},
        "text_terms": {"type": "text", "analyzer": "whitespace"},
        "meta_terms": {"type": "text", "analyzer": "whitespace"},
    }


@pytest.mark.unit
def test_documents_carry_the_analysed_terms_of_their_row():
    row = SuchDokument(
        key="page:1",
        typ="praxisbeispiel",
        title="Sprachmittlungspool",
        text="Dolmetschende",
        url="/x/",
        title_terms="sprachmittlungspool sprachmittl pool",
        text_terms="dolmetsch",
        meta_terms="mainz",
    )

    source = source_of(row)

    assert {field: source[field] for field in TERM_FIELDS} == {
        "title_terms": "sprachmittlungspool sprachmittl pool",
        "text_terms": "dolmetsch",
        "meta_terms": "mainz",
    }
