"""Results kept until the content changes (netzwerk_site.inhaltsstand): facet counts, the library's page, the newest
examples, the menu. A cold build after a change shows the change at once; a build without a change asks less."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.usefixtures("seitencache_an")]


def _neu(site_tree, django_capture_on_commit_callbacks, title):
    with django_capture_on_commit_callbacks(execute=True):
        return PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title=title)


def test_a_new_example_shows_in_the_next_cold_library_build_with_its_count(
    client, site_tree, django_capture_on_commit_callbacks
):
    _neu(site_tree, django_capture_on_commit_callbacks, "Sprachcafé Kusel")
    before = client.get(f"{site_tree.praxisbeispiele.url}?kalt=1").content.decode()

    _neu(site_tree, django_capture_on_commit_callbacks, "Lotsenprojekt Trier")
    after = client.get(f"{site_tree.praxisbeispiele.url}?kalt=2")

    assert "Lotsenprojekt Trier" not in before
    assert "Lotsenprojekt Trier" in after.content.decode()
    assert after.context["anzahl"] == 2


def test_an_unchanged_library_is_built_again_with_fewer_queries(client, site_tree, django_capture_on_commit_callbacks):
    _neu(site_tree, django_capture_on_commit_callbacks, "Sprachcafé Kusel")
    with CaptureQueriesContext(connection) as first:
        client.get(f"{site_tree.praxisbeispiele.url}?kalt=1")
    with CaptureQueriesContext(connection) as second:
        client.get(f"{site_tree.praxisbeispiele.url}?kalt=2")

    # Counts, the page's examples and the menu come from what the first build kept.
    assert len(second) <= len(first) - 3


def test_the_home_page_shows_a_new_example_among_the_newest_at_once(
    client, site_tree, django_capture_on_commit_callbacks
):
    _neu(site_tree, django_capture_on_commit_callbacks, "Sprachcafé Kusel")
    client.get(f"{site_tree.home.url}?kalt=1")

    _neu(site_tree, django_capture_on_commit_callbacks, "Lotsenprojekt Trier")
    html = client.get(f"{site_tree.home.url}?kalt=2").content.decode()

    assert "Lotsenprojekt Trier" in html and "Sprachcafé Kusel" in html


def test_a_renamed_menu_page_is_renamed_in_the_next_build(client, site_tree, django_capture_on_commit_callbacks):
    client.get(f"{site_tree.home.url}?kalt=1")
    seite = site_tree.praxisbeispiele
    seite.title = "Gute Praxis"
    seite.show_in_menus = True
    with django_capture_on_commit_callbacks(execute=True):
        seite.save()

    html = client.get(f"{site_tree.home.url}?kalt=2").content.decode()

    assert ">Gute Praxis<" in html
