"""Creates the network's groups with their permissions; safe to run repeatedly."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from konto.roles import Rolle
from netzwerk_site.tree import ensure_tree_root

REDAKTION_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
REDAKTION_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
REDAKTION_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        ("netzwerk_site", f"{action}_{model}")
        for model in ("themenfeld", "kommune", "organisation", "zielgruppe")
        for action in ("add", "change", "view")
    ],
    *[("netzwerk_site", f"{action}_barrieremeldung") for action in ("view", "change", "delete")],
    *[("search", f"{action}_begriff") for action in ("add", "change", "view", "delete")],
    ("konto", "add_einladung"),
    ("konto", "view_einladung"),
    ("diskussionen", "view_meldung"),
    ("diskussionen", "change_beitrag"),
    ("diskussionen", "change_diskussion"),
    ("diskussionen", "view_moderationsprotokoll"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups():
    """Create the three network groups; give Redaktion the editor rights on the whole site."""
    groups = {rolle: Group.objects.get_or_create(name=rolle.value)[0] for rolle in Rolle}
    redaktion = groups[Rolle.REDAKTION]
    root_page = ensure_tree_root()
    for codename in REDAKTION_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=redaktion, page=root_page, permission=_permission("wagtailcore", codename)
        )
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app_label, codename in REDAKTION_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=redaktion, collection=root_collection, permission=_permission(app_label, codename)
        )
    redaktion.permissions.add(*[_permission(app, code) for app, code in REDAKTION_MODEL_PERMISSIONS])
    return groups
