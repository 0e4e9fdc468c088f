"""Records the page and collection rights that Wagtail's group editor grants.

The editor saves new GroupPagePermission and GroupCollectionPermission rows with bulk_create, which
sends no post_save signal; removals go through delete() and reach betrieb/signal_handlers.py directly.
"""

from django import forms

from wagtail.models import GroupCollectionPermission, GroupPagePermission

from betrieb import signal_handlers


class ObjektrechteProtokoll:
    """An invisible panel of the group editor: notes the group's rights before saving, records the new ones after.

    Registered with a high hook order, so that Wagtail saves it after the page and collection panels.
    """

    media = forms.Media()

    def __init__(self, data=None, files=None, instance=None, **kwargs):
        self.instance = instance
        self.before = None

    def is_valid(self):
        # Wagtail validates every panel before it saves any, so this is the state before the save.
        self.before = {_key(row) for row in objektrechte(self.instance)}
        return True

    def save(self):
        if self.before is None:
            return
        for row in objektrechte(self.instance):
            if _key(row) not in self.before:
                signal_handlers.record_objektrecht(row, "hinzugefuegt")

    def as_admin_panel(self):
        return ""


def objektrechte(group):
    if group is None or group.pk is None:
        return []
    related = ("group", "permission__content_type")
    return [
        *GroupPagePermission.objects.filter(group=group).select_related("page", *related),
        *GroupCollectionPermission.objects.filter(group=group).select_related("collection", *related),
    ]


def _key(row):
    return (type(row), row.pk)
