"""The Praxisbeispiele a free text finds, for the library's `?q=`: the portal search's answer, reduced to page ids.

The library asks search.service.suchen as /suche/?typ=praxisbeispiel does, so both list the same
Praxisbeispiele in the same order, with the same glossary expansion, typo widening and "Meinten Sie …".
"""

from dataclasses import dataclass

from search.choices import DokumentTyp
from search.models import SuchDokument
from search.service import suchen

# The library shows this many matches at most; the engine itself stops at engines.MAX_MATCHES.
MAX_TREFFER = 500
PAGE_KEY_PREFIX = "page:"


@dataclass(frozen=True)
class Freitextsuche:
    """What the search found for the library: page ids best first, and what to tell the reader."""

    query: str
    ids: tuple = ()
    vorschlag: str = ""  # corrected query for "Meinten Sie …"
    erweitert: bool = False  # the ids already include similar spellings
    teilweise: bool = False  # no Praxisbeispiel contains every word; these contain some
    hinweis: str = ""  # why the text was not searched, as a German sentence


def praxisbeispiele(text, user):
    """The Praxisbeispiele matching text for user, best first, as /suche/?typ=praxisbeispiel ranks them."""
    result = suchen(text, user, typ=DokumentTyp.PRAXISBEISPIEL, limit=MAX_TREFFER)
    return Freitextsuche(
        query=result.query,
        ids=_page_ids([hit.url for hit in result.ergebnis.treffer]),
        vorschlag=result.vorschlag,
        erweitert=result.erweitert,
        teilweise=result.teilweise,
        hinweis=str(result.hinweis),
    )


def _page_ids(urls):
    """The page id behind each hit's URL, in the hits' order: one query for all of them."""
    if not urls:
        return ()
    keys = dict(SuchDokument.objects.filter(typ=DokumentTyp.PRAXISBEISPIEL, url__in=urls).values_list("url", "key"))
    return tuple(
        int(keys[url].removeprefix(PAGE_KEY_PREFIX)) for url in urls if keys.get(url, "").startswith(PAGE_KEY_PREFIX)
    )
