"""Praxisbeispiele in the portal search: public unless the page is under a view restriction.

Context both ways: a Praxisbeispiel is indexed with the titles of its Handlungsfelder, and a
Handlungsfeld with the names and summaries of the Praxisbeispiele documented under it, so that a
query naming an example also finds the Handlungsfeld of the Auftaktdialog, and the reverse.
"""

from search.choices import DokumentTyp, Sichtbarkeit
from search.documents import Dokument, document_attachments, page_basics, plain_text


def praxisbeispiel_document(page):
    # The kontakt_* fields and eingereicht_von are members-only data and never enter the index.
    basics = page_basics(page, DokumentTyp.PRAXISBEISPIEL)
    if basics is None:
        return None
    themenfelder = list(page.themenfelder.all())
    kommunen = list(page.kommunen.all())
    meta = [
        *(k.display_name for k in kommunen),
        *(t.title for t in themenfelder),
        *(z.name for z in page.zielgruppen.all()),
        page.traeger_label or "",
        page.traeger.short_name if page.traeger_id else "",
    ]
    return Dokument(
        **basics,
        text=plain_text(
            page.summary,
            page.body,
            page.leichte_sprache,
            *document_attachments(basics["sichtbarkeit"], page.body),
        ),
        themenfelder=[t.slug for t in themenfelder],
        kommunen=[k.slug for k in kommunen],
        meta="\n".join(m for m in meta if m),
    )


def handlungsfeld_titles(page):
    """Context of a Praxisbeispiel: the titles of its live Handlungsfelder."""
    return [h.title for h in page.handlungsfelder.all() if h.live]


# A Handlungsfeld's context names at most this many of its Praxisbeispiele (the newest), so indexing it again when
# one of them is published costs one query of bounded size, however large the library grows.
KONTEXT_HOECHSTENS = 100


def praxisbeispiel_lines(handlungsfeld):
    """Context of a Handlungsfeld: name and summary of the newest live Praxisbeispiele documented under it.

    A members-only Praxisbeispiel lends its words only to a members-only Handlungsfeld. One query.
    """
    from netzwerk_site.visibility import public_pages

    basics = page_basics(handlungsfeld, DokumentTyp.HANDLUNGSFELD)
    if basics is None:
        return []
    pages = handlungsfeld.praxisbeispiele.live().filter(expired=False)
    if basics["sichtbarkeit"] == Sichtbarkeit.OEFFENTLICH:
        pages = public_pages(pages)
    newest = pages.order_by("-first_published_at", "-pk").values_list("title", "summary")[:KONTEXT_HOECHSTENS]
    return [line for pair in newest for line in pair]


def live_handlungsfelder(page):
    return [h.specific for h in page.handlungsfelder.all() if h.live]


def connect():
    from netzwerk_site.models import HandlungsfeldPage
    from praxisbeispiele.models import PraxisbeispielPage
    from search import documents

    documents.register(PraxisbeispielPage, praxisbeispiel_document)
    documents.add_context(PraxisbeispielPage, handlungsfeld_titles)
    documents.add_context(HandlungsfeldPage, praxisbeispiel_lines)
    documents.add_dependents(PraxisbeispielPage, live_handlungsfelder)
