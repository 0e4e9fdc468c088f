"""Elasticsearch for large deployments: the database engine's terms, facets as aggregations, highlighting.

What matches is decided by the project's own analysis (search/analysis.py), as in the database engine:
each document carries its analysed `title_terms`, `text_terms` and `meta_terms` (indexed with the
whitespace analyzer, so Elasticsearch keeps the terms as they are), and a query sends the analysed
groups of its Anfrage as term queries, weighted per field with the database engine's weights.

Elasticsearch's own German chain only highlights the raw text for the snippet: standard tokenizer →
lowercase → dictionary_decompounder (word list from the index vocabulary) → german_normalization →
German stopwords → light_german stemmer → asciifolding; the query side adds the Glossar's synonyms.
"""

import functools
import re
import threading

from django.utils.html import escape
from django.utils.safestring import mark_safe

import elastic_transport
import elasticsearch
from elasticsearch_dsl import Q, Search

from search import glossar
from search.choices import Sichtbarkeit
from search.engines import Ergebnis, Treffer
from search.engines.database import META_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT

INDEX_NAME = "suche"
TERM_FIELDS = {"title_terms": TITLE_WEIGHT, "text_terms": TEXT_WEIGHT, "meta_terms": META_WEIGHT}
# Added to the score of a document with every group, so that it ranks above those with only some.
COMPLETE_BOOST = 10_000
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
    highlighted = {"type": "text", "analyzer": "suche_index", "search_analyzer": "suche_query"}
    stored = {"type": "text", "index": False}
    terms = {"type": "text", "analyzer": "whitespace"}
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
                "title": stored,
                "text": highlighted,
                "meta": stored,
                **dict.fromkeys(TERM_FIELDS, terms),
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
        "title_terms": row.title_terms,
        "text_terms": row.text_terms,
        "meta_terms": row.meta_terms,
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
    chosen = {name: value for name, value in _facet_filters(anfrage).items() if value}
    # One explicit bool: elasticsearch_dsl would merge a filter into the terms query's own bool.
    query = Q("bool", must=[terms_query(anfrage)], filter=[Q("terms", sichtbarkeit=sichtbarkeit)])
    search = Search(index=index).query(query)
    if chosen:
        search = search.post_filter("bool", filter=[Q("term", **{FACET_FIELDS[n]: v}) for n, v in chosen.items()])
    for name, field in FACET_FIELDS.items():
        others = [Q("term", **{FACET_FIELDS[n]: v}) for n, v in chosen.items() if n != name]
        bucket = search.aggs.bucket(name, "filter", Q("bool", filter=others))
        bucket.bucket("werte", "terms", field=field, size=100)
    if _fills_up(anfrage):
        facets = [Q("term", **{FACET_FIELDS[n]: v}) for n, v in chosen.items()]
        search.aggs.bucket("vollstaendig", "filter", Q("bool", filter=[*_groups(anfrage), *facets]))
    search = search.highlight(
        "text",
        fragment_size=200,
        number_of_fragments=1,
        pre_tags=[_PRE],
        post_tags=[_POST],
        highlight_query=Q("match", text=anfrage.text).to_dict(),
    )
    search = search.highlight_options(no_match_size=200)
    return search.source(["title", "url", "typ", "themenfelder", "kommunen", "datum", "text"])[
        anfrage.offset : anfrage.offset + anfrage.limit
    ]


def terms_query(anfrage):
    """The groups of the Anfrage as the database engine's MATCH expression joins them, ranked the same way.

    Groups are joined by AND (or OR for any_group); when a query of several groups fills up, documents
    with only some groups match too, and those with every group rank first (see DatabaseEngine.matches).
    """
    groups = _groups(anfrage)
    if not groups:
        return Q("match_none")
    if anfrage.any_group:
        return Q("bool", should=groups, minimum_should_match=1)
    if _fills_up(anfrage):
        complete = Q("constant_score", filter=Q("bool", filter=groups), boost=COMPLETE_BOOST)
        return Q("bool", should=[*groups, complete], minimum_should_match=1)
    return Q("bool", must=groups)


def _fills_up(anfrage):
    return not anfrage.any_group and anfrage.auffuellen and len(_groups(anfrage)) > 1


def _groups(anfrage):
    """One query per group: any alternative, each alternative with all its terms."""
    groups = []
    for gruppe in anfrage.gruppen:
        alternatives = [
            Q("bool", must=[_term(t) for t in alternative if t])
            for alternative in gruppe.alternativen
            if any(alternative)
        ]
        if alternatives:
            groups.append(Q("bool", should=alternatives, minimum_should_match=1))
    return groups


def _term(term):
    """One analysed term in any term field, weighted per field as in the database engine."""
    fields = [Q("term", **{field: {"value": term, "boost": weight}}) for field, weight in TERM_FIELDS.items()]
    return Q("bool", should=fields, minimum_should_match=1)


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
    aggregations = response.get("aggregations", {})
    facets = {
        name: {b["key"]: b["doc_count"] for b in aggregations[name]["werte"]["buckets"]}
        for name in FACET_FIELDS
        if name in aggregations
    }
    total = hits.get("total", {})
    count = total.get("value", 0) if isinstance(total, dict) else int(total)
    vollstaendig = aggregations["vollstaendig"]["doc_count"] if "vollstaendig" in aggregations else None
    return Ergebnis(
        count=count,
        treffer=treffer,
        facets={**{n: {} for n in FACET_FIELDS}, **facets},
        engine="elasticsearch",
        vollstaendig=vollstaendig,
    )


_clients_lock = threading.Lock()


@functools.cache
def _client(url):
    return elasticsearch.Elasticsearch(url, request_timeout=3, max_retries=0, retry_on_timeout=False)


def client_for(url):
    """The one client of this process for url: it holds the connection pool, so searches share it."""
    with _clients_lock:
        return _client(url)


def forget_clients():
    """Drop the clients made so far (tests, or after the URL setting changed)."""
    with _clients_lock:
        _client.cache_clear()


class ElasticsearchEngine:
    name = "elasticsearch"
    mirrors_database = True
    unavailable_errors = (elastic_transport.TransportError, elasticsearch.ApiError)

    def __init__(self, url, client=None, index=INDEX_NAME):
        self.index = index
        self.client = client or client_for(url)

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
