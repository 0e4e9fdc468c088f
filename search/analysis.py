"""German text analysis for the search index: one chain for documents and queries alike.

Chain: Unicode NFKC, lower case, umlaut and ß folding (ä→ae, ö→oe, ü→ue, ß→ss), tokens with the
glossary's abbreviations kept whole ("BVJ-S", "ESF+", "SGB II", "FGM/C"), German stopwords,
Snowball German stems, dictionary decompounding ("sprachmittlungspool" → "sprachmittlung" +
"pool") and, for queries, glossary synonyms (abbreviation ↔ long form ↔ synonyms).

Every term this module emits consists of Unicode letters and digits only, so that a term can be
quoted safely in an FTS5 MATCH expression or a PostgreSQL tsquery.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MIN_PART = 4
MIN_COMPOUND = 8
# The longest compounds of the seed have about 35 letters; longer words are looked up whole, never split.
MAX_COMPOUND = 40
# No German word is longer (the longest in the Duden have about 45 letters, legal ones about 65): a longer
# "word" is a pasted hash, a URL or an attack, and is neither indexed nor searched for.
MAX_WORD = 80
MAX_QUERY_CHARS = 500
MAX_QUERY_GROUPS = 12
# Dictionary words one query or one document may ask about while decompounding (a 40-letter word has 630).
MAX_QUERY_CANDIDATES = 5_000
MAX_DOCUMENT_CANDIDATES = 50_000

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Fugenelemente tried between the parts of a compound (Duden: Fugen-s, -es, -n, -en).
_FUGEN = ("", "s", "es", "n", "en")

# Folded German stopwords (function words only; nouns never go here).
STOPWORDS = frozenset(
    [
        "aber",
        "alle",
        "allem",
        "allen",
        "aller",
        "alles",
        "als",
        "also",
        "am",
        "an",
        "ander",
        "andere",
        "anderem",
        "anderen",
        "anderer",
        "anderes",
        "auch",
        "auf",
        "aus",
        "bei",
        "beim",
        "bin",
        "bis",
        "bist",
        "da",
        "damit",
        "dann",
        "das",
        "dass",
        "dasselbe",
        "dein",
        "deine",
        "deinem",
        "deinen",
        "deiner",
        "dem",
        "den",
        "denn",
        "der",
        "deren",
        "des",
        "desselben",
        "dessen",
        "dich",
        "die",
        "dies",
        "diese",
        "dieselbe",
        "dieselben",
        "diesem",
        "diesen",
        "dieser",
        "dieses",
        "dir",
        "doch",
        "dort",
        "du",
        "durch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "einige",
        "einigem",
        "einigen",
        "einiger",
        "einiges",
        "einmal",
        "er",
        "es",
        "etwas",
        "euch",
        "euer",
        "eure",
        "eurem",
        "euren",
        "eurer",
        "fuer",
        "gegen",
        "gewesen",
        "hab",
        "habe",
        "haben",
        "hat",
        "hatte",
        "hatten",
        "hier",
        "hin",
        "hinter",
        "ich",
        "ihm",
        "ihn",
        "ihnen",
        "ihr",
        "ihre",
        "ihrem",
        "ihren",
        "ihrer",
        "ihres",
        "im",
        "in",
        "indem",
        "ins",
        "ist",
        "jede",
        "jedem",
        "jeden",
        "jeder",
        "jedes",
        "jene",
        "jenem",
        "jenen",
        "jener",
        "jenes",
        "jetzt",
        "kann",
        "kein",
        "keine",
        "keinem",
        "keinen",
        "keiner",
        "keines",
        "koennen",
        "koennte",
        "machen",
        "man",
        "manche",
        "manchem",
        "manchen",
        "mancher",
        "manches",
        "mein",
        "meine",
        "meinem",
        "meinen",
        "meiner",
        "mich",
        "mir",
        "mit",
        "muss",
        "musste",
        "nach",
        "nicht",
        "nichts",
        "noch",
        "nun",
        "nur",
        "ob",
        "oder",
        "ohne",
        "sehr",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "seiner",
        "seines",
        "selbst",
        "sich",
        "sie",
        "sind",
        "so",
        "solche",
        "solchem",
        "solchen",
        "solcher",
        "solches",
        "soll",
        "sollte",
        "sondern",
        "sonst",
        "ueber",
        "um",
        "und",
        "uns",
        "unser",
        "unsere",
        "unserem",
        "unseren",
        "unserer",
        "unter",
        "viel",
        "vom",
        "von",
        "vor",
        "waehrend",
        "war",
        "waren",
        "warst",
        "was",
        "weg",
        "weil",
        "weiter",
        "welche",
        "welchem",
        "welchen",
        "welcher",
        "welches",
        "wenn",
        "werde",
        "werden",
        "wie",
        "wieder",
        "will",
        "wir",
        "wird",
        "wirst",
        "wo",
        "wollen",
        "wollte",
        "wuerde",
        "wuerden",
        "zu",
        "zum",
        "zur",
        "zwar",
        "zwischen",
        "bzw",
        "ca",
        "ggf",
        "ggfs",
        "sowie",
        "usw",
    ]
)


@dataclass(frozen=True)
class Token:
    surface: str  # lower-cased word as written, umlauts kept: what a suggestion shows
    folded: str  # umlauts folded, diacritics removed: the dictionary form
    term: str  # the index term: a stem, or the canonical form of a glossary abbreviation
    protected: bool = False  # glossary abbreviations are neither stemmed nor decompounded


@dataclass(frozen=True)
class Gruppe:
    """One concept of a query: any alternative matches; an alternative needs all its terms."""

    alternativen: tuple
    woerter: tuple  # folded query words the group came from, for "Meinten Sie …"


@dataclass(frozen=True)
class GlossarEintrag:
    abkuerzung: str
    langform: str
    synonyme: tuple = ()


def clean(text):
    """NFKC and no control characters; the first step for every text, also the raw query."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFKC", text or ""))


