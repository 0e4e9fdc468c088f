"""The Elasticsearch engine at its boundary: what it creates and sends, how it reads answers, and its fallback.

No Elasticsearch server runs in CI; the responses in recorded/ follow the Elasticsearch 8 search API format.
"""

import json
import logging
from pathlib import Path

from django.contrib.auth.models import AnonymousUser

import pytest

from search import engines
from search.analysis import GlossarEintrag, Gruppe
from search.engines import Anfrage
from search.engines import elasticsearch as es_engine
from search.engines.database import META_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT
from search.engines.elasticsearch import (
    ElasticsearchEngine,
    build_search,
    forget_clients,
    index_body,
    parse_response,
    synonym_rules,
)
from search.models import SuchDokument
from search.service import suchen
from tests.golden import assert_golden

RECORDED = Path(__file__).parent / "recorded"


class RecordingClient:
    """Stands in for elasticsearch.Elasticsearch and remembers every call."""

    def __init__(self, response=None):
        self.calls = []
        self.response = response or json.loads((RECORDED / "suche_leer.json").read_text())
        self.indices = self

    def search(self, **kwargs):
        self.calls.append(("search", kwargs))
        return self.response

    def index(self, **kwargs):
        self.calls.append(("index", kwargs))

    def create(self, **kwargs):
        self.calls.append(("indices.create", kwargs))

    def delete(self, **kwargs):
        self.calls.append(("delete", kwargs))

    def bulk(self, **kwargs):
        self.calls.append(("bulk", kwargs))

    def options(self, **kwargs):
        return self


GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True)
def fresh_clients():
    """Each test starts without the process's Elasticsearch clients and leaves none behind."""
    forget_clients()
    yield
    forget_clients()


def weighted(term):
    """The query for one analysed term as the engine sends it: any term field, with its weight."""
    fields = [
        {"term": {"title_terms": {"value": term, "boost": TITLE_WEIGHT}}},
        {"term": {"text_terms": {"value": term, "boost": TEXT_WEIGHT}}},
        {"term": {"meta_terms": {"value": term, "boost": META_WEIGHT}}},
    ]
    return {"bool": {"should": fields, "minimum_should_match": 1}}


@pytest.mark.unit
def test_synonym_rules_join_abbreviation_long_form_and_synonyms_without_commas():
    entries = [
        GlossarEintrag("AfA", "Aufnahmeeinrichtung für Asylbegehrende", ("Erstaufnahmeeinrichtung",)),
        GlossarEintrag("LSJV", "Landesamt für Soziales, Jugend und Versorgung"),
    ]

    rules = synonym_rules(entries)

    assert rules == [
        "afa, aufnahmeeinrichtung für asylbegehrende, erstaufnahmeeinrichtung",
        "lsjv, landesamt für soziales jugend und versorgung",
    ]


@pytest.mark.unit
def test_index_settings_define_the_german_analyzer_chain():
    body = index_body([GlossarEintrag("DaZ", "Deutsch als Zweitsprache")], ["pool", "sprachmittlung"])

    analysis = json.dumps(body["settings"]["analysis"], indent=2, sort_keys=True, ensure_ascii=False)

    assert_golden(GOLDEN / "analysis.json", f"{analysis}\n".encode())


@pytest.mark.unit
def test_mappings_keep_filters_as_keywords_analysed_terms_whitespace_and_only_the_text_german():
    body = index_body([], [])

    properties = body["mappings"]["properties"]
    assert {name: spec["type"] for name, spec in properties.items()} == {
        "typ": "keyword",
        "title": "text",
        "text": "text",
        "meta": "text",
        "title_terms": "text",
        "text_terms": "text",
        "meta_terms": "text",
        "url": "keyword",
        "themenfelder": "keyword",
        "kommunen": "keyword",
        "sichtbarkeit": "keyword",
        "datum": "date",
    }
    assert (properties["title"]["index"], properties["meta"]["index"]) == (False, False)
    assert (properties["text"]["analyzer"], properties["text"]["search_analyzer"]) == ("suche_index", "suche_query")


