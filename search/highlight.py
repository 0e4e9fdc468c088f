"""Snippets with <mark>: the text is escaped first, then matches are wrapped; nothing else is HTML."""

import re
from bisect import bisect_left, bisect_right

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import canonical_abbreviation, clean, fold, stem

WINDOW = 30
_WORD = re.compile(r"[^\W_]+")


def query_terms(gruppen):
    return {term for gruppe in gruppen for alternative in gruppe.alternativen for term in alternative}


def _matches(text, terms, analyzer):
    """Spans (start, end) of words in text whose stem, or whose glossary abbreviation, is a query term."""
    spans = []
    lowered = text.lower()
    if analyzer is not None and analyzer._pattern is not None and len(lowered) == len(text):
        for match in analyzer._pattern.finditer(lowered):
            if (
                canonical_abbreviation(match.group(0).rstrip("s")) in terms
                or canonical_abbreviation(match.group(0)) in terms
            ):
                spans.append((match.start(), match.end()))
    parts = [t for t in terms if len(t) >= 5]
    abbreviations = sorted(spans)
    abbreviation_starts = [start for start, _ in abbreviations]
    for match in _WORD.finditer(text):
        folded = fold(match.group(0))
        matches = stem(folded) in terms or any(part in folded for part in parts)
        if matches and not _inside(abbreviations, abbreviation_starts, match.start()):
            spans.append((match.start(), match.end()))
    return sorted(spans)


def _inside(spans, starts, position):
    """Whether position lies in one of the sorted, non-overlapping spans (starts: their start offsets)."""
    i = bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i][1]


def snippet(text, terms, analyzer=None, window=WINDOW):
    """About `window` words of text around the densest cluster of matches, as safe HTML."""
    text = " ".join(clean(text).split())
    words = list(_WORD.finditer(text))
    if not words:
        return mark_safe("")  # noqa: S308 - an empty string
    spans = _matches(text, terms, analyzer)
    starts = [w.start() for w in words]
    first = 0
    if spans:
        # Matches in the window of `window` words from word i: counted by bisection, so a long text with many
        # matches costs words × log(matches), not words × matches.
        span_starts = [start for start, _ in spans]
        hits = [
            bisect_left(span_starts, starts[i + window] if i + window < len(starts) else len(text) + 1)
            - bisect_left(span_starts, starts[i])
            for i in range(len(words))
        ]
        best = max(range(len(words)), key=lambda i: (hits[i], -i))
        # Start a little before the densest window's first match, so that it reads in context and the matches
        # after it stay inside the window (the earliest such window would end right at its first match).
        first_match = bisect_left(starts, span_starts[bisect_left(span_starts, starts[best])])
        first = max(0, min(first_match - 3, len(words) - window))
    last = min(len(words), first + window)
    begin = words[first].start() if first else 0
    end = words[last - 1].end() if last < len(words) else len(text)
    html, position = [], begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        html.append(escape(text[position:start]))
        html.append(f"<mark>{escape(text[start:stop])}</mark>")
        position = stop
    html.append(escape(text[position:end]))
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(words) else ""
    return mark_safe(prefix + "".join(html) + suffix)  # noqa: S308 - every piece of text is escaped above
