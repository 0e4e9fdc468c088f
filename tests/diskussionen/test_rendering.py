"""Markdown becomes a tight allow-list of HTML; nothing from the XSS corpus survives the sanitizer."""

from html.parser import HTMLParser

import pytest

from diskussionen.rendering import ALLOWED_TAGS, plain_text, render_markdown, vorschau, zitat
from tests.diskussionen.conftest import executable_markup
from tests.diskussionen.vectors import xss_vectors

pytestmark = pytest.mark.unit

VECTORS = xss_vectors()


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()
        self.attributes = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update((tag, name) for name, _ in attrs)


def tags_and_attributes(html):
    collector = TagCollector()
    collector.feed(html)
    return collector.tags, collector.attributes


def test_corpus_holds_at_least_sixty_vectors():
    assert len(VECTORS) >= 60


@pytest.mark.parametrize("vector", VECTORS)
def test_no_vector_survives_rendering(vector):
    html = render_markdown(vector)

    tags, attributes = tags_and_attributes(html)
    assert executable_markup(html) == []
    assert tags <= ALLOWED_TAGS
    assert attributes <= {("a", "href"), ("a", "rel"), ("a", "title")}


@pytest.mark.parametrize("vector", VECTORS)
def test_no_vector_survives_quoting(vector):
    class Beitrag:
        author_name = "Erika Muster"
        body = vector

    html = render_markdown(zitat(Beitrag()))

    assert executable_markup(html) == []


def test_markdown_keeps_the_allowed_formatting():
    text = "### Ablauf\n\n*erst* **dann**\n\n- eins\n- zwei\n\n1. a\n\n> zitiert\n\n`code`\n\n#### Ende"

    html = render_markdown(text)

    assert html == (
        "<h3>Ablauf</h3>\n<p><em>erst</em> <strong>dann</strong></p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n"
        "<ol>\n<li>a</li>\n</ol>\n<blockquote>\n<p>zitiert</p>\n</blockquote>\n<p><code>code</code></p>\n<h4>Ende</h4>"
    )


def test_top_level_headings_become_h3_below_the_page_heading():
    assert render_markdown("# Titel\n\n## Unterpunkt") == "<h3>Titel</h3>\n<h3>Unterpunkt</h3>"


def test_links_keep_http_https_mailto_only_with_nofollow_noopener():
    text = "[a](https://example.org) [b](http://example.org) [c](mailto:info@example.org) [d](/intern) [e](ftp://x.org)"

    html = render_markdown(text)

    assert html == (
        '<p><a href="https://example.org" rel="nofollow noopener">a</a> '
        '<a href="http://example.org" rel="nofollow noopener">b</a> '
        '<a href="mailto:info@example.org" rel="nofollow noopener">c</a> d e</p>'
    )


def test_plain_urls_and_addresses_become_links():
    html = render_markdown("Siehe https://example.org/a?b=1 und schreiben Sie an info@example.org.")

    assert html == (
        '<p>Siehe <a href="https://example.org/a?b=1" rel="nofollow noopener">https://example.org/a?b=1</a> und '
        'schreiben Sie an <a href="mailto:info@example.org" rel="nofollow noopener">info@example.org</a>.</p>'
    )


def test_urls_in_code_stay_text():
    assert render_markdown("`https://example.org`") == "<p><code>https://example.org</code></p>"


def test_preview_is_plain_text_without_markup():
    html = render_markdown("**Wichtig:** <b>das</b> &amp; [mehr](https://example.org)")

    assert plain_text(html) == "Wichtig: das & mehr"
    assert vorschau(html, words=2) == "Wichtig: das …"


def test_quote_marks_every_line_and_names_the_author():
    class Beitrag:
        author_name = "Erika Muster"
        body = "Erste Zeile\n\nZweite Zeile"

    assert zitat(Beitrag()) == "> Erika Muster schrieb:\n>\n> Erste Zeile\n>\n> Zweite Zeile\n\n"


def test_checker_flags_raw_markup_that_would_run():
    raw = [
        "<script>x()</script>",
        "<img src=x onerror=x()>",
        '<a href=" JaVa script:x()">a</a>',
        "<svg></svg>",
        '<p style="x">a</p>',
        '<script src="/static/js/netzwerk.js"></script>',
    ]

    assert [bool(executable_markup(html)) for html in raw] == [True, True, True, True, True, False]