@pytest.mark.unit
def test_request_body_sends_the_analysed_groups_filters_visibility_in_the_query_and_facets_as_post_filter():
    gruppen = (Gruppe((("sprachmittlungspool",), ("sprachmittl", "pool")), ("sprachmittlungspool",)),)
    anfrage = Anfrage("Sprachmittlungspool", gruppen, typ="praxisbeispiel", themenfeld="bildung", limit=10)

    body = build_search(anfrage).to_dict()

    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "bool": {
                            "must": [
                                {
                                    "bool": {
                                        "should": [
                                            {"bool": {"must": [weighted("sprachmittlungspool")]}},
                                            {"bool": {"must": [weighted("sprachmittl"), weighted("pool")]}},
                                        ],
                                        "minimum_should_match": 1,
                                    }
                                }
                            ]
                        }
                    }
                ],
                "filter": [{"terms": {"sichtbarkeit": ["oeffentlich"]}}],
            }
        },
        "post_filter": {
            "bool": {"filter": [{"term": {"typ": "praxisbeispiel"}}, {"term": {"themenfelder": "bildung"}}]}
        },
        "aggs": {
            "typ": {
                "filter": {"bool": {"filter": [{"term": {"themenfelder": "bildung"}}]}},
                "aggs": {"werte": {"terms": {"field": "typ", "size": 100}}},
            },
            "themenfeld": {
                "filter": {"bool": {"filter": [{"term": {"typ": "praxisbeispiel"}}]}},
                "aggs": {"werte": {"terms": {"field": "themenfelder", "size": 100}}},
            },
            "kommune": {
                "filter": {
                    "bool": {"filter": [{"term": {"typ": "praxisbeispiel"}}, {"term": {"themenfelder": "bildung"}}]}
                },
                "aggs": {"werte": {"terms": {"field": "kommunen", "size": 100}}},
            },
        },
        "highlight": {
            "fields": {
                "text": {
                    "fragment_size": 200,
                    "number_of_fragments": 1,
                    "pre_tags": ["\x02"],
                    "post_tags": ["\x03"],
                    "highlight_query": {"match": {"text": "Sprachmittlungspool"}},
                }
            },
            "no_match_size": 200,
        },
        "_source": ["title", "url", "typ", "themenfelder", "kommunen", "datum", "text"],
        "from": 0,
        "size": 10,
    }


@pytest.mark.unit
def test_a_query_of_several_groups_also_matches_some_ranks_every_group_first_and_counts_those_complete():
    gruppen = (Gruppe((("sprach",),), ("sprache",)), Gruppe((("kurs",),), ("kurs",)))
    anfrage = Anfrage("Sprache Kurs", gruppen, kommune="stadt-mainz")

    body = build_search(anfrage).to_dict()

    groups = [
        {"bool": {"should": [{"bool": {"must": [weighted("sprach")]}}], "minimum_should_match": 1}},
        {"bool": {"should": [{"bool": {"must": [weighted("kurs")]}}], "minimum_should_match": 1}},
    ]
    assert body["query"]["bool"]["must"] == [
        {
            "bool": {
                "should": [*groups, {"constant_score": {"filter": {"bool": {"filter": groups}}, "boost": 10_000}}],
                "minimum_should_match": 1,
            }
        }
    ]
    assert body["aggs"]["vollstaendig"] == {
        "filter": {"bool": {"filter": [*groups, {"term": {"kommunen": "stadt-mainz"}}]}}
    }


@pytest.mark.unit
def test_a_query_without_terms_matches_nothing():
    body = build_search(Anfrage("der die das", ())).to_dict()

    assert body["query"]["bool"]["must"] == [{"match_none": {}}]


@pytest.mark.unit
def test_members_request_both_visibilities():
    body = build_search(Anfrage("PSZ", (), mitglied=True)).to_dict()

    assert body["query"]["bool"]["filter"] == [{"terms": {"sichtbarkeit": ["oeffentlich", "mitglieder"]}}]


