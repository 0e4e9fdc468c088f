"""Writing the index: one object at a time (signals, other apps) or everything (`search_rebuild`).

The SuchDokument table is the source of truth; the configured engine (Elasticsearch, when set up)
receives a copy of each change. A failing Elasticsearch never stops a publish: it is logged, and
the database engine, which is always current, answers searches meanwhile.
"""

import contextlib
import contextvars
import logging

from django.db import transaction

from search import documents, glossar, wordlist
from search.analysis import stem
from search.choices import Sichtbarkeit
from search.engines import configured_engine
from search.models import SuchDokument, SuchWort

logger = logging.getLogger("netzwerk.suche")


def _words(dokument, analyzer):
    return wordlist.words_of(analyzer, dokument.title, dokument.text, dokument.meta, dokument.kontext)


def _row_values(dokument, analyzer, known_stems, words):
    return {
        "typ": dokument.typ,
        "title": dokument.title[:255],
        "text": dokument.text,
        "url": dokument.url,
        "themenfelder": " ".join(dokument.themenfelder),
        "kommunen": " ".join(dokument.kommunen),
        "meta": dokument.meta,
        "sichtbarkeit": dokument.sichtbarkeit,
        "datum": dokument.datum,
        "title_terms": " ".join(analyzer.index_terms(dokument.title, known_stems)),
        # The context (names of related Praxisbeispiele or Handlungsfelder) adds each of its terms once:
        # it makes the document findable by them without outweighing the document's own text.
        "text_terms": " ".join(
            [
                *analyzer.index_terms(dokument.text, known_stems),
                *dict.fromkeys(analyzer.index_terms(dokument.kontext, known_stems)),
            ]
        ),
        "meta_terms": " ".join(analyzer.index_terms(dokument.meta, known_stems)),
        "woerter": " ".join(sorted(words)),
    }


def _vocabulary_of(row):
    if row is None:
        return {}
    public = row.sichtbarkeit == Sichtbarkeit.OEFFENTLICH
    return dict.fromkeys(row.woerter.split(), ("", public))


def write_document(dokument):
    """Insert or update the SuchDokument row for dokument and keep the vocabulary counts right.

    The text is analysed before the write transaction opens, so a long Diskussion holds SQLite's
    write lock only for the few statements that write. Its compounds are split with the stems of
    the index so far plus its own (a stem that only its previous version had counts one more time).
    """
    analyzer = glossar.analyzer()
    words = _words(dokument, analyzer)
    public = dokument.sichtbarkeit == Sichtbarkeit.OEFFENTLICH
    known = wordlist.all_stems() | wordlist.glossary_stems(analyzer) | {stem(w) for w in words}
    values = _row_values(dokument, analyzer, known, words)
    with transaction.atomic():
        # Locked, so that two writers of one document on PostgreSQL cannot both count its old words.
        old = SuchDokument.objects.select_for_update().filter(key=dokument.key).first()
        wordlist.apply_changes(_vocabulary_of(old), {w: (s, public) for w, s in words.items()})
        row, _ = SuchDokument.objects.update_or_create(key=dokument.key, defaults=values)
    return row


@transaction.atomic
def delete_document(key):
    old = SuchDokument.objects.filter(key=key).first()
    if old is None:
        return False
    wordlist.apply_changes(_vocabulary_of(old), {})
    old.delete()
    return True


def _known_stems_for(analyzer, text, words):
    """The stems decompounding text can use: looked up for its own words, not the whole vocabulary."""
    return wordlist.known_stems(analyzer, analyzer.document_candidates(text)) | {stem(w) for w in words}


def append_document_text(key, text, datum=None):
    """Add a new last part (a reply) to the document under key without analysing the rest again.

    A reply used to re-read and re-analyse its whole thread (O(posts in the thread) per reply); here
    only the reply's text is analysed, and the row is read and written in one short transaction, so
    concurrent replies to one thread do not overwrite each other. Returns the row, or None if there
    is no row yet (the caller indexes the whole object then).
    """
    analyzer = glossar.analyzer()
    words = wordlist.words_of(analyzer, text)
    known = _known_stems_for(analyzer, text, words)
    terms = " ".join(analyzer.index_terms(text, known))
    with transaction.atomic():
        row = SuchDokument.objects.select_for_update().filter(key=key).first()
        if row is None:
            return None
        old_words = set(row.woerter.split())
        new_words = {w: s for w, s in words.items() if w not in old_words}
        public = row.sichtbarkeit == Sichtbarkeit.OEFFENTLICH
        wordlist.apply_changes({}, {w: (s, public) for w, s in new_words.items()})
        row.text = "\n".join(filter(None, [row.text, text]))
        row.text_terms = " ".join(filter(None, [row.text_terms, terms]))
        row.woerter = " ".join(sorted(old_words | set(new_words)))
        row.datum = datum or row.datum
        row.save(update_fields=["text", "text_terms", "woerter", "datum", "geaendert_am"])
    return row


