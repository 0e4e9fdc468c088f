"""The embedded engine: FTS5 with bm25 on SQLite, tsvector ranking on PostgreSQL, over the analysed terms.

The German analysis already happened in Python (search/analysis.py), so PostgreSQL uses the "simple"
configuration: its own "german" configuration would stem the stems a second time.
"""

from django.db import connection

from search import glossar
from search.choices import Sichtbarkeit
from search.engines import MAX_MATCHES, Ergebnis, Treffer, filter_facets
from search.highlight import query_terms, snippet
from search.models import SuchDokument

# bm25 column weights: title_terms, text_terms, meta_terms (Kommunen, Themenfelder, Träger).
TITLE_WEIGHT, TEXT_WEIGHT, META_WEIGHT = 10.0, 1.0, 3.0

# Members see both visibilities; everyone else only public documents. Every value is a parameter.
SQLITE_MATCH = """
    SELECT d.id, d.typ, d.themenfelder, d.kommunen, -bm25(suche_fts, %s, %s, %s) AS score
    FROM suche_fts JOIN suche_suchdokument d ON d.id = suche_fts.rowid
    WHERE suche_fts MATCH %s AND (d.sichtbarkeit = 'oeffentlich' OR %s)
    ORDER BY score DESC, d.id LIMIT %s
"""


# suchvektor: the weighted terms (title A, meta B, text D), a generated column with a GIN index
# (migration suche 0003). ts_rank with its default weights ranks as Django's SearchRank did.
POSTGRESQL_MATCH = """
    SELECT d.id, d.typ, d.themenfelder, d.kommunen, ts_rank(d.suchvektor, q.query) AS score
    FROM suche_suchdokument d, to_tsquery('simple'::regconfig, %s) AS q(query)
    WHERE d.suchvektor @@ q.query AND d.sichtbarkeit = ANY(%s)
    ORDER BY score DESC, d.id LIMIT %s
"""


class DatabaseUnavailable(Exception):
    """Never raised: the database engine is the fallback of last resort."""


def _quoted(term, quote):
    # Terms from the analyzer hold only letters and digits; quoting keeps FTS syntax out regardless.
    return quote + term.replace(quote, "") + quote


def match_expression(gruppen, any_group=False, dialect="fts5"):
    """FTS5 MATCH or PostgreSQL tsquery text: groups joined by AND (or OR), alternatives by OR."""
    and_, or_, quote = (" AND ", " OR ", '"') if dialect == "fts5" else (" & ", " | ", "'")
    parts = []
    for gruppe in gruppen:
        alternatives = [
            "(" + and_.join(_quoted(t, quote) for t in alternative if t) + ")"
            for alternative in gruppe.alternativen
            if any(alternative)
        ]
        if alternatives:
            parts.append("(" + or_.join(alternatives) + ")")
    return (or_ if any_group else and_).join(parts)


class DatabaseEngine:
    name = "datenbank"
    mirrors_database = False
    unavailable_errors = (DatabaseUnavailable,)

    def search(self, anfrage):
        rows = self.matches(anfrage)
        rows, facets = filter_facets(rows, anfrage)
        page = rows[anfrage.offset : anfrage.offset + anfrage.limit]
        documents = SuchDokument.objects.in_bulk([row["id"] for row in page])
        terms = query_terms(anfrage.gruppen)
        analyzer = glossar.analyzer()
        treffer = [
            Treffer(
                title=doc.title,
                url=doc.url,
                typ=doc.typ,
                snippet=snippet(doc.text, terms, analyzer),
                themenfelder=doc.themenfeld_slugs,
                kommunen=doc.kommune_slugs,
                datum=doc.datum,
                score=row["score"],
            )
            for row in page
            if (doc := documents.get(row["id"])) is not None
        ]
        vollstaendig = sum(1 for row in rows if row["vollstaendig"])
        return Ergebnis(count=len(rows), treffer=treffer, facets=facets, engine=self.name, vollstaendig=vollstaendig)

    def matches(self, anfrage):
        """All visible matches, best first, as dicts with id, score, typ, themenfelder, kommunen.

        Documents with every word of the query come first; after them, when the query has several
        words, the documents with only some of them, ranked by the field-weighted score of the words
        they contain. A query that describes a Handlungsfeld in other inflections or with an extra
        word ("Wie finden wir …") so still finds it, below the documents that match it completely.
        """
        rows = self._rows(anfrage)
        complete = {row[0] for row in rows}
        if not anfrage.any_group and anfrage.auffuellen and len(anfrage.gruppen) > 1:
            rows = rows + [row for row in self._rows(anfrage.with_(any_group=True)) if row[0] not in complete]
        return [
            {
                "id": pk,
                "typ": typ,
                "themenfelder": t.split(),
                "kommunen": k.split(),
                "score": float(score),
                "vollstaendig": pk in complete,
            }
            for pk, typ, t, k, score in rows
        ]

    def _rows(self, anfrage):
        return self._postgresql(anfrage) if connection.vendor == "postgresql" else self._sqlite(anfrage)

    def _sqlite(self, anfrage):
        expression = match_expression(anfrage.gruppen, anfrage.any_group)
        if not expression:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                SQLITE_MATCH, [TITLE_WEIGHT, TEXT_WEIGHT, META_WEIGHT, expression, anfrage.mitglied, MAX_MATCHES]
            )
            return cursor.fetchall()

    def _postgresql(self, anfrage):
        expression = match_expression(anfrage.gruppen, anfrage.any_group, dialect="tsquery")
        if not expression:
            return []
        with connection.cursor() as cursor:
            cursor.execute(POSTGRESQL_MATCH, [expression, _visible(anfrage.mitglied), MAX_MATCHES])
            return cursor.fetchall()


def _visible(mitglied):
    if mitglied:
        return [Sichtbarkeit.OEFFENTLICH.value, Sichtbarkeit.MITGLIEDER.value]
    return [Sichtbarkeit.OEFFENTLICH.value]


def match_terms(anfrage):
    """The terms the MATCH expression of anfrage asks for (to compare with another engine's query)."""
    # Every term is quoted and holds no quote, so every second piece between quotes is a term.
    return set(match_expression(anfrage.gruppen, anfrage.any_group).split('"')[1::2])
