"""Collections whose documents only some roles may open; Wagtail's document view (/dokumente/) checks them.

"Einreichungen" holds the files of submissions in review (Redaktion only), "Nur Netzwerk" the documents of
restricted pages such as internal Veranstaltungen (members and Redaktion). follow_page_visibility() moves the
documents a page links to whenever the page is published; sort_all_documents() does it for every live page
after each `migrate` that applied migrations, so documents already on a site are sorted at once.
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import post_migrate

from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.signals import page_published

from konto.roles import MEMBER_GROUPS, Rolle

EINREICHUNGEN = "Einreichungen"
NETZWERK = "Nur Netzwerk"


def restricted_collection(name, rollen):
    """The collection name below the root, visible only to the groups rollen; created if missing."""
    collection = Collection.objects.filter(name=name).first()
    if collection is None:
        # Wagtail's first migration makes the root; a database emptied by `flush` has none until one is added.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.add_child(name=name)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
    restriction.groups.set(Group.objects.filter(name__in=rollen))
    return collection


def einreichungen_collection():
    return restricted_collection(EINREICHUNGEN, [Rolle.REDAKTION])


def netzwerk_collection():
    return restricted_collection(NETZWERK, MEMBER_GROUPS)


def documents_of(page):
    """The documents page links to in its fields, StreamFields and rich text.

    Read from the page itself with the reference index's scanner: the stored index is updated by a task,
    possibly after the publication this runs in.
    """
    document_model = get_document_model()
    content_type = ReferenceIndex._get_base_content_type(document_model)
    references = ReferenceIndex._extract_references_from_object(page)
    ids = {object_id for type_id, object_id, *_ in references if type_id == content_type.pk}
    return document_model.objects.filter(pk__in=ids)


def follow_page_visibility(page):
    """A restricted page's documents go to "Nur Netzwerk"; a public page's leave the restricted collections.

    A document that a public page links to is public anyway, so it is moved out of "Nur Netzwerk" too.
    """
    _sort(page, page.get_view_restrictions().exists())


def _sort(page, is_restricted):
    documents = documents_of(page)
    if is_restricted:
        documents.filter(collection__depth=1).update(collection=netzwerk_collection())
    else:
        restricted = Collection.objects.filter(name__in=[EINREICHUNGEN, NETZWERK], depth=2)
        documents.filter(collection__in=restricted).update(collection=Collection.get_first_root_node())


def sort_all_documents():
    """Sort the documents of every live page as publishing it would; returns how many pages were looked at.

    Restricted pages come first, so a document that a public page links to as well ends up public.
    """
    restricted_paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    pages = [(page.path.startswith(restricted_paths), page) for page in Page.objects.live().specific()]
    for is_restricted, page in sorted(pages, key=lambda item: not item[0]):
        _sort(page, is_restricted)
    return len(pages)


def on_page_published(sender, instance, **kwargs):
    follow_page_visibility(instance)


def on_post_migrate(sender, using=DEFAULT_DB_ALIAS, plan=None, **kwargs):
    """After a `migrate` that applied migrations up to the newest; not after `flush`, which brings no plan."""
    if using != DEFAULT_DB_ALIAS or not plan or any(backwards for _migration, backwards in plan):
        return
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    sort_all_documents()


def connect():
    page_published.connect(on_page_published, dispatch_uid="dokumente_folgen_der_sichtbarkeit")
    post_migrate.connect(
        on_post_migrate, sender=apps.get_app_config("konto"), dispatch_uid="dokumente_nach_migrate_einsortieren"
    )
