import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

import pytest

from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory


@pytest.fixture(autouse=True)
def fresh_glossary_cache():
    """The Glossar is cached; a rolled-back test must not leave its Begriffe behind for the next one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """Seed once per module inside an outer transaction; each test rolls back to this state."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("seed_netzwerk", "--no-demo-accounts", stdout=io.StringIO())
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


def publish(page):
    """Publish through a revision, as editors do, so that Wagtail's signals fire."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_praxisbeispiel(site_tree):
    def make(title, summary, **kwargs):
        themenfelder = kwargs.pop("themenfelder", None) or [ThemenfeldFactory(slug="bildung", title="Bildung")]
        page = PraxisbeispielPageFactory(
            parent=site_tree.praxisbeispiele, title=title, summary=summary, themenfelder=themenfelder, **kwargs
        )
        return publish(page)

    return make
