"""The one way in for files: every upload is checked and named here.

The type comes from the file's content, never from its name or the browser's content type. A file is stored
under a random name with the extension of its detected type (random_name), so nothing the uploader chose
reaches the disk. Size and count limits come from the setting UPLOADS ({"MAX_BYTES": …, "MAX_FILES": …}).
Forms use MultipleFileField and validate_files() with one of the allowed sets PDF_UND_BILDER or DOKUMENTE.
Pictures larger than WAGTAILIMAGES_MAX_IMAGE_PIXELS are refused before anything decodes them.

Members' files lie in the storage "private" (PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT) and reach a browser
only through a view that checked the permission and answers with download_response(). So do Wagtail's
documents and picture originals: the default storage (MediaStorage) keeps them below PRIVATE_MEDIA_ROOT too,
and only the renditions stay in MEDIA_ROOT, where a web server may serve them.
"""

import os
import secrets
import shutil
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext_lazy as _

import filetype
from PIL import Image as PillowImage

# filetype needs at most this many leading bytes to recognise a format.
HEADER_BYTES = 262
ZIP_MAGIC = b"PK\x03\x04"
# A real office document has a few hundred entries; more is refused before anything is read.
MAX_ZIP_ENTRIES = 2000
# The "mimetype" entry of OpenDocument holds one short media type (ODF 1.2, part 3, section 3.3).
MAX_MIMETYPE_BYTES = 100


@dataclass(frozen=True)
class Dateityp:
    """An allowed type: its canonical MIME type and the extension a stored file gets."""

    mime: str
    extension: str

    @property
    def is_bild(self):
        return self.mime.startswith("image/")


