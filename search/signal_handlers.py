"""Keep the index current: publish, unpublish, move, delete, view restrictions, Glossar edits."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import documents, glossar, index
from search.models import Begriff


def on_publish_or_unpublish(sender, instance, **kwargs):
    page = instance.specific
    if documents.registration_for(page) is not None:
        index.update_object(page)
    reindex_dependents(page, previous=_indexed_dependents(page))


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or documents.registration_for(instance) is not None:
        index.remove_object(instance)


def _indexed_dependents(page):
    """The dependents page had when it was last published (a Praxisbeispiel's former Handlungsfelder)."""
    revision = page.revisions.order_by("-created_at", "-id")[1:2].first() if isinstance(page, Page) else None
    if revision is None:
        return []
    try:
        return documents.dependents_of(revision.as_object())
    except Exception:  # a revision of an older page model that no longer loads
        return []


def reindex_dependents(obj, previous=()):
    """Index again the objects whose context names obj (a Handlungsfeld lists its Praxisbeispiele)."""
    seen = set()
    for other in [*documents.dependents_of(obj), *previous]:
        if (type(other), other.pk) not in seen and documents.registration_for(other) is not None:
            seen.add((type(other), other.pk))
            index.update_object(other)


def reindex_subtree(page):
    """A page and its descendants: their URLs or their visibility follow the tree."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        if documents.registration_for(descendant) is not None:
            index.update_object(descendant)


def on_move(sender, instance, **kwargs):
    reindex_subtree(instance)


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_subtree(page)


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="suche_page_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="suche_page_unpublished")
    post_page_move.connect(on_move, dispatch_uid="suche_page_moved")
    post_delete.connect(on_delete, dispatch_uid="suche_object_deleted")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="suche_restriction_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="suche_restriction_deleted")
    post_save.connect(glossar.invalidate, sender=Begriff, dispatch_uid="suche_begriff_saved")
    post_delete.connect(glossar.invalidate, sender=Begriff, dispatch_uid="suche_begriff_deleted")
