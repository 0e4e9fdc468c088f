"""Praxisbeispiele in the portal search: public unless the page is under a view restriction."""

from search.choices import DokumentTyp
from search.documents import Dokument, page_basics, plain_text


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
        text=plain_text(page.summary, page.body, page.leichte_sprache),
        themenfelder=[t.slug for t in themenfelder],
        kommunen=[k.slug for k in kommunen],
        meta="\n".join(m for m in meta if m),
    )


def connect():
    from praxisbeispiele.models import PraxisbeispielPage
    from search import documents

    documents.register(PraxisbeispielPage, praxisbeispiel_document)
