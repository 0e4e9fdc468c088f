"""The text of a PDF for the search index: read once per file content, bounded, never an exception.

Extraction runs when the page or post that carries the PDF is indexed (publish, post save,
`search_rebuild`), never per search. The result is cached under the file's hash, so indexing a page
again does not read its unchanged PDFs again. An encrypted or broken PDF gives no text and a warning
in the log.
"""

import hashlib
import io
import logging
import re

from django.core.cache import cache

from pypdf import PdfReader

logger = logging.getLogger("netzwerk.suche")

# Documentation of a workshop or a concept paper has its text in the first pages; the rest of a
# long PDF would only cost time at indexing and grow every search's snippet work (search.highlight
# scans a hit's whole text: about 0.2 s at 20,000 characters, 1.8 s at 100,000, for a word in every 20th place).
MAX_PAGES = 50
MAX_CHARS = 20_000
# Larger files are not read into memory at all (uploads are limited far below this).
MAX_BYTES = 50 * 1024 * 1024
# Every PDF starts with this header within its first 1,024 bytes (ISO 32000-1, annex H.3, note 13).
PDF_MAGIC = b"%PDF-"
HEADER_BYTES = 1024
CACHE_SECONDS = 60 * 60 * 24 * 30
# A change of the bounds changes the key, so no text cut by the old bounds is reused.
CACHE_VERSION = f"v1:{MAX_PAGES}:{MAX_CHARS}"
_SPACES = re.compile(r"[ \t\r\f\v]+")


def text_of(file, digest=None):
    """The text of the PDF file (a Django File or a binary stream) as plain text, at most MAX_CHARS.

    digest names the content (a Wagtail document's file_hash); without it the content is hashed.
    """
    data = None
    if not digest:
        data = _read(file)
        if data is None:
            return ""
        digest = hashlib.sha256(data).hexdigest()
    key = f"suche:pdftext:{CACHE_VERSION}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    data = data if data is not None else _read(file)
    text = _extract(data, getattr(file, "name", "")) if data is not None else ""
    cache.set(key, text, CACHE_SECONDS)
    return text


def _read(file):
    try:
        size = getattr(file, "size", None)
        if size is not None and size > MAX_BYTES:
            logger.warning("PDF zu groß, ohne Volltext indexiert: %s (%s Bytes)", getattr(file, "name", ""), size)
            return None
        if hasattr(file, "open"):
            with file.open("rb") as opened:
                return opened.read()
        file.seek(0)
        return file.read()
    except (OSError, ValueError) as error:
        logger.warning("PDF nicht lesbar, ohne Volltext indexiert: %s (%s)", getattr(file, "name", ""), error)
        return None


def _extract(data, name):
    if PDF_MAGIC not in data[:HEADER_BYTES]:
        return ""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            logger.warning("PDF verschlüsselt, ohne Volltext indexiert: %s", name)
            return ""
        return _pages_text(reader)
    except Exception as error:  # pypdf raises many kinds of errors on damaged files; none may stop a publish
        logger.warning("PDF beschädigt, ohne Volltext indexiert: %s (%s)", name, error)
        return ""


def _pages_text(reader):
    parts, length = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or length >= MAX_CHARS:
            break
        text = _clean(page.extract_text() or "")
        parts.append(text)
        length += len(text) + 1
    return _cut("\n".join(p for p in parts if p))


def _clean(text):
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _cut(text):
    """At most MAX_CHARS characters, ended at a word boundary."""
    if len(text) <= MAX_CHARS:
        return text
    cut = text[:MAX_CHARS]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return cut[:space] if space > MAX_CHARS // 2 else cut
