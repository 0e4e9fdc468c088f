"""Each Praxisbeispiel stores its adoption count, and the library sorts by it from an index."""

import importlib

from django.apps import apps
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

import pytest

from netzwerk_site.auswahl import load, parse
from praxisbeispiele import facets
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="EXPLAIN QUERY PLAN is SQLite's; PostgreSQL is checked with scripts/with-postgres.",
)


@pytest.fixture
def beispiel(site_tree):
    return PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title="Kreuznacher Modell")


@pytest.fixture
def kusel_member(groups):
    return UserFactory(rolle="Mitglied (Kommune)", kommune=KommuneFactory(name="Kusel"))


def anzahl(page):
    return PraxisbeispielPage.objects.get(pk=page.pk).uebernahmen_anzahl


def adopt(page, kommunen=1):
    for kommune in KommuneFactory.create_batch(kommunen):
        Uebernahme.objects.create(praxisbeispiel=page, kommune=kommune, stand="geplant")


def plan(sortierung):
    auswahl, _options = load(parse(QueryDict(f"sortierung={sortierung}"), facets.SPEC), facets.FACETS)
    sql, params = PraxisbeispielPage.objects.library(auswahl)[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[-1] for row in cursor.fetchall()]


def test_recording_an_adoption_counts_it(client, beispiel, kusel_member):
    client.force_login(kusel_member)

    client.post(
        reverse("praxisbeispiele:uebernahme_speichern", kwargs={"pk": beispiel.pk}), {"stand": "geplant", "notiz": ""}
    )

    assert anzahl(beispiel) == 1


def test_changing_the_stand_of_an_adoption_keeps_the_count(client, beispiel, kusel_member):
    client.force_login(kusel_member)
    url = reverse("praxisbeispiele:uebernahme_speichern", kwargs={"pk": beispiel.pk})
    client.post(url, {"stand": "geplant", "notiz": ""})

    client.post(url, {"stand": "umgesetzt", "notiz": ""})

    assert anzahl(beispiel) == 1


def test_withdrawing_an_adoption_uncounts_it(client, beispiel, kusel_member):
    adopt(beispiel, 2)
    client.force_login(kusel_member)
    client.post(
        reverse("praxisbeispiele:uebernahme_speichern", kwargs={"pk": beispiel.pk}), {"stand": "geplant", "notiz": ""}
    )

    client.post(reverse("praxisbeispiele:uebernahme_zurueckziehen", kwargs={"pk": beispiel.pk}))

    assert anzahl(beispiel) == 2


def test_deleting_a_kommune_uncounts_its_adoptions(beispiel):
    kommune = KommuneFactory()
    Uebernahme.objects.create(praxisbeispiel=beispiel, kommune=kommune, stand="umgesetzt")
    adopt(beispiel)

    kommune.delete()

    assert anzahl(beispiel) == 1


def test_a_copied_page_starts_without_adoptions(site_tree, beispiel):
    adopt(beispiel, 2)
    beispiel.refresh_from_db()

    kopie = beispiel.copy(update_attrs={"title": "Kopie", "slug": "kopie"})

    assert (anzahl(kopie), anzahl(beispiel)) == (0, 2)


def test_publishing_an_older_revision_keeps_the_live_count(beispiel):
    revision = beispiel.save_revision()
    adopt(beispiel, 3)

    revision.publish()

    assert anzahl(beispiel) == 3


def test_the_migration_counts_the_adoptions_recorded_before_it(beispiel, site_tree):
    ohne = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele)
    adopt(beispiel, 2)
    PraxisbeispielPage.objects.update(uebernahmen_anzahl=7)
    migration = importlib.import_module("praxisbeispiele.migrations.0006_uebernahmen_anzahl")

    migration.uebernahmen_zaehlen(apps, None)

    assert (anzahl(beispiel), anzahl(ohne)) == (2, 0)


def test_sorting_by_adoptions_puts_ties_newest_first(client, site_tree):
    erstes, zweites, drittes = PraxisbeispielPageFactory.create_batch(3, parent=site_tree.praxisbeispiele)
    adopt(zweites, 2)

    response = client.get("/praxisbeispiele/", {"sortierung": "uebernahmen"})

    assert list(response.context["seite"].object_list) == [zweites, drittes, erstes]


@sqlite_only
def test_sorting_by_adoptions_reads_the_index_in_order(beispiel):
    rows = plan("uebernahmen")

    assert rows[0] == "SCAN praxisbeispiele_praxisbeispielpage USING INDEX praxisbeispiel_uebernahmen"
    assert not any(row.startswith("USE TEMP B-TREE") for row in rows)


@sqlite_only
@pytest.mark.parametrize("sortierung", ["", "neueste"])
def test_newest_first_reads_the_publication_date_index_in_order(beispiel, sortierung):
    rows = plan(sortierung)

    # Only ties of the same publication instant are sorted by id ("RIGHT PART"), never the library.
    assert rows[0] == "SCAN wagtailcore_page USING INDEX wagtailcore_page_first_published_at_2b5dd637"
    assert "USE TEMP B-TREE FOR ORDER BY" not in rows


@pytest.mark.parametrize("count", [1, 3])
def test_library_sorted_by_adoptions_query_count(client, site_tree, django_assert_num_queries, count):
    for page in PraxisbeispielPageFactory.create_batch(count, parent=site_tree.praxisbeispiele):
        adopt(page)

    with django_assert_num_queries(19):
        response = client.get("/praxisbeispiele/", {"sortierung": "uebernahmen"})

    assert response.status_code == 200
