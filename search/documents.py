"""Registry of indexable types: each turns an object into a Dokument, or None when it must not be found.

Other apps hook in with::

    from search import documents

    documents.register(VeranstaltungPage, veranstaltung_to_document)

and call ``search.index.update_object(obj)`` / ``remove_object(obj)`` when an object changes outside
Wagtail's publishing signals (forum posts, for example). See docs/search.md.
"""

from dataclasses import dataclass, field
from datetime import date

from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from konto.roles import MEMBER_GROUPS
from search import pdftext
from search.choices import DokumentTyp, Sichtbarkeit


@dataclass
class Dokument:
    """What the index stores about one object; never put members-only fields into a public Dokument."""

    key: str
    typ: str
    title: str
    text: str
    url: str
    themenfelder: list = field(default_factory=list)
    kommunen: list = field(default_factory=list)
    meta: str = ""
    sichtbarkeit: str = Sichtbarkeit.OEFFENTLICH
    datum: date | None = None
    # Names and summaries of related items (add_context): searched like the text, never shown in snippets.
    kontext: str = ""


@dataclass(frozen=True)
class Registrierung:
    model: type
    to_document: object
    queryset: object


_REGISTRY = {}
# model → callables: obj → lines of context (names, summaries of related items), indexed with the text.
_CONTEXT = {}
# model → callables: obj → objects whose context names obj and must be indexed again when obj changes.
_DEPENDENTS = {}


def register(model, to_document, queryset=None):
    """Make model searchable; queryset (a callable) lists the objects `search_rebuild` indexes."""
    _REGISTRY[model] = Registrierung(model, to_document, queryset or _default_queryset(model))


def _default_queryset(model):
    if issubclass(model, Page):
        return lambda: model.objects.live().order_by("path")
    return lambda: model._default_manager.order_by("pk")


def add_context(model, context):
    """Index model's objects with context(obj), lines of text about related items, like their text.

    Used both ways between Handlungsfelder and Praxisbeispiele (praxisbeispiele/search_documents.py),
    so that a query naming one also finds the other. Register the reverse with add_dependents.
    """
    _CONTEXT.setdefault(model, []).append(context)


def add_dependents(model, dependents):
    """When an object of model changes, dependents(obj) are indexed again (their context names obj)."""
    _DEPENDENTS.setdefault(model, []).append(dependents)


def _for_type(table, obj):
    return [function for klass in type(obj).__mro__ for function in table.get(klass, ())]


def context_for(obj):
    """The context lines registered for obj's type, one text."""
    return "\n".join(line for function in _for_type(_CONTEXT, obj) for line in function(obj) if line)


def dependents_of(obj):
    return [other for function in _for_type(_DEPENDENTS, obj) for other in function(obj)]


def with_context(obj, dokument):
    """dokument with obj's context; None stays None."""
    if dokument is not None:
        dokument.kontext = context_for(obj)
    return dokument


def registrations():
    return list(_REGISTRY.values())


def registration_for(obj):
    for klass in type(obj).__mro__:
        if klass in _REGISTRY:
            return _REGISTRY[klass]
    return None


def key_for(obj):
    if isinstance(obj, Page):
        return f"page:{obj.pk}"
    return f"{obj._meta.label_lower}:{obj.pk}"


def document_for(obj):
    """The Dokument for obj, or None if obj is not registered or must not be in the index now."""
    registration = registration_for(obj)
    return with_context(obj, registration.to_document(obj)) if registration else None


# -- helpers for page types ------------------------------------------------------


class Html(str):
    """Marks the HTML of a RichTextField for plain_text; other strings are plain text already."""


def plain_text(*parts):
    """StreamFields, Html and plain strings as one plain text, paragraphs kept apart."""
    texts = []
    for part in parts:
        if not part:
            continue
        if hasattr(part, "stream_block"):
            texts.extend(get_text_for_indexing(str(t)) for t in part.stream_block.get_searchable_content(part))
        elif isinstance(part, Html):
            texts.append(get_text_for_indexing(part))
        else:
            texts.append(str(part))
    return "\n".join(t.strip() for t in texts if t and t.strip())


