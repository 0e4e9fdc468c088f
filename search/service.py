"""One search across the portal: analyse, ask the engine, widen for typos, suggest "Meinten Sie …"."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from konto.roles import is_member
from search import engines, glossar, wordlist
from search.analysis import MAX_WORD, Gruppe, clean, fold, too_long_words
from search.engines import Anfrage, Ergebnis, complete_count

PER_PAGE = 10
API_MAX_LIMIT = 50
FEW_RESULTS = 3
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Suchergebnis:
    query: str
    ergebnis: Ergebnis = field(default_factory=Ergebnis)
    vorschlag: str = ""  # corrected query for "Meinten Sie …", built only from words the user may see
    erweitert: bool = False  # typo corrections were added to the query
    teilweise: bool = False  # not every word matched: results contain only some of them
    hinweis: str = ""  # why the query was not searched at all, as a German sentence


ZU_LANG = _(
    "Ein Wort Ihrer Suche ist länger als %(limit)d Buchstaben, so lange Wörter gibt es im Portal nicht. "
    "Kürzen Sie das Wort oder suchen Sie nach einem Teil davon."
)


def suchen(text, user, *, typ="", themenfeld="", kommune="", offset=0, limit=PER_PAGE, engine=None):
    query = " ".join(clean(text).split())
    result = Suchergebnis(query=query)
    if too_long_words(query):
        result.hinweis = ZU_LANG % {"limit": MAX_WORD}
        return result
    analyzer = glossar.analyzer()
    known = wordlist.known_stems(analyzer, analyzer.query_candidates(query))
    gruppen = tuple(analyzer.query_groups(query, known))
    if not gruppen:
        return result
    mitglied = is_member(user)
    anfrage = Anfrage(query, gruppen, mitglied, typ, themenfeld, kommune, max(0, offset), limit)
    result.ergebnis = engines.search(anfrage, engine)
    if complete_count(result.ergebnis) < FEW_RESULTS:
        _widen_for_typos(result, anfrage, mitglied, engine)
    if complete_count(result.ergebnis) == 0 and len(gruppen) > 1:
        # The database engine already ranked the documents with some of the words; others are asked now.
        partial = result.ergebnis if result.ergebnis.count else engines.search(anfrage.with_(any_group=True), engine)
        if partial.count:
            result.ergebnis, result.teilweise = partial, True
    return result


def _widen_for_typos(result, anfrage, mitglied, engine):
    words = [w for gruppe in anfrage.gruppen if len(gruppe.woerter) == 1 for w in gruppe.woerter]
    corrections = wordlist.corrections(words, mitglied)
    if not corrections:
        return
    gruppen = tuple(_with_correction(g, corrections) for g in anfrage.gruppen)
    widened = engines.search(anfrage.with_(gruppen=gruppen, fuzzy=True), engine)
    if (complete_count(widened), widened.count) > (complete_count(result.ergebnis), result.ergebnis.count):
        result.ergebnis, result.erweitert = widened, True
    if widened.count:
        result.vorschlag = corrected_query(result.query, corrections)


def _with_correction(gruppe, corrections):
    row = corrections.get(gruppe.woerter[0]) if len(gruppe.woerter) == 1 else None
    if row is None:
        return gruppe
    return Gruppe((*gruppe.alternativen, (row.stamm,)), gruppe.woerter)


def corrected_query(query, corrections):
    """The query with each corrected word replaced, its capital initial kept."""

    def replace(match):
        row = corrections.get(fold(match.group(0)))
        if row is None:
            return match.group(0)
        word = row.anzeige or row.wort
        return word[:1].upper() + word[1:] if match.group(0)[:1].isupper() else word

    return _WORD.sub(replace, query)
