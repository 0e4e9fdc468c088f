"""Each Veranstaltung stores its next occurrence, kept right on every change and as days pass, and lists order by it."""

import datetime
import importlib

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

import pytest

from netzwerk_site import erinnerungen
from tests.veranstaltungen.conftest import publish
from veranstaltungen import occurrences, queries, recurrence
from veranstaltungen.choices import AusnahmeArt, Wiederholung
from veranstaltungen.models import Ausnahme, VeranstaltungPage

pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(days=7)

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="EXPLAIN QUERY PLAN is SQLite's; PostgreSQL is checked with scripts/with-postgres.",
)


@pytest.fixture
def heute():
    return timezone.localdate()


@pytest.fixture
def serie(make_veranstaltung, heute):
    """Weekly, from a week ago for six weeks."""
    return make_veranstaltung(
        "s",
        title="Jour fixe",
        start_date=heute - WEEK,
        wiederholung=Wiederholung.WOECHENTLICH,
        wiederholung_bis=heute + 4 * WEEK,
    )


def naechster(page):
    """(day the next occurrence begins, its last day, the day it was computed for) as stored."""
    beginn, bis, stand = VeranstaltungPage.objects.filter(pk=page.pk).values_list(
        "naechster_beginn", "naechster_bis", "naechster_stand"
    )[0]
    return (beginn.astimezone(recurrence.BERLIN).date() if beginn else None, bis, stand)


def test_a_new_event_stores_its_occurrence_as_the_next(make_veranstaltung, heute):
    page = make_veranstaltung("e", start_date=heute + WEEK, end_date=heute + WEEK + datetime.timedelta(days=1))

    assert naechster(page) == (heute + WEEK, heute + WEEK + datetime.timedelta(days=1), heute)


def test_a_series_stores_its_first_occurrence_not_yet_over(serie, heute):
    assert naechster(serie) == (heute, heute, heute)


def test_moving_an_event_moves_its_next_occurrence(make_veranstaltung, heute):
    page = make_veranstaltung("e", start_date=heute + WEEK)

    page.start_date = page.end_date = heute + 2 * WEEK
    publish(page)

    assert naechster(page) == (heute + 2 * WEEK, heute + 2 * WEEK, heute)


def test_an_ausnahme_moving_the_next_occurrence_moves_it(serie, heute):
    Ausnahme.objects.create(
        veranstaltung=serie, datum=heute, art=AusnahmeArt.VERSCHOBEN, neues_datum=heute + datetime.timedelta(days=2)
    )

    assert naechster(serie) == (heute + datetime.timedelta(days=2), heute + datetime.timedelta(days=2), heute)


def test_an_event_without_a_coming_occurrence_stores_none(make_veranstaltung, heute):
    page = make_veranstaltung("e", start_date=heute - WEEK)

    assert naechster(page) == (None, None, heute)


def test_the_daily_run_moves_a_series_on_once_its_occurrence_passed(serie, heute):
    morgen = heute + datetime.timedelta(days=1)

    moved = occurrences.naechste_termine_fortschreiben(morgen)

    assert (moved, naechster(serie)) == (1, (heute + WEEK, heute + WEEK, morgen))


def test_the_daily_run_leaves_pages_whose_next_occurrence_is_still_coming(make_veranstaltung, heute):
    page = make_veranstaltung("e", start_date=heute + WEEK)

    moved = occurrences.naechste_termine_fortschreiben(heute + datetime.timedelta(days=1))

    assert (moved, naechster(page)) == (0, (heute + WEEK, heute + WEEK, heute))


def test_the_daily_run_is_registered():
    assert occurrences.naechste_termine_fortschreiben in erinnerungen.registered()


def test_the_list_moves_a_series_on_before_the_daily_run(serie, heute):
    nach_zwei_wochen = heute + 2 * WEEK + datetime.timedelta(days=1)

    pages = list(queries.nach_naechstem_termin(VeranstaltungPage.objects.all(), nach_zwei_wochen))

    assert [(p.title, p.naechster_beginn.astimezone(recurrence.BERLIN).date()) for p in pages] == [
        ("Jour fixe", heute + 3 * WEEK)
    ]
    assert naechster(serie) == (heute + 3 * WEEK, heute + 3 * WEEK, nach_zwei_wochen)


def test_a_list_for_an_earlier_day_computes_the_next_occurrence_again(serie, heute):
    occurrences.naechste_termine_fortschreiben(heute + 2 * WEEK)

    pages = list(queries.nach_naechstem_termin(VeranstaltungPage.objects.all(), heute))

    assert [p.naechster_beginn.astimezone(recurrence.BERLIN).date() for p in pages] == [heute]


def test_a_second_list_the_same_day_reads_no_stale_pages(serie, heute, django_assert_num_queries):
    list(queries.nach_naechstem_termin(VeranstaltungPage.objects.all(), heute))

    with django_assert_num_queries(1):
        list(queries.nach_naechstem_termin(VeranstaltungPage.objects.all(), heute))


def test_the_migration_stores_the_next_occurrence_of_existing_events(serie, make_veranstaltung, heute):
    vorbei = make_veranstaltung("v", start_date=heute - WEEK)
    VeranstaltungPage.objects.update(naechster_beginn=None, naechster_bis=None, naechster_stand=None)
    migration = importlib.import_module("veranstaltungen.migrations.0004_naechster_termin")

    migration.naechste_termine_setzen(apps, None)

    assert (naechster(serie), naechster(vorbei)) == ((heute, heute, heute), (None, None, heute))


@sqlite_only
def test_the_list_reads_events_in_the_order_of_the_next_occurrence_index(serie):
    cache.delete(occurrences.STAND_KEY)
    page = queries.nach_naechstem_termin(VeranstaltungPage.objects.visible_to(AnonymousUser()), timezone.localdate())
    sql, params = page[:20].query.sql_with_params()

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        rows = [row[-1] for row in cursor.fetchall()]

    assert rows[0] == "SCAN veranstaltungen_veranstaltungpage USING INDEX veranstaltung_naechster"
    assert "USE TEMP B-TREE FOR ORDER BY" not in rows
