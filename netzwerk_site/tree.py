"""Wagtail's page tree root, which everything else hangs below."""

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def ensure_tree_root():
    """The tree root and default Locale, recreated if a flushed database (as after
    transactional tests) has lost what Wagtail's migrations create."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
