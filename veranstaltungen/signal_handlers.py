"""Keeps internal Veranstaltungen behind a view restriction, the feeds' Last-Modified honest and the
stored occurrences (occurrences.py) in step with dates and Ausnahmen."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save, pre_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from konto.roles import MEMBER_GROUPS
from veranstaltungen import anmeldung, occurrences
from veranstaltungen.choices import Sichtbarkeit, Status
from veranstaltungen.feeds import note_removal
from veranstaltungen.models import Ausnahme, VeranstaltungPage

# What registered members must hear of when an editor publishes a change: when and where, and the status.
AENDERUNG_FIELDS = ("start_date", "start_time", "end_date", "end_time", "ort", "status")
# Fields the occurrences depend on; saves of other fields (revisions, locks) leave them alone.
TERMIN_FIELDS = {"start_date", "start_time", "end_date", "end_time", "wiederholung", "wiederholung_bis"}


def sync_view_restriction(page):
    """Internal events get a restriction to the member groups, so that Wagtail's own `public()`
    filter keeps them out of the API, search and every other public listing; public ones lose it.
    """
    existing = PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.GROUPS)
    if not page.is_members_only:
        existing.delete()
        return
    restriction = existing.first() or PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    # Repaired on every save: a restriction made before the member groups existed admitted nobody.
    groups = list(Group.objects.filter(name__in=MEMBER_GROUPS))
    if set(restriction.groups.all()) != set(groups):
        restriction.groups.set(groups)


def on_group_saved(sender, instance, created, raw=False, **kwargs):
    """A member group created after internal Veranstaltungen (a fresh site's seed) is let into all of them."""
    if created and not raw and instance.name in MEMBER_GROUPS:
        for restriction in PageViewRestriction.objects.filter(
            page__in=VeranstaltungPage.objects.exclude(sichtbarkeit=Sichtbarkeit.OEFFENTLICH),
            restriction_type=PageViewRestriction.GROUPS,
        ):
            restriction.groups.add(instance)


def on_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or "sichtbarkeit" in update_fields:
        sync_view_restriction(instance)


def on_dates_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not TERMIN_FIELDS & set(update_fields)):
        return
    occurrences.aktualisieren(instance.pk)


def on_ausnahme_changed(sender, instance, raw=False, **kwargs):
    # Wagtail saves a page's Ausnahmen after the page itself, so the page's handler saw the old ones.
    if not raw:
        occurrences.aktualisieren(instance.veranstaltung_id)


def remember_live_state(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save that may publish new content, keep the live row's date, place and status on the instance."""
    if raw or instance.pk is None or update_fields is not None:
        return
    instance._live_vorher = (
        VeranstaltungPage.objects.filter(pk=instance.pk, live=True).values(*AENDERUNG_FIELDS).first()
    )


def is_moved_or_cancelled(vorher, page):
    """True if page now starts, ends or takes place elsewhere, or its status just became verschoben or abgesagt."""
    if vorher is None:
        return False
    if any(vorher[name] != getattr(page, name) for name in AENDERUNG_FIELDS if name != "status"):
        return True
    return page.status != vorher["status"] and page.status in (Status.VERSCHOBEN, Status.ABGESAGT)


def on_published(sender, instance, **kwargs):
    vorher = instance.__dict__.pop("_live_vorher", None)
    if is_moved_or_cancelled(vorher, instance):
        anmeldung.benachrichtige_geaendert(instance)


def on_removed(sender, instance, **kwargs):
    if isinstance(instance, VeranstaltungPage) or getattr(instance, "specific_class", None) is VeranstaltungPage:
        note_removal()


def connect():
    post_save.connect(on_saved, sender=VeranstaltungPage, dispatch_uid="veranstaltungen_sichtbarkeit")
    post_save.connect(on_group_saved, sender=Group, dispatch_uid="veranstaltungen_mitgliedergruppe")
    post_save.connect(on_dates_saved, sender=VeranstaltungPage, dispatch_uid="veranstaltungen_termine")
    post_save.connect(on_ausnahme_changed, sender=Ausnahme, dispatch_uid="veranstaltungen_ausnahme_gespeichert")
    post_delete.connect(on_ausnahme_changed, sender=Ausnahme, dispatch_uid="veranstaltungen_ausnahme_entfernt")
    post_delete.connect(on_removed, sender=VeranstaltungPage, dispatch_uid="veranstaltungen_entfernt")
    page_unpublished.connect(on_removed, dispatch_uid="veranstaltungen_unveroeffentlicht")
    pre_save.connect(remember_live_state, sender=VeranstaltungPage, dispatch_uid="veranstaltungen_live_vorher")
    page_published.connect(on_published, sender=VeranstaltungPage, dispatch_uid="veranstaltungen_geaendert")
