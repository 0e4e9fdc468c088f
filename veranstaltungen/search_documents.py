"""Veranstaltungen in the portal search: internal ones only for members, with the text of their PDFs."""

from search.choices import DokumentTyp, Sichtbarkeit
from search.documents import Dokument, Html, document_attachments, page_basics, plain_text
from veranstaltungen.choices import Sichtbarkeit as VeranstaltungSichtbarkeit


def veranstaltung_document(page):
    # The online link is members-only and stays out of the index.
    basics = page_basics(page, DokumentTyp.VERANSTALTUNG)
    if basics is None:
        return None
    if page.sichtbarkeit != VeranstaltungSichtbarkeit.OEFFENTLICH:
        basics["sichtbarkeit"] = Sichtbarkeit.MITGLIEDER
    themenfelder = list(page.themenfelder.all())
    return Dokument(
        **basics,
        text=plain_text(
            page.summary,
            page.body,
            Html(page.protokoll or ""),
            page.ort,
            *document_attachments(basics["sichtbarkeit"], page.dokumente, page.body),
        ),
        themenfelder=[t.slug for t in themenfelder],
        meta=" ".join(
            [
                page.get_art_display(),
                page.veranstalter_name or str(page.veranstalter or ""),
                *(t.title for t in themenfelder),
            ]
        ),
    )


def connect():
    from search import documents
    from veranstaltungen.models import VeranstaltungPage

    documents.register(VeranstaltungPage, veranstaltung_document)
