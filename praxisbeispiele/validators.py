"""Content checks for uploaded attachments: the type comes from the file's first bytes, never from its name."""

from dataclasses import dataclass

import filetype
from PIL import Image as PillowImage

# filetype needs at most this many leading bytes to recognise a format.
HEADER_BYTES = 262


@dataclass(frozen=True)
class Anhangtyp:
    """What an attachment becomes: a Wagtail Document ("dokument") or Image ("bild"), with its extension."""

    kind: str
    extension: str


ALLOWED_TYPES = {
    "application/pdf": Anhangtyp("dokument", "pdf"),
    "image/png": Anhangtyp("bild", "png"),
    "image/apng": Anhangtyp("bild", "png"),
    "image/jpeg": Anhangtyp("bild", "jpg"),
    "image/gif": Anhangtyp("bild", "gif"),
    "image/webp": Anhangtyp("bild", "webp"),
}


def detect_attachment_type(uploaded_file):
    """The Anhangtyp of an allowed PDF or image, or None for any other content (executables, archives, …)."""
    uploaded_file.seek(0)
    header = uploaded_file.read(HEADER_BYTES)
    uploaded_file.seek(0)
    guessed = filetype.guess(header) if header else None
    anhangtyp = ALLOWED_TYPES.get(guessed.mime) if guessed else None
    if anhangtyp and anhangtyp.kind == "bild" and not _is_readable_image(uploaded_file):
        return None
    return anhangtyp


def _is_readable_image(uploaded_file):
    """Magic bytes alone do not make an image; Wagtail needs Pillow to read its dimensions."""
    try:
        with PillowImage.open(uploaded_file) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError, PillowImage.DecompressionBombError):
        return False
    finally:
        uploaded_file.seek(0)
    return True
