"""Uploads and form data for member submissions of Praxisbeispiele."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from PIL import Image

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
# Headers of a Linux (ELF) and a Windows (MZ) executable.
ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + bytes(256)
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(256)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content, content_type="application/pdf"):
    """A file as the browser sends it; name and content type are whatever the member's computer says."""
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_upload(name="konzept.pdf"):
    return upload(name, PDF_BYTES)


def png_upload(name="sprachcafe.png"):
    return upload(name, png_bytes(), content_type="image/png")


def einreichung_data(themenfelder, **overrides):
    """Valid POST data for the submission form; pass anhaenge=[...] to attach files."""
    data = {
        "title": "Sprachcafé Musterstadt",
        "summary": "Ehrenamtliche laden jede Woche zum Deutschüben ein.",
        "description": "Seit 2023 treffen sich Neuzugewanderte im Rathaus.\n\nDas Café wird von der Kommune getragen.",
        "themenfelder": [themenfeld.pk for themenfeld in themenfelder],
        "traeger_name": "Integrationsbüro Musterstadt",
        "website": "https://www.example.org/sprachcafe",
        "kontakt_name": "",
        "kontakt_email": "",
        "kontakt_telefon": "",
    }
    data.update(overrides)
    return data


def zip_upload(name, entries, first=None):
    """A zip archive with the given entries; first=(name, text) is written before them, as ODF's mimetype."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(*first)
        for entry in entries:
            archive.writestr(entry, "<x/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def docx_upload(name="protokoll.docx"):
    return zip_upload(name, ["[Content_Types].xml", "word/document.xml"])
