"""The text of PDF attachments is searchable with the visibility of its page or post, bounded and cached."""

import io
import logging

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pypdf
import pytest

from diskussionen import moderation
from diskussionen.beitraege import create_beitrag
from netzwerk_site import uploads
from search import pdftext
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import Sichtbarkeit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def pdf_bytes(*pages):
    """A minimal valid PDF with one line of Helvetica text per page, built by hand (ISO 32000-1, 7.5)."""
    count = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, text in enumerate(pages):
        page = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * i} 0 R"
        objects.append(f"{page} /Resources << /Font << /F1 3 0 R >> >> >>".encode())
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def encrypted(data):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt("geheim", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PROTOKOLL = pdf_bytes("Ergebnis: ein Sprachmittlungspool Westpfalz fuer alle Kommunen.")


def search(client, query):
    return client.get("/api/suche/", {"q": query}).json()["results"]


def titles(client, query):
    return [result["title"] for result in search(client, query)]


@pytest.fixture
def internal_workshop(site_tree):
    document = get_document_model().objects.create(title="Protokoll", file=ContentFile(PROTOKOLL, name="p.pdf"))
    index = VeranstaltungIndexPageFactory(parent=site_tree.home)
    page = VeranstaltungPageFactory(
        parent=index, title="Internes Werkstattgespräch", sichtbarkeit=Sichtbarkeit.NETZWERK
    )
    page.dokumente = [("dokument", {"document": document, "title": "Protokoll der Werkstatt"})]
    page.save_revision().publish()
    return page


def test_text_of_a_members_only_attachment_is_found_by_members_only(client, member, internal_workshop):
    anonymous_api = titles(client, "Westpfalz")
    anonymous_page = client.get("/suche/", {"q": "Westpfalz"}).content.decode()
    client.force_login(member)

    results = search(client, "Westpfalz")
    page = client.get("/suche/", {"q": "Westpfalz"}).content.decode()

    assert anonymous_api == []
    assert "Internes Werkstattgespräch" not in anonymous_page
    assert [r["title"] for r in results] == ["Internes Werkstattgespräch"]
    assert (
        "Anhang „Protokoll der Werkstatt“: Ergebnis: ein Sprachmittlungspool <mark>Westpfalz</mark>"
        in (results[0]["snippet"])
    )
    assert "Anhang „Protokoll der Werkstatt“" in page


def test_pdf_of_a_post_is_found_once_attached_and_gone_once_the_post_is_hidden(client, member, editor):
    diskussion = DiskussionFactory(title="Sprachmittlung im Landkreis")
    before = create_beitrag(diskussion, member, "Wie organisieren Sie Dolmetscheinsätze?")
    client.force_login(member)
    found_before = titles(client, "Westpfalz")

    beitrag = create_beitrag(
        diskussion,
        member,
        "Unser Konzept anbei.",
        dateien=[(SimpleUploadedFile("konzept.pdf", PROTOKOLL), uploads.PDF)],
    )
    results = search(client, "Westpfalz")
    moderation.verbergen(beitrag, editor)

    assert before.is_sichtbar
    assert found_before == []
    assert [r["title"] for r in results] == ["Sprachmittlung im Landkreis"]
    assert "Anhang „konzept.pdf“: Ergebnis" in results[0]["snippet"]
    assert titles(client, "Westpfalz") == []
    assert titles(client, "Dolmetscheinsätze") == ["Sprachmittlung im Landkreis"]


def test_broken_and_encrypted_pdfs_are_indexed_without_text_and_with_a_warning(client, member, caplog):
    diskussion = DiskussionFactory(title="Anhänge ohne Text")
    dateien = [
        (SimpleUploadedFile("kaputt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog"), uploads.PDF),
        (SimpleUploadedFile("geschuetzt.pdf", encrypted(PROTOKOLL)), uploads.PDF),
    ]
    client.force_login(member)

    with caplog.at_level(logging.WARNING, logger="netzwerk.suche"):
        create_beitrag(diskussion, member, "Zwei Dateien zum Kreisausschuss.", dateien=dateien)

    assert titles(client, "Westpfalz") == []
    assert titles(client, "Kreisausschuss") == ["Anhänge ohne Text"]
    assert [r.getMessage().split(":")[0] for r in caplog.records if r.name == "netzwerk.suche"] == [
        "PDF beschädigt, ohne Volltext indexiert",
        "PDF verschlüsselt, ohne Volltext indexiert",
    ]


def test_a_long_pdf_is_read_up_to_the_page_limit(monkeypatch):
    pages = [f"Abschnitt{number:03d}" for number in range(1, 201)]
    read = []
    extract = pypdf.PageObject.extract_text
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda page, *a, **kw: read.append(1) or extract(page))

    text = pdftext.text_of(io.BytesIO(pdf_bytes(*pages)))

    assert len(read) == pdftext.MAX_PAGES == 50
    assert text.split("\n") == pages[:50]


def test_a_long_text_is_cut_at_the_character_limit(monkeypatch):
    monkeypatch.setattr(pdftext, "MAX_CHARS", 40)

    text = pdftext.text_of(io.BytesIO(pdf_bytes("Sprachmittlungspool Westpfalz und Vorderpfalz und Suedpfalz")))

    assert text == "Sprachmittlungspool Westpfalz und"


def test_an_unchanged_pdf_is_read_once(monkeypatch):
    readers = []
    monkeypatch.setattr(pdftext, "PdfReader", lambda stream: readers.append(1) or pypdf.PdfReader(stream))

    texts = [pdftext.text_of(io.BytesIO(PROTOKOLL)) for _ in range(3)]

    assert texts == ["Ergebnis: ein Sprachmittlungspool Westpfalz fuer alle Kommunen."] * 3
    assert len(readers) == 1
