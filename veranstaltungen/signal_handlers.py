"""Keeps internal Veranstaltungen behind a view restriction and the feeds' Last-Modified honest."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished

from konto.roles import MEMBER_GROUPS
from veranstaltungen.feeds import note_removal
from veranstaltungen.models import VeranstaltungPage


def sync_view_restriction(page):
    """Internal events get a restriction to the member groups, so that Wagtail's own `public()`
    filter keeps them out of the API, search and every other public listing; public ones lose it.
    """
    existing = PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.GROUPS)
    if not page.is_members_only:
        existing.delete()
        return
    if existing.exists():
        return
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=MEMBER_GROUPS))


def on_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or "sichtbarkeit" in update_fields:
        sync_view_restriction(instance)


def on_removed(sender, instance, **kwargs):
    if isinstance(instance, VeranstaltungPage) or getattr(instance, "specific_class", None) is VeranstaltungPage:
        note_removal()


def connect():
    post_save.connect(on_saved, sender=VeranstaltungPage, dispatch_uid="veranstaltungen_sichtbarkeit")
    post_delete.connect(on_removed, sender=VeranstaltungPage, dispatch_uid="veranstaltungen_entfernt")
    page_unpublished.connect(on_removed, dispatch_uid="veranstaltungen_unveroeffentlicht")