def page_basics(page, typ):
    """Key, type, title, URL, visibility and date of a live page; None for a draft."""
    if not page.live or page.expired:
        return None
    restricted = page.get_view_restrictions().exists()
    published = page.last_published_at or page.first_published_at
    return {
        "key": key_for(page),
        "typ": typ,
        "title": page.title,
        "url": page.get_url() or page.url_path,
        "sichtbarkeit": Sichtbarkeit.MITGLIEDER if restricted else Sichtbarkeit.OEFFENTLICH,
        "datum": published.date() if published else None,
    }


def handlungsfeld_document(page):
    basics = page_basics(page, DokumentTyp.HANDLUNGSFELD)
    if basics is None:
        return None
    organisationen = list(page.organisationen.all())
    meta = [page.themenfeld.title, *(o.name for o in organisationen), *(o.short_name for o in organisationen)]
    return Dokument(
        **basics,
        text=plain_text(Html(page.situation), page.zusammenwirken, Html(page.vereinbarung)),
        themenfelder=[page.themenfeld.slug],
        meta="\n".join(m for m in meta if m),
    )


def themenfeld_document(page):
    basics = page_basics(page, DokumentTyp.THEMENFELD)
    if basics is None:
        return None
    return Dokument(
        **basics,
        text=plain_text(Html(page.intro), page.themenfeld.description, page.body),
        themenfelder=[page.themenfeld.slug],
    )


def seite_document(page):
    """InhaltsPage and the pages of the Kooperationsstrategie: intro plus body or numbered points."""
    basics = page_basics(page, DokumentTyp.SEITE)
    if basics is None:
        return None
    body = getattr(page, "body", None) or getattr(page, "punkte", None)
    return Dokument(**basics, text=plain_text(Html(page.intro), body))


def register_pages():
    """The core's pages; Praxisbeispiele, Veranstaltungen and Diskussionen register their own."""
    from netzwerk_site.models import (
        HandlungsfeldPage,
        InhaltsPage,
        KooperationsstrategiePage,
        StrategieabschnittPage,
        ThemenfeldPage,
    )

    register(HandlungsfeldPage, handlungsfeld_document)
    register(ThemenfeldPage, themenfeld_document)
    register(InhaltsPage, seite_document)
    register(KooperationsstrategiePage, seite_document)
    register(StrategieabschnittPage, seite_document)


# -- PDF attachments ---------------------------------------------------------------


def attachment_text(name, text):
    """One attachment's text as part of a Dokument's text; the name leads, so a short hit's snippet shows it."""
    return f"Anhang „{name}“: {text}" if text else ""


def pdf_attachment(name, file, digest=None):
    """The text of an attached PDF under its name, for the text of the page or post it belongs to."""
    return attachment_text(name, pdftext.text_of(file, digest=digest))


def document_attachments(sichtbarkeit, *streams):
    """The texts of the PDFs in the "dokument" blocks of StreamFields, each document once, under its link text.

    A document whose collection hides it from the readers of the page (submissions in review, which only
    the Redaktion opens) adds nothing: the index must not show members or visitors what they cannot open.
    """
    texts, seen = [], set()
    for block in (block for stream in streams for block in stream or ()):
        document = block.value.get("document") if block.block_type == "dokument" else None
        if document is None or document.pk in seen or document.file_extension.lower() != "pdf":
            continue
        seen.add(document.pk)
        if _readable_by(document.collection, sichtbarkeit):
            name = block.value.get("title") or document.title
            texts.append(pdf_attachment(name, document.file, digest=document.file_hash or None))
    return texts


def _readable_by(collection, sichtbarkeit):
    """True if everyone who finds a Dokument of this visibility may open the collection's documents."""
    restrictions = collection.get_view_restrictions()
    if not restrictions:
        return True
    if sichtbarkeit != Sichtbarkeit.MITGLIEDER:
        return False
    return all(_admits_members(restriction) for restriction in restrictions)


def _admits_members(restriction):
    if restriction.restriction_type == restriction.LOGIN:
        return True
    if restriction.restriction_type != restriction.GROUPS:
        return False
    return set(restriction.groups.values_list("name", flat=True)) >= MEMBER_GROUPS
