"""The vocabulary of the index (SuchWort): decompounding dictionary, typo corrections, suggestions."""

from collections import Counter

from django.db.models.functions import Length

from search.analysis import MIN_PART, stem
from search.models import SuchWort

CHUNK = 500
MIN_FUZZY_LENGTH = 5
MAX_DISTANCE = 2
MAX_FUZZY_WORDS = 5
PHONETIC_LENGTH = 3


def words_of(analyzer, *texts):
    """Folded word → surface form of every token in texts."""
    words = {}
    for text in texts:
        for token in analyzer.tokens(text):
            words.setdefault(token.folded, token.surface)
    return words


def all_stems():
    return set(SuchWort.objects.values_list("stamm", flat=True))


def glossary_stems(analyzer):
    return {token.term for entry in analyzer.glossar for token in analyzer.tokens(entry.langform)}


def known_stems(analyzer, candidates):
    """Those candidate words whose stem is a word of the index or of the glossary, as stems."""
    stems = {stem(c) for c in candidates}
    if not stems:
        return set()
    found = glossary_stems(analyzer) & stems
    stems = sorted(stems)
    for i in range(0, len(stems), CHUNK):
        found |= set(SuchWort.objects.filter(stamm__in=stems[i : i + CHUNK]).values_list("stamm", flat=True))
    return found


def apply_changes(old, new):
    """Adjust document counts; old and new map folded word → (surface, public) for one document."""
    delta = Counter()
    for sign, words in ((-1, old), (1, new)):
        for wort, (_surface, public) in words.items():
            delta[(wort, "gesamt")] += sign
            delta[(wort, "oeffentlich")] += sign * int(public)
    changed = {wort for (wort, _), value in delta.items() if value}
    if not changed:
        return
    existing = {}
    changed_list = sorted(changed)
    for i in range(0, len(changed_list), CHUNK):
        existing.update({w.wort: w for w in SuchWort.objects.filter(wort__in=changed_list[i : i + CHUNK])})
    create, update, remove = [], [], []
    for wort in changed_list:
        row = existing.get(wort) or SuchWort(wort=wort, anzeige=new.get(wort, ("",))[0][:100], stamm=stem(wort))
        row.anzahl_gesamt = max(0, row.anzahl_gesamt + delta[(wort, "gesamt")])
        row.anzahl_oeffentlich = max(0, row.anzahl_oeffentlich + delta[(wort, "oeffentlich")])
        if row.pk is None:
            if row.anzahl_gesamt:
                create.append(row)
        elif row.anzahl_gesamt:
            update.append(row)
        else:
            remove.append(row.pk)
    SuchWort.objects.bulk_create(create, batch_size=CHUNK)
    SuchWort.objects.bulk_update(update, ["anzahl_gesamt", "anzahl_oeffentlich"], batch_size=CHUNK)
    SuchWort.objects.filter(pk__in=remove).delete()


def edit_distance(a, b, limit=MAX_DISTANCE):
    """Levenshtein distance, or limit + 1 as soon as it must exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


_PHONETIC = {
    **dict.fromkeys("aeijouy", "0"),
    "b": "1",
    "f": "3",
    "v": "3",
    "w": "3",
    **dict.fromkeys("gkq", "4"),
    "l": "5",
    "m": "6",
    "n": "6",
    "r": "7",
    **dict.fromkeys("sz", "8"),
}


def koelner_phonetik(folded):
    """The Kölner Phonetik code of a folded word: words that sound alike ("jobfux", "jobfuchs") share it."""
    codes = []
    for i, char in enumerate(folded):
        before, after = folded[i - 1] if i else "", folded[i + 1] if i + 1 < len(folded) else ""
        if char in _PHONETIC:
            code = _PHONETIC[char]
        elif char == "h":
            code = ""
        elif char == "p":
            code = "3" if after == "h" else "1"
        elif char in "dt":
            code = "8" if after in "csz" else "2"
        elif char == "x":
            code = "8" if before in "ckq" else "48"
        elif char == "c":
            if i == 0:
                code = "4" if after in "ahkloqrux" else "8"
            else:
                code = "8" if before in "sz" or after not in "ahkoqux" else "4"
        else:
            code = char  # digits and letters of other alphabets stand for themselves
        codes.append(code)
    collapsed = []
    for code in "".join(codes):
        if not collapsed or collapsed[-1] != code:
            collapsed.append(code)
    if not collapsed:
        return ""
    return collapsed[0] + "".join(c for c in collapsed[1:] if c != "0")


def corrections(words, mitglied):
    """Folded query word → the closest indexed word (SuchWort) the user may see, for unknown words only.

    Candidates share the first letter and lie within MAX_DISTANCE edits, or, failing that, sound
    alike (Kölner Phonetik: "Jobfuchs" → "Jobfux") within PHONETIC_LENGTH letters; words only in
    members-only documents are never offered to anonymous visitors.
    """
    words = [w for w in dict.fromkeys(words) if MIN_FUZZY_LENGTH <= len(w) <= 100][:MAX_FUZZY_WORDS]
    if not words:
        return {}
    visible = (
        SuchWort.objects.filter(anzahl_gesamt__gt=0) if mitglied else SuchWort.objects.filter(anzahl_oeffentlich__gt=0)
    )
    stems = {wort: stem(wort) for wort in words}
    known = set(visible.filter(stamm__in=stems.values()).values_list("stamm", flat=True))
    result = {}
    for wort in words:
        if stems[wort] in known:
            continue
        lengths = (max(MIN_PART, len(wort) - PHONETIC_LENGTH), len(wort) + PHONETIC_LENGTH)
        candidates = visible.annotate(laenge=Length("wort")).filter(wort__startswith=wort[0], laenge__range=lengths)
        code = koelner_phonetik(wort)
        best = None
        for row in candidates.only("wort", "anzeige", "stamm", "anzahl_gesamt", "anzahl_oeffentlich"):
            distance = edit_distance(wort, row.wort)
            if distance > MAX_DISTANCE:
                # Sounding alike counts as one edit more than the widest spelling correction.
                distance = MAX_DISTANCE + 1 if koelner_phonetik(row.wort) == code else None
            count = row.anzahl_gesamt if mitglied else row.anzahl_oeffentlich
            if distance is not None and (best is None or (distance, -count) < best[0]):
                best = ((distance, -count), row)
        if best:
            result[wort] = best[1]
    return result
