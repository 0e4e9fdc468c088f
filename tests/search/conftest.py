import pytest

from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory


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
