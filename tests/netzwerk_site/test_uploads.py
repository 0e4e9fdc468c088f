"""netzwerk_site.uploads: type by content, bounded zip checks, limits with German messages, random names."""

import io
import struct
import zipfile

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pytest
from PIL import Image

from diskussionen.beitraege import create_beitrag
from diskussionen.models import Anhang
from netzwerk_site import uploads
from praxisbeispiele.submission import ensure_workflow
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.einreichungen import (
    EXE_BYTES,
    PDF_BYTES,
    docx_upload,
    einreichung_data,
    pdf_upload,
    png_upload,
    zip_upload,
)
from tests.factories.netzwerk_site import ThemenfeldFactory

POLYGLOT_PDF = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n"


def gif_with_javascript():
    """A readable GIF that a browser would also run as script if it were served as .js."""
    buffer = io.BytesIO()
    Image.new("P", (1, 1)).save(buffer, format="GIF")
    return SimpleUploadedFile("tracker.js", buffer.getvalue() + b"\n;alert(document.cookie);//", "text/javascript")


def odt_claiming_one_gigabyte():
    """An OpenDocument-like zip whose "mimetype" entry declares 1 GB in its headers."""
    upload = zip_upload("bombe.odt", ["content.xml"], first=("mimetype", "application/vnd.oasis.opendocument.text"))
    data = bytearray(upload.read())
    one_gigabyte = struct.pack("<I", 1024**3)
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    data[local + 22 : local + 26] = one_gigabyte
    data[central + 24 : central + 28] = one_gigabyte
    return SimpleUploadedFile("bombe.odt", bytes(data))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (pdf_upload, "pdf"),
        (png_upload, "png"),
        (docx_upload, "docx"),
        (lambda: zip_upload("t.xlsx", ["[Content_Types].xml", "xl/workbook.xml"]), "xlsx"),
        (lambda: zip_upload("t.odt", [], first=("mimetype", "application/vnd.oasis.opendocument.text")), "odt"),
        (lambda: zip_upload("makro.docx", ["[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"]), None),
        (lambda: zip_upload("archiv.docx", ["irgendwas.txt"]), None),
        (lambda: SimpleUploadedFile("rechnung.pdf", EXE_BYTES), None),
        (lambda: SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n" + bytes(40)), None),
        (lambda: SimpleUploadedFile("leer.pdf", b""), None),
    ],
)
def test_type_comes_from_the_content_never_from_the_name(upload, expected):
    dateityp = uploads.detect_type(upload())

    assert (dateityp.extension if dateityp else None) == expected


@pytest.mark.unit
def test_gif_with_javascript_is_a_gif():
    assert uploads.detect_type(gif_with_javascript()) == uploads.GIF


@pytest.mark.unit
def test_pdf_followed_by_html_is_a_pdf():
    assert uploads.detect_type(SimpleUploadedFile("seite.html", POLYGLOT_PDF)) == uploads.PDF


@pytest.mark.unit
def test_zip_whose_mimetype_entry_claims_one_gigabyte_is_refused_without_inflating(monkeypatch):
    bombe = odt_claiming_one_gigabyte()
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda archive, *args, **kwargs: opened.append(args))

    dateityp = uploads.detect_type(bombe)

    assert (dateityp, opened) == (None, [])


@pytest.mark.unit
def test_odf_mimetype_is_read_with_a_bounded_read(monkeypatch):
    sizes = []
    real_read = zipfile.ZipExtFile.read

    def counting_read(handle, n=-1):
        sizes.append(n)
        return real_read(handle, n)

    ods = zip_upload("t.ods", [], first=("mimetype", uploads.ODS.mime))
    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)

    dateityp = uploads.detect_type(ods)

    assert (dateityp, sizes) == (uploads.ODS, [uploads.MAX_MIMETYPE_BYTES])


@pytest.mark.unit
def test_zip_with_too_many_entries_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_ENTRIES", 2)
    entries = ["[Content_Types].xml", "word/document.xml"]

    erlaubt, zu_viele = (
        uploads.detect_type(zip_upload("a.docx", entries)),
        uploads.detect_type(zip_upload("b.docx", entries + ["x"])),
    )

    assert (erlaubt, zu_viele) == (uploads.DOCX, None)


@pytest.mark.unit
def test_random_name_has_the_detected_extension_and_nothing_of_the_upload():
    first, second = uploads.random_name(uploads.PDF), uploads.random_name(uploads.PDF)

    assert first.endswith(".pdf")
    assert len(first) == len("0123456789abcdef0123456789abcdef.pdf")
    assert first != second