def fold(word):
    """Lower case, umlauts and ß folded, remaining diacritics removed: "Geflüchtete" → "gefluechtete"."""
    folded = word.lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def canonical_abbreviation(abkuerzung):
    """The single index term of an abbreviation: "ESF+" → "esfplus", "SGB II" → "sgbii"."""
    return "".join(_WORD.findall(fold(abkuerzung.replace("+", " plus "))))


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("german")


@lru_cache(maxsize=50_000)
def stem(folded):
    return _stemmer().stemWord(folded)


@lru_cache(maxsize=64)
def _abbreviation_pattern(abkuerzungen):
    """One regex over lower-cased text that finds every glossary abbreviation, longest first."""
    parts = []
    # Group a<n> is the n-th abbreviation as given; longer ones are tried first.
    for number, abkuerzung in sorted(enumerate(abkuerzungen), key=lambda item: -len(item[1])):
        body = r"\s+".join(re.escape(piece) for piece in abkuerzung.lower().split())
        # A plural "s" ("Kitas", "NGOs") belongs to the abbreviation when it ends in a letter.
        plural = "s?" if abkuerzung[-1:].isalnum() else ""
        parts.append(f"(?P<a{number}>{body}{plural})")
    if not parts:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])")


def _without_fugen_s(head, known_stems):
    """ "sprachmittlungs" → "sprachmittlung": the Fugen-s belongs between the parts, not to the head."""
    if head.endswith("s") and len(head) > MIN_PART and stem(head[:-1]) in known_stems:
        return head[:-1]
    return head


