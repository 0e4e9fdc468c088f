from django.core.cache import cache

import pytest

from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory


@pytest.fixture(autouse=True)
def fresh_glossary_cache():
    """The Glossar is cached; a rolled-back test must not leave its Begriffe behind for the next one."""
    cache.clear()
    yield
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