_batched = contextvars.ContextVar("search_batched", default=None)


@contextlib.contextmanager
def batched():
    """Collect the index updates of the block and write each object once when the block ends.

    Used around a write that touches an object several times: a new thread with its first post
    (diskussionen/beitraege.py, where the block also holds the transaction, so the index is written
    after the commit) and the bulk benchmark data (a thread with 500 posts is indexed once).
    """
    pending = {}
    token = _batched.set(pending)
    try:
        yield
    finally:
        _batched.reset(token)
    for obj, appended in pending.values():
        if appended is None:
            update_object(obj)
        else:
            append_text(obj, *appended)


def update_object(obj):
    """Index obj as it is now; an object that must not be found (draft, hidden) leaves the index."""
    pending = _batched.get()
    if pending is not None:
        pending[(type(obj), obj.pk)] = (obj, None)
        return None
    dokument = documents.document_for(obj)
    if dokument is None:
        remove_object(obj)
        return None
    row = write_document(dokument)
    _mirror("index_document", row)
    return row


def append_text(obj, text, datum=None):
    """obj got a new last part with text (a reply to a Diskussion): index only that part.

    Inside batched() it waits for the end of the block; a second change of the same object
    there indexes the whole object once instead.
    """
    pending = _batched.get()
    if pending is not None:
        known = (type(obj), obj.pk)
        pending[known] = (obj, None) if known in pending else (obj, (text, datum))
        return None
    text = text.strip()
    row = append_document_text(documents.key_for(obj), text, datum) if text else None
    if row is None:
        return update_object(obj)
    _mirror("index_document", row)
    return row


def remove_object(obj):
    pending = _batched.get()
    if pending is not None:
        pending.pop((type(obj), obj.pk), None)
    key = documents.key_for(obj)
    delete_document(key)
    _mirror("delete_document", key)


def _mirror(method, argument):
    engine = configured_engine()
    if not engine.mirrors_database:
        return
    try:
        getattr(engine, method)(argument)
    except engine.unavailable_errors as error:
        logger.warning("Elasticsearch nicht erreichbar, Änderung nur in der Datenbank: %s", error)


def collect_documents(progress=None):
    """Every Dokument of every registered type; progress(done, total) after each object."""
    objects = [obj for registration in documents.registrations() for obj in registration.queryset()]
    result = []
    for done, obj in enumerate(objects, 1):
        dokument = documents.document_for(obj)
        if dokument is not None:
            result.append(dokument)
        if progress:
            progress(done, len(objects))
    return result


@transaction.atomic
def rebuild(progress=None):
    """Replace the whole index; the dictionary is built from all documents first, so every split is equal."""
    analyzer = glossar.analyzer()
    dokumente = collect_documents(progress)
    vocabulary, stems = {}, set()
    words_per_document = []
    for dokument in dokumente:
        words = _words(dokument, analyzer)
        words_per_document.append(words)
        public = dokument.sichtbarkeit == Sichtbarkeit.OEFFENTLICH
        for wort, surface in words.items():
            entry = vocabulary.setdefault(wort, SuchWort(wort=wort, anzeige=surface[:100], stamm=stem(wort)))
            entry.anzahl_gesamt += 1
            entry.anzahl_oeffentlich += int(public)
            stems.add(entry.stamm)
    stems |= wordlist.glossary_stems(analyzer)
    SuchDokument.objects.all().delete()
    SuchWort.objects.all().delete()
    SuchWort.objects.bulk_create(vocabulary.values(), batch_size=wordlist.CHUNK)
    rows = [
        SuchDokument(key=d.key, **_row_values(d, analyzer, stems, words))
        for d, words in zip(dokumente, words_per_document, strict=True)
    ]
    SuchDokument.objects.bulk_create(rows, batch_size=200)
    engine = configured_engine()
    if engine.mirrors_database:
        engine.rebuild(SuchDokument.objects.order_by("pk"))
    return len(rows)
