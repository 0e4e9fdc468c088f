"""Attachments of Beiträge: PDF and images as for submissions, plus office documents recognised by their content."""

import zipfile
from dataclasses import dataclass

from django.conf import settings

from praxisbeispiele.validators import detect_attachment_type

DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ANHAENGE = 5
ZIP_MAGIC = b"PK\x03\x04"

# Office Open XML is a zip whose main part names the format; a file with macros is refused outright.
OOXML_PARTS = {
    "word/document.xml": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xl/workbook.xml": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ppt/presentation.xml": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
}
MACRO_PARTS = ("word/vbaProject.bin", "xl/vbaProject.bin", "ppt/vbaProject.bin")
# OpenDocument stores its media type in the first entry "mimetype" (ODF 1.2, part 3, section 3.3).
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
PDF_AND_IMAGES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}


@dataclass(frozen=True)
class Dateityp:
    mime: str
    extension: str

    @property
    def is_bild(self):
        return self.mime.startswith("image/")


def max_attachment_bytes():
    return getattr(settings, "DISKUSSIONEN_MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES)


def detect_diskussion_attachment(uploaded_file):
    """The Dateityp of an allowed PDF, image or office document, or None; the file name is never consulted."""
    anhangtyp = detect_attachment_type(uploaded_file)
    if anhangtyp is not None:
        return Dateityp(PDF_AND_IMAGES[anhangtyp.extension], anhangtyp.extension)
    return _detect_office_document(uploaded_file)


def _detect_office_document(uploaded_file):
    uploaded_file.seek(0)
    is_zip = uploaded_file.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    uploaded_file.seek(0)
    if not is_zip:
        return None
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = set(archive.namelist())
            odf_mime = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    finally:
        uploaded_file.seek(0)
    if odf_mime in ODF_TYPES:
        return Dateityp(odf_mime, ODF_TYPES[odf_mime])
    if "[Content_Types].xml" not in names or names & set(MACRO_PARTS):
        return None
    for part, (mime, extension) in OOXML_PARTS.items():
        if part in names:
            return Dateityp(mime, extension)
    return None