@pytest.mark.unit
def test_validate_files_returns_each_file_with_its_type():
    pdf, docx = pdf_upload(), docx_upload()

    assert uploads.validate_files([pdf, docx], uploads.DOKUMENTE) == [(pdf, uploads.PDF), (docx, uploads.DOCX)]


@pytest.mark.unit
def test_office_document_is_refused_where_only_pdf_and_pictures_are_allowed():
    with pytest.raises(forms.ValidationError) as refused:
        uploads.validate_files([docx_upload()], uploads.PDF_UND_BILDER)

    assert refused.value.messages == [
        "Die Datei „protokoll.docx“ ist weder ein PDF-Dokument noch ein Bild (PNG, JPEG, GIF, WebP). "
        "Wählen Sie eine PDF- oder Bilddatei aus."
    ]


@pytest.mark.unit
def test_too_many_files_give_a_german_sentence_that_says_what_to_do(settings):
    settings.UPLOADS = {"MAX_BYTES": 1000, "MAX_FILES": 2}

    with pytest.raises(forms.ValidationError) as refused:
        uploads.validate_files([pdf_upload(), pdf_upload(), pdf_upload()], uploads.DOKUMENTE)

    assert refused.value.messages == ["Sie haben 3 Dateien gewählt. Wählen Sie höchstens 2 Dateien aus."]


@pytest.mark.unit
def test_too_large_file_gives_a_german_sentence_that_says_what_to_do(settings):
    settings.UPLOADS = {"MAX_BYTES": 50, "MAX_FILES": 5}

    with pytest.raises(forms.ValidationError) as refused:
        uploads.validate_files([pdf_upload("konzept.pdf")], uploads.DOKUMENTE)

    assert refused.value.messages == [
        f"Die Datei „konzept.pdf“ ist {len(PDF_BYTES)}\xa0Bytes groß. "
        "Wählen Sie eine Datei bis 50\xa0Bytes oder verkleinern Sie sie."
    ]


@pytest.mark.unit
def test_help_text_follows_the_setting(settings):
    settings.UPLOADS = {"MAX_BYTES": 2 * 1024 * 1024, "MAX_FILES": 3}

    field = uploads.MultipleFileField(erlaubt=uploads.PDF_UND_BILDER)

    assert str(field.help_text) == (
        "Sie können bis zu 3 Dateien anhängen: PDF-Dokumente oder Bilder (PNG, JPEG, GIF, WebP), "
        "jede höchstens 2,0\xa0MB groß."
    )
    assert field.widget.attrs["accept"] == (
        "application/pdf,image/png,image/jpeg,image/gif,image/webp,.pdf,.png,.jpg,.gif,.webp"
    )


@pytest.mark.integration
@pytest.mark.django_db
def test_post_attachments_are_stored_under_a_random_name_with_the_detected_extension(member):
    diskussion = DiskussionFactory(author=member)
    polyglot = SimpleUploadedFile("seite.html", POLYGLOT_PDF, content_type="text/html")
    gif = gif_with_javascript()

    create_beitrag(diskussion, member, "Anhänge", dateien=uploads.validate_files([polyglot, gif], uploads.DOKUMENTE))

    anhaenge = list(Anhang.objects.values_list("name", "mime", "datei"))
    assert [(name, mime) for name, mime, _datei in anhaenge] == [
        ("seite.html", "application/pdf"),
        ("tracker.js", "image/gif"),
    ]
    assert [datei.rsplit(".", 1)[1] for _name, _mime, datei in anhaenge] == ["pdf", "gif"]
    assert not any("seite" in datei or "tracker" in datei for _name, _mime, datei in anhaenge)


@pytest.mark.integration
@pytest.mark.django_db
def test_submission_files_are_stored_under_a_random_name_with_the_detected_extension(client, member, site_tree):
    ensure_workflow()
    themenfeld = ThemenfeldFactory()
    client.force_login(member)
    polyglot = SimpleUploadedFile("seite.html", POLYGLOT_PDF, content_type="text/html")

    client.post("/praxisbeispiele/einreichen/", einreichung_data([themenfeld], anhaenge=[polyglot]))

    document = get_document_model().objects.get()
    assert (document.title, document.file_extension) == ("seite", "pdf")
    assert "seite" not in document.file.name
