"""`glossar_abbr`: the first use of each Glossar abbreviation in HTML becomes <abbr title="Langform">.

WCAG 2.1, success criterion 3.1.4 (Abbreviations): a mechanism for the expanded form.
"""

import re
from functools import lru_cache

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

from search import glossar

register = template.Library()

_TAG = re.compile(r"(<[^>]*>)")
# Text inside these elements stays as it is: links keep their own name, abbr must not nest.
_SKIP = {"a", "abbr", "script", "style", "code", "pre", "textarea", "button", "title"}


@lru_cache(maxsize=8)
def _patterns(entries):
    return [
        (re.compile(r"(?<![^\W_])" + re.escape(entry.abkuerzung) + r"(?![^\W_])"), entry.langform)
        for entry in sorted(entries, key=lambda e: -len(e.abkuerzung))
    ]


def _tag_name(tag):
    match = re.match(r"</?\s*([a-zA-Z0-9]+)", tag)
    return match.group(1).lower() if match else ""


def annotate(html, entries):
    """html with <abbr> around each abbreviation's first occurrence in a text node outside links."""
    pending = _patterns(entries)
    pieces, skipping = [], []
    for piece in _TAG.split(str(html)):
        if piece.startswith("<"):
            name = _tag_name(piece)
            if name in _SKIP and not piece.endswith("/>"):
                if piece.startswith("</"):
                    if name in skipping:
                        skipping.remove(name)
                else:
                    skipping.append(name)
            pieces.append(piece)
        elif skipping or not pending:
            pieces.append(piece)
        else:
            piece, pending = _annotate_text(piece, pending)
            pieces.append(piece)
    return "".join(pieces)


def _annotate_text(text, pending):
    remaining = []
    for pattern, langform in pending:
        # Inserted markup contains no abbreviation letters outside the title attribute's quotes, but
        # later patterns must not match inside it: split off the text already annotated.
        match = _first_outside_abbr(pattern, text)
        if match is None:
            remaining.append((pattern, langform))
            continue
        start, end = match
        text = f'{text[:start]}<abbr title="{escape(langform)}">{text[start:end]}</abbr>{text[end:]}'
    return text, remaining


def _first_outside_abbr(pattern, text):
    position = 0
    for part in re.split(r"(<abbr [^>]*>.*?</abbr>)", text):
        if not part.startswith("<abbr "):
            match = pattern.search(part)
            if match:
                return position + match.start(), position + match.end()
        position += len(part)
    return None


@register.filter
def glossar_abbr(value):
    """Usage: {{ page.body|glossar_abbr }} (after rendering) or {{ text|richtext|glossar_abbr }}."""
    if not value:
        return value
    html = conditional_escape(str(value)) if not hasattr(value, "__html__") else str(value)
    return mark_safe(annotate(html, glossar.eintraege()))  # noqa: S308 - only escaped langform is added
