import datetime

import pytest

from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.models import VeranstaltungPage

# Fixed change time for golden files; earlier than any test run, so later edits are newer.
STAMP = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def index(site_tree):
    return VeranstaltungIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def themenfeld(db):
    return ThemenfeldFactory(slug="ankommen-und-orientierung", title="Ankommen und Orientierung")


@pytest.fixture
def make_veranstaltung(index):
    """Create a Veranstaltung below the index with a fixed UID and change time."""

    def make(uid, **kwargs):
        page = VeranstaltungPageFactory(parent=index, **kwargs)
        VeranstaltungPage.objects.filter(pk=page.pk).update(uid=uid, ical_changed_at=STAMP)
        page.refresh_from_db()
        return page

    return make


def publish(page):
    """Publish page's current state through a revision, as the editor does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def freeze_changes():
    """Set every change time to STAMP again after edits, so that golden files stay stable."""
    VeranstaltungPage.objects.update(ical_changed_at=STAMP)