PDF = Dateityp("application/pdf", "pdf")
PNG = Dateityp("image/png", "png")
JPEG = Dateityp("image/jpeg", "jpg")
GIF = Dateityp("image/gif", "gif")
WEBP = Dateityp("image/webp", "webp")
DOCX = Dateityp("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
XLSX = Dateityp("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
PPTX = Dateityp("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx")
ODT = Dateityp("application/vnd.oasis.opendocument.text", "odt")
ODS = Dateityp("application/vnd.oasis.opendocument.spreadsheet", "ods")
ODP = Dateityp("application/vnd.oasis.opendocument.presentation", "odp")

# What filetype reports for PDF and pictures; APNG is stored as PNG.
MAGIC_TYPES = {"application/pdf": PDF, "image/png": PNG, "image/apng": PNG, "image/jpeg": JPEG}
MAGIC_TYPES |= {"image/gif": GIF, "image/webp": WEBP}
# Office Open XML is a zip whose main part names the format; a file with macros is refused outright.
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
MACRO_PARTS = {"word/vbaProject.bin", "xl/vbaProject.bin", "ppt/vbaProject.bin"}
ODF_TYPES = {typ.mime: typ for typ in (ODT, ODS, ODP)}


@dataclass(frozen=True)
class Erlaubt:
    """A set of allowed types with the words that name them in help texts and error messages."""

    typen: tuple
    beschreibung: str
    falscher_typ: str

    def accept(self):
        """The value of the file input's accept attribute: MIME types and extensions."""
        return ",".join([typ.mime for typ in self.typen] + [f".{typ.extension}" for typ in self.typen])


PDF_UND_BILDER = Erlaubt(
    (PDF, PNG, JPEG, GIF, WEBP),
    _("PDF-Dokumente oder Bilder (PNG, JPEG, GIF, WebP)"),
    _(
        "Die Datei „%(name)s“ ist weder ein PDF-Dokument noch ein Bild (PNG, JPEG, GIF, WebP). "
        "Wählen Sie eine PDF- oder Bilddatei aus."
    ),
)
DOKUMENTE = Erlaubt(
    PDF_UND_BILDER.typen + (DOCX, XLSX, PPTX, ODT, ODS, ODP),
    _("PDF, Bilder (PNG, JPEG, GIF, WebP) oder Office-Dokumente (DOCX, XLSX, PPTX, ODT, ODS, ODP) ohne Makros"),
    _(
        "Die Datei „%(name)s“ ist kein erlaubter Dateityp. Wählen Sie ein PDF, ein Bild oder ein "
        "Office-Dokument ohne Makros."
    ),
)


def max_bytes():
    return settings.UPLOADS["MAX_BYTES"]


def max_files():
    return settings.UPLOADS["MAX_FILES"]


def max_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


# -- detection ----------------------------------------------------------------------------------------------------
def detect_type(uploaded_file):
    """The Dateityp of a PDF, picture or office document without macros, or None; the name is never consulted."""
    uploaded_file.seek(0)
    header = uploaded_file.read(HEADER_BYTES)
    uploaded_file.seek(0)
    if header.startswith(ZIP_MAGIC):
        return _office_type(uploaded_file)
    guessed = filetype.guess(header) if header else None
    dateityp = MAGIC_TYPES.get(guessed.mime) if guessed else None
    if dateityp and dateityp.is_bild and not _is_readable_image(uploaded_file):
        return None
    return dateityp


def _is_readable_image(uploaded_file):
    """Magic bytes alone do not make an image; Wagtail needs Pillow to read its dimensions."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PillowImage.DecompressionBombWarning)
            with PillowImage.open(uploaded_file) as image:
                image.verify()
    except (OSError, SyntaxError, ValueError, PillowImage.DecompressionBombError):
        return False
    finally:
        uploaded_file.seek(0)
    return True


def _office_type(uploaded_file):
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                return None
            names = {entry.filename for entry in entries}
            odf_mime = _odf_mimetype(archive, names)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, EOFError):
        return None
    finally:
        uploaded_file.seek(0)
    if odf_mime is not None:
        return ODF_TYPES.get(odf_mime)
    if "[Content_Types].xml" not in names or names & MACRO_PARTS:
        return None
    return next((typ for part, typ in OOXML_PARTS.items() if part in names), None)


def _odf_mimetype(archive, names):
    """The declared media type of an OpenDocument file, "" if it cannot be one, None without the entry.

    ODF 1.2, part 3, section 3.3: the entry "shall not be compressed". A compressed one is refused before
    it is opened, since its headers may lie about the size and a bzip2 stream of a few hundred bytes
    inflates to gigabytes in one call; a stored one is read with at most MAX_MIMETYPE_BYTES.
    """
    if "mimetype" not in names:
        return None
    entry = archive.getinfo("mimetype")
    if entry.compress_type != zipfile.ZIP_STORED or entry.file_size > MAX_MIMETYPE_BYTES:
        return ""
    with archive.open(entry) as handle:
        return handle.read(MAX_MIMETYPE_BYTES).decode("ascii", "replace").strip()


def pixel_size(uploaded_file):
    """(width, height) of a picture read from its header; nothing is decoded."""
    try:
        with warnings.catch_warnings():
            # Pillow warns about large pictures when it opens them; the caller decides with max_pixels().
            warnings.simplefilter("ignore", PillowImage.DecompressionBombWarning)
            with PillowImage.open(uploaded_file) as image:
                return image.size
    except PillowImage.DecompressionBombError:
        return (PillowImage.MAX_IMAGE_PIXELS or 0, 3)
    finally:
        uploaded_file.seek(0)


# -- naming -------------------------------------------------------------------------------------------------------
def random_name(dateityp):
    """A random file name with the detected type's extension, e.g. "3f9c…e1.pdf"."""
    return f"{secrets.token_hex(16)}.{dateityp.extension}"


# -- forms --------------------------------------------------------------------------------------------------------
class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files (Django docs, "Uploading multiple files"); cleans to a list."""

    def __init__(self, *args, erlaubt=DOKUMENTE, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": erlaubt.accept()}))
        # Lazy: forms declare the field at import time, and settings are read only when it is shown.
        kwargs.setdefault("help_text", lazy(help_text, str)(erlaubt))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_file_clean(item, initial) for item in data]
        return [single_file_clean(data, initial)] if data else []


def help_text(erlaubt):
    return _("Sie können bis zu %(anzahl)d Dateien anhängen: %(typen)s, jede höchstens %(groesse)s groß.") % {
        "anzahl": max_files(),
        "typen": erlaubt.beschreibung,
        "groesse": filesizeformat(max_bytes()),
    }


def validate_files(dateien, erlaubt):
    """Check count, size and type by content; returns [(file, Dateityp)] or raises one ValidationError."""
    if len(dateien) > max_files():
        raise forms.ValidationError(
            _("Sie haben %(anzahl)d Dateien gewählt. Wählen Sie höchstens %(max)d Dateien aus."),
            params={"anzahl": len(dateien), "max": max_files()},
        )
    geprueft, errors = [], []
    for datei in dateien:
        dateityp, error = _check(datei, erlaubt)
        if error:
            errors.append(error)
        else:
            geprueft.append((datei, dateityp))
    if errors:
        raise forms.ValidationError(errors)
    return geprueft


def _check(datei, erlaubt):
    if datei.size > max_bytes():
        error = _(
            "Die Datei „%(name)s“ ist %(groesse)s groß. Wählen Sie eine Datei bis %(max)s oder verkleinern Sie sie."
        )
        params = {"name": datei.name, "groesse": filesizeformat(datei.size), "max": filesizeformat(max_bytes())}
        return None, forms.ValidationError(error, params=params)
    dateityp = detect_type(datei)
    if dateityp not in erlaubt.typen:
        return None, forms.ValidationError(erlaubt.falscher_typ, params={"name": datei.name})
    if dateityp.is_bild:
        breite, hoehe = pixel_size(datei)
        if breite * hoehe > max_pixels():
            error = _(
                "Das Bild „%(name)s“ hat %(breite)d × %(hoehe)d Pixel. Wählen Sie ein Bild mit höchstens "
                "%(max)s Megapixeln oder verkleinern Sie es."
            )
            params = {"name": datei.name, "breite": breite, "hoehe": hoehe, "max": f"{max_pixels() / 1e6:g}"}
            return None, forms.ValidationError(error, params=params)
    return dateityp, None


# A file shown or downloaded from the portal's origin loads nothing and runs nothing.
SANDBOX_CSP = "default-src 'none'; sandbox"


# -- private storage and serving ----------------------------------------------------------------------------------
class PrivateStorage(FileSystemStorage):
    """Files below PRIVATE_MEDIA_ROOT; they have no URL, a view hands them out with download_response().

    The location follows the setting, as FileSystemStorage follows MEDIA_ROOT, because the FileField keeps
    the instance it was given when the model was loaded.
    """

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise NotImplementedError("Private files have no public URL; serve them through a permission-checked view.")


def private_storage():
    """The storage of members' files (FileField(storage=private_storage))."""
    return storages["private"]


def download_name(name, mime):
    """The name a download gets: the member's file name without its extension, plus the detected type's."""
    dateityp = next((typ for typ in DOKUMENTE.typen if typ.mime == mime), None)
    stem = Path(name).stem or "datei"
    return f"{stem}.{dateityp.extension}" if dateityp else stem


def download_response(datei, name, mime):
    """Serve a member's file: pictures inline, everything else as a download, always sandboxed and not cached.

    The sandbox keeps a file that a browser takes for HTML or script from running in the portal's origin.
    """
    is_bild = mime.startswith("image/")
    response = FileResponse(datei.open("rb"), as_attachment=not is_bild, filename=download_name(name, mime))
    response["Content-Type"] = mime
    response["Content-Security-Policy"] = SANDBOX_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# -- Wagtail's documents and picture originals --------------------------------------------------------------------
# Wagtail's upload folders for documents and picture originals; renditions go to "images/".
PRIVATE_MEDIA_DIRS = ("documents", "original_images")


def is_private_name(name):
    """Whether a name in the default storage belongs below PRIVATE_MEDIA_ROOT: a document or picture original."""
    return str(name).replace("\\", "/").lstrip("/").split("/", 1)[0] in PRIVATE_MEDIA_DIRS


class MediaStorage(FileSystemStorage):
    """The default storage: MEDIA_ROOT, except documents and picture originals, which lie below
    PRIVATE_MEDIA_ROOT under the same names.

    Submissions and the documents of members-only pages are Wagtail documents and pictures; kept here, no
    web server that serves MEDIA_ROOT can hand them out. Documents reach a browser only through /dokumente/
    (collection view restrictions, netzwerk_site.dokumente), originals never. The names in the database stay
    as they are, so Wagtail's models need no change, and move_private_media() moves older files.
    """

    def path(self, name):
        if is_private_name(name):
            return private_storage().path(name)
        return super().path(name)

    def _save(self, name, content):
        if is_private_name(name):
            return private_storage()._save(name, content)
        return super()._save(name, content)


def move_private_media():
    """Move documents and picture originals still below MEDIA_ROOT to PRIVATE_MEDIA_ROOT; returns the names moved.

    A file whose name is taken in the private folder already stays where it is.
    """
    media_root, private_root = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    moved = []
    for folder in PRIVATE_MEDIA_DIRS:
        for directory, _dirnames, filenames in sorted(os.walk(media_root / folder)):
            for filename in sorted(filenames):
                source = Path(directory, filename)
                name = source.relative_to(media_root).as_posix()
                target = private_root / name
                if target.exists():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(source, target)
                moved.append(name)
    return moved
