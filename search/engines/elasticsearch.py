"""Elasticsearch for large deployments: German analyzer chain, facets as aggregations, highlighting.

Index analyzer: standard tokenizer → lowercase → dictionary_decompounder (word list from the index
vocabulary) → german_normalization → German stopwords → light_german stemmer → asciifolding.
The query analyzer adds a synonym_graph filter fed from the Glossar after lowercase.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

import elastic_transport
import elasticsearch
from elasticsearch_dsl import Q, Search

from search import glossar
from search.choices import Sichtbarkeit
from search.engines import Ergebnis, Treffer

INDEX_NAME = "suche"
MAX_DECOMPOUND_WORDS = 20_000
_PRE, _POST = "\x02", "\x03"
_SYNONYM_UNSAFE = re.compile(r"[,#\\]|=>")
FACET_FIELDS = {"typ": "typ", "themenfeld": "themenfelder", "kommune": "kommunen"}


def synonym_rules(entries):
    """One Solr-style rule per Glossar entry: "abkürzung, langform, synonym, …" (lower case, no commas inside)."""
    rules = []
    for entry in entries:
        variants = [entry.abkuerzung, entry.langform, *entry.synonyme]
        cleaned = [" ".join(_SYNONYM_UNSAFE.sub(" ", v).lower().split()) for v in variants]
        cleaned = [v for v in dict.fromkeys(cleaned) if v]
        if len(cleaned) > 1:
            rules.append(", ".join(cleaned))
    return rules


def index_body(entries, decompound_words):
    text_field = {"type": "text", "analyzer": "suche_index", "search_analyzer": "suche_query"}
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "suche_decompound": {
                        "type": "dictionary_decompounder",
                        "word_list": sorted(decompound_words),
                        "min_subword_size": 4,
                        "only_longest_match": True,
                    },
                    "suche_stop": {"type": "stop", "stopwords": "_german_"},
                    "suche_stemmer": {"type": "stemmer", "language": "light_german"},
                    "suche_synonyme": {"type": "synonym_graph", "synonyms": synonym_rules(entries), "lenient": True},
                },
                "analyzer": {
                    "suche_index": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "suche_decompound",
                            "german_normalization",
                            "suche_stop",
                            "suche_stemmer",
                            "asciifolding",
                        ],
                    },
                    "suche_query": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "suche_synonyme",
                            "german_normalization",
                            "suche_stop",
                            "suche_stemmer",
                            "asciifolding",
                        ],
                    },
                },
            }
        },
        "mappings": {
            "properties": {
                "typ": {"type": "keyword"},
                "title": text_field,
                "text": text_field,
                "meta": text_field,
                "url": {"type": "keyword", "index": False},
                "themenfelder": {"type": "keyword"},
                "kommunen": {"type": "keyword"},
                "sichtbarkeit": {"type": "keyword"},
                "datum": {"type": "date"},
            }
        },
    }


def source_of(row):
    """The Elasticsearch document for a SuchDokument row."""
    return {
        "typ": row.typ,
        "title": row.title,
        "text": row.text,
        "meta": row.meta,
        "url": row.url,
        "themenfelder": row.themenfeld_slugs,
        "kommunen": row.kommune_slugs,
        "sichtbarkeit": row.sichtbarkeit,
        "datum": row.datum.isoformat() if row.datum else None,
    }


def build_search(anfrage, index=INDEX_NAME):
    """The request body for a query: visibility in the query itself, facet filters as post_filter."""
    sichtbarkeit = [Sichtbarkeit.OEFFENTLICH.value]
    if anfrage.mitglied:
        sichtbarkeit.append(Sichtbarkeit.MITGLIEDER.value)
    query = Q(
        "multi_match",
        query=anfrage.text,
        fields=["title^10", "meta^3", "text"],
        fuzziness="AUTO",
        prefix_length=1,
        operator="or" if anfrage.any_group else "and",
    )
    chosen = {name: value for name, value in _facet_filters(anfrage).items() if value}
    search = Search(index=index).query(query).filter("terms", sichtbarkeit=sichtbarkeit)
    if chosen:
        search = search.post_filter("bool", filter=[Q("term", **{FACET_FIELDS[n]: v}) for n, v in chosen.items()])
    for name, field in FACET_FIELDS.items():
        others = [Q("term", **{FACET_FIELDS[n]: v}) for n, v in chosen.items() if n != name]
        bucket = search.aggs.bucket(name, "filter", Q("bool", filter=others))
        bucket.bucket("werte", "terms", field=field, size=100)
    search = search.highlight("text", fragment_size=200, number_of_fragments=1, pre_tags=[_PRE], post_tags=[_POST])
    search = search.highlight_options(no_match_size=200)
    return search.source(["title", "url", "typ", "themenfelder", "kommunen", "datum", "text"])[
        anfrage.offset : anfrage.offset + anfrage.limit
    ]


def _facet_filters(anfrage):
    return {"typ": anfrage.typ, "themenfeld": anfrage.themenfeld, "kommune": anfrage.kommune}


def safe_fragment(fragment):
    """Escape the highlighted fragment, then turn the sentinel characters into <mark>."""
    escaped = escape(fragment).replace(_PRE, "<mark>").replace(_POST, "</mark>")
    return mark_safe(escaped)  # noqa: S308 - escaped above; only our own tags are added


def parse_response(response):
    """An Elasticsearch search response (dict) as Ergebnis."""
    hits = response.get("hits", {})
    treffer = []
    for hit in hits.get("hits", []):
        source = hit.get("_source", {})
        fragments = hit.get("highlight", {}).get("text") or [source.get("text", "")[:200]]
        treffer.append(
            Treffer(
                title=source.get("title", ""),
                url=source.get("url", ""),
                typ=source.get("typ", ""),
                snippet=safe_fragment(fragments[0]),
                themenfelder=list(source.get("themenfelder", [])),
                kommunen=list(source.get("kommunen", [])),
                datum=source.get("datum"),
                score=hit.get("_score") or 0.0,
            )
        )
    facets = {
        name: {b["key"]: b["doc_count"] for b in aggregation["werte"]["buckets"]}
        for name, aggregation in response.get("aggregations", {}).items()
    }
    total = hits.get("total", {})
    count = total.get("value", 0) if isinstance(total, dict) else int(total)
    return Ergebnis(
        count=count, treffer=treffer, facets={**{n: {} for n in FACET_FIELDS}, **facets}, engine="elasticsearch"
    )


class ElasticsearchEngine:
    name = "elasticsearch"
    mirrors_database = True
    unavailable_errors = (elastic_transport.TransportError, elasticsearch.ApiError)

    def __init__(self, url, client=None, index=INDEX_NAME):
        self.index = index
        self.client = client or elasticsearch.Elasticsearch(
            url, request_timeout=3, max_retries=0, retry_on_timeout=False
        )

    def search(self, anfrage):
        body = build_search(anfrage, self.index).to_dict()
        response = self.client.search(index=self.index, body=body)
        return parse_response(getattr(response, "body", response))

    def is_reachable(self, timeout=1.0):
        """True if the cluster answers a ping within timeout seconds; False on any transport or API error."""
        return self.client.options(request_timeout=timeout).ping()

    def index_document(self, row):
        self.client.index(index=self.index, id=row.key, document=source_of(row))

    def delete_document(self, key):
        self.client.options(ignore_status=404).delete(index=self.index, id=key)

    def create_index(self, decompound_words):
        self.client.options(ignore_status=404).indices.delete(index=self.index)
        self.client.indices.create(index=self.index, **index_body(glossar.eintraege(), decompound_words))

    def rebuild(self, rows):
        from search.models import SuchWort

        words = SuchWort.objects.filter(anzeige__regex=r"^\w{4,}$").order_by("-anzahl_gesamt")
        self.create_index(words.values_list("anzeige", flat=True)[:MAX_DECOMPOUND_WORDS])
        operations = []
        for row in rows:
            operations += [{"index": {"_index": self.index, "_id": row.key}}, source_of(row)]
            if len(operations) >= 1000:
                self.client.bulk(operations=operations, refresh=False)
                operations = []
        if operations:
            self.client.bulk(operations=operations, refresh=True)