class Analyzer:
    """The German analysis chain, configured with the glossary."""

    def __init__(self, glossar=()):
        self.glossar = tuple(glossar)
        self._canonical = tuple(canonical_abbreviation(e.abkuerzung) for e in self.glossar)
        self._pattern = _abbreviation_pattern(tuple(e.abkuerzung for e in self.glossar))
        self._synonyms = None

    # -- tokens ------------------------------------------------------------
    def tokens(self, text, *, for_index=False):
        """Tokens without stopwords; an abbreviation in a document also yields its pieces ("ESF+" → "esf")."""
        lowered = clean(text).lower()
        tokens, position = [], 0
        for match in self._pattern.finditer(lowered) if self._pattern else ():
            tokens.extend(self._plain_tokens(lowered[position : match.start()]))
            index = int(match.lastgroup[1:])
            canonical = self._canonical[index]
            tokens.append(Token(match.group(0), canonical, canonical, protected=True))
            if for_index:
                pieces = [t for t in self._plain_tokens(match.group(0)) if t.term != canonical]
                tokens.extend(pieces)
            position = match.end()
        tokens.extend(self._plain_tokens(lowered[position:]))
        return tokens

    def _plain_tokens(self, lowered):
        result = []
        for surface in _WORD.findall(lowered):
            if len(surface) > MAX_WORD:
                continue
            folded = fold(surface)
            if len(folded) < 2 or len(folded) > MAX_WORD or folded in STOPWORDS:
                continue
            result.append(Token(surface, folded, stem(folded)))
        return result

    # -- decompounding -------------------------------------------------------
    @staticmethod
    def compound_candidates(folded):
        """Every substring a split of this word could ask the dictionary about; none for an over-long word."""
        if not MIN_COMPOUND <= len(folded) <= MAX_COMPOUND:
            return set()
        return {
            folded[i:j]
            for i in range(len(folded))
            for j in range(i + MIN_PART, len(folded) + 1)
            if (i, j) != (0, len(folded))
        }

    @staticmethod
    def split_compound(folded, known_stems, depth=0):
        """Split a folded word into dictionary words, longest head first, with Fugen-s/-es/-n; [] if none."""
        if not MIN_COMPOUND <= len(folded) <= MAX_COMPOUND or depth > 3:
            return []
        for i in range(len(folded) - MIN_PART, MIN_PART - 1, -1):
            head, rest = folded[:i], folded[i:]
            if stem(head) not in known_stems:
                continue
            for fuge in _FUGEN:
                tail = rest[len(fuge) :]
                if not rest.startswith(fuge) or len(tail) < MIN_PART:
                    continue
                if stem(tail) in known_stems:
                    return [_without_fugen_s(head, known_stems), tail]
                deeper = Analyzer.split_compound(tail, known_stems, depth + 1)
                if deeper:
                    return [_without_fugen_s(head, known_stems), *deeper]
        return []

    @classmethod
    def compound_parts(cls, folded, known_stems):
        """The stems of a compound's parts, the parts of those parts included."""
        parts = []
        for part in cls.split_compound(folded, known_stems):
            parts.append(stem(part))
            parts.extend(cls.compound_parts(part, known_stems))
        return [p for p in dict.fromkeys(parts) if p != stem(folded)]

    # -- documents -------------------------------------------------------------
    def index_terms(self, text, known_stems):
        """The terms of a document field: each stem followed by the stems of its compound parts."""
        terms, parts_of = [], {}
        for token in self.tokens(text, for_index=True):
            terms.append(token.term)
            if not token.protected:
                # A long post repeats its words: each is split once.
                if token.folded not in parts_of:
                    parts_of[token.folded] = self.compound_parts(token.folded, known_stems)
                terms.extend(parts_of[token.folded])
        return terms

    def document_candidates(self, text):
        """Every dictionary word that decompounding a document could need, at most MAX_DOCUMENT_CANDIDATES."""
        return self._bounded_candidates(self.tokens(text, for_index=True), MAX_DOCUMENT_CANDIDATES)

    def _bounded_candidates(self, tokens, limit):
        candidates = set()
        for folded in dict.fromkeys(t.folded for t in tokens if not t.protected):
            more = self.compound_candidates(folded)
            if len(candidates) + len(more) > limit:
                break
            candidates |= more
        return candidates

    # -- queries -----------------------------------------------------------------
    def synonym_variants(self):
        """Per glossary entry: its abbreviation, long form and synonyms as tuples of terms."""
        if self._synonyms is None:
            self._synonyms = []
            for entry, canonical in zip(self.glossar, self._canonical, strict=True):
                variants = [(canonical,)]
                for text in (entry.langform, *entry.synonyme):
                    terms = tuple(t.term for t in self.tokens(text))
                    if terms and terms not in variants:
                        variants.append(terms)
                self._synonyms.append(tuple(variants))
        return self._synonyms

    def query_groups(self, query, known_stems):
        """The query as AND-connected groups; a glossary term becomes one group of all its variants."""
        tokens = self.tokens(clean(query)[:MAX_QUERY_CHARS])
        terms = [t.term for t in tokens]
        groups, i = [], 0
        while i < len(tokens) and len(groups) < MAX_QUERY_GROUPS:
            variants, length = self._synonym_at(terms, i)
            words = tuple(t.folded for t in tokens[i : i + length])
            if variants:
                groups.append(Gruppe(variants, words))
            else:
                token = tokens[i]
                alternatives = [(token.term,)]
                parts = [] if token.protected else self.compound_parts(token.folded, known_stems)
                if parts:
                    alternatives.append(tuple(parts))
                groups.append(Gruppe(tuple(alternatives), words))
            i += length
        return groups

    def _synonym_at(self, terms, i):
        best, best_length = None, 1
        for variants in self.synonym_variants():
            for variant in variants:
                if len(variant) >= best_length and tuple(terms[i : i + len(variant)]) == variant:
                    best, best_length = variants, len(variant)
        return best, best_length

    def query_candidates(self, query):
        """Every dictionary word that decompounding this query could need, at most MAX_QUERY_CANDIDATES."""
        return self._bounded_candidates(self.tokens(clean(query)[:MAX_QUERY_CHARS]), MAX_QUERY_CANDIDATES)


def too_long_words(text):
    """The words of text longer than MAX_WORD letters, as typed; a search for them is refused."""
    return [word for word in _WORD.findall(clean(text)) if len(word) > MAX_WORD]
