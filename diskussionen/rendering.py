"""Markdown to sanitized HTML, and plain-text previews; the only place post text becomes markup.

Markdown passes raw HTML through, so its output is never trusted: bleach keeps a tight allow-list of
tags, drops every attribute except a link's href and title, and allows only http, https and mailto
links. Plain URLs are linkified inside the same sanitizer pass, so new links obey the same rules.
A single line break stays a line break (Markdown's "nl2br"), so a signature or an address keeps its lines.
"""

import html
from functools import partial
from urllib.parse import urlsplit

from django.utils.text import Truncator

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"
HREF = (None, "href")


def _link_callback(attrs, new=False):
    """Keep only absolute http, https and mailto links and give each the same rel; drop every other link."""
    href = attrs.get(HREF, "")
    if urlsplit(href.strip()).scheme.lower() not in ALLOWED_PROTOCOLS:
        return None
    attrs[(None, "rel")] = LINK_REL
    return attrs


def _cleaner():
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[partial(LinkifyFilter, callbacks=[_link_callback], skip_tags={"pre", "code"}, parse_email=True)],
    )


def render_markdown(text):
    """Sanitized HTML for a Beitrag written in Markdown."""
    raw_html = markdown.markdown(text or "", extensions=["fenced_code", "sane_lists", "nl2br"], output_format="html")
    # Posts sit below the page's h1 and h2, so Markdown's "#" and "##" become h3 like "###".
    for level in ("h1", "h2"):
        raw_html = raw_html.replace(f"<{level}>", "<h3>").replace(f"</{level}>", "</h3>")
    return _cleaner().clean(raw_html).strip()


def plain_text(sanitized_html):
    """The text of sanitized HTML without any markup, for previews and plain-text e-mails (escape before use in HTML)."""
    text = bleach.clean(sanitized_html or "", tags=set(), strip=True, strip_comments=True)
    return " ".join(html.unescape(text).split())


def vorschau(sanitized_html, words=30):
    """A short plain-text preview; templates escape it like any other text."""
    return Truncator(plain_text(sanitized_html)).words(words, truncate=" …")


def zitat(beitrag):
    """Markdown that quotes a Beitrag; it is rendered and sanitized like any other text."""
    lines = [f"{beitrag.author_name} schrieb:", "", *beitrag.body.splitlines()]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"