@pytest.mark.unit
def test_recorded_response_is_parsed_with_escaped_snippets_and_facets():
    response = json.loads((RECORDED / "suche_afa.json").read_text())

    ergebnis = parse_response(response)

    assert ergebnis.count == 2
    assert [(t.title, t.typ, t.url, t.themenfelder) for t in ergebnis.treffer] == [
        (
            "Informationsvermittlung in den AfA",
            "handlungsfeld",
            "/themenfelder/ankommen-und-orientierung/informationsvermittlung-in-den-afa/",
            ["ankommen-und-orientierung"],
        ),
        (
            "Psychosoziale Zentren (PSZ)",
            "praxisbeispiel",
            "/praxisbeispiele/psychosoziale-zentren/",
            ["integration-in-den-sozialen-raum"],
        ),
    ]
    assert [str(t.snippet) for t in ergebnis.treffer] == [
        "Die erste Zeit in einer <mark>Aufnahmeeinrichtung</mark> für &lt;Asylbegehrende&gt; &amp; Familien",
        "Die PSZ beraten Geflüchtete.",
    ]
    assert ergebnis.facets == {
        "typ": {"handlungsfeld": 1, "praxisbeispiel": 1},
        "themenfeld": {"ankommen-und-orientierung": 1, "integration-in-den-sozialen-raum": 1},
        "kommune": {"stadt-mainz": 1, "stadt-trier": 1},
    }
    assert ergebnis.vollstaendig == 1


@pytest.mark.django_db
def test_engine_sends_the_built_body_to_the_suche_index():
    client = RecordingClient()
    engine = ElasticsearchEngine("http://elasticsearch:9200", client=client)
    anfrage = Anfrage("DaZ", (), limit=5)

    ergebnis = engine.search(anfrage)

    assert client.calls == [("search", {"index": "suche", "body": build_search(anfrage).to_dict()})]
    assert (ergebnis.count, ergebnis.treffer) == (0, [])


@pytest.mark.django_db
def test_two_searches_share_one_client_per_process(settings, monkeypatch):
    made = []

    def make_client(url, **options):
        made.append(url)
        return RecordingClient()

    monkeypatch.setattr(es_engine.elasticsearch, "Elasticsearch", make_client)
    settings.SUCHE_ELASTICSEARCH_URL = "http://elasticsearch:9200"
    anfrage = Anfrage("DaZ", (Gruppe((("daz",),), ("daz",)),))

    engines.search(anfrage)
    engines.search(anfrage.with_(mitglied=True))

    assert made == ["http://elasticsearch:9200"]


@pytest.mark.integration
@pytest.mark.django_db
def test_unreachable_cluster_falls_back_to_the_database_with_a_warning(settings, make_praxisbeispiel, caplog):
    make_praxisbeispiel("Sprachlotsen Worms", "Sprachlotsen begleiten Familien.", slug="sprachlotsen")
    settings.SUCHE_ELASTICSEARCH_URL = "http://127.0.0.1:9"

    with caplog.at_level(logging.WARNING, logger="netzwerk.suche"):
        result = suchen("Sprachlotsen", AnonymousUser())

    assert ([t.title for t in result.ergebnis.treffer], result.ergebnis.engine) == (["Sprachlotsen Worms"], "datenbank")
    assert [r.message.split(":")[0] for r in caplog.records if r.name == "netzwerk.suche"] == [
        "Elasticsearch nicht erreichbar, die Suche nutzt die Datenbank"
    ]


@pytest.mark.integration
@pytest.mark.django_db
def test_publishing_with_an_unreachable_cluster_still_updates_the_database(settings, make_praxisbeispiel, caplog):
    settings.SUCHE_ELASTICSEARCH_URL = "http://127.0.0.1:9"

    with caplog.at_level(logging.WARNING, logger="netzwerk.suche"):
        make_praxisbeispiel("Lernwerkstatt", "Eine Lernwerkstatt für Kinder.", slug="lernwerkstatt")

    assert list(SuchDokument.objects.values_list("title", flat=True)) == ["Lernwerkstatt"]
    assert [r.message.split(":")[0] for r in caplog.records if r.name == "netzwerk.suche"] == [
        "Elasticsearch nicht erreichbar, Änderung nur in der Datenbank"
    ]
