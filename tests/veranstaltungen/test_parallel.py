"""Two members ask for the last seat at the same moment, on separate database connections.

SQLite serialises all writers, so this test means something only on PostgreSQL, where
row locks decide; `make test` runs the whole suite a second time on PostgreSQL 15.
"""

import threading

from django.db import connection, connections

import pytest

from konto.roles import Rolle
from tests.factories.konto import UserFactory
from veranstaltungen.anmeldung import anmelden
from veranstaltungen.choices import AnmeldungStatus
from veranstaltungen.models import Anmeldung

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Row locks are tested in the PostgreSQL run."),
]


def test_concurrent_requests_for_the_last_seat_give_exactly_one_seat(groups, make_veranstaltung):
    treffen = make_veranstaltung("treffen-parallel", slug="treffen-parallel", anmeldung_aktiv=True, plaetze=1)
    erste, zweite = (UserFactory(rolle=Rolle.MITGLIED_KOMMUNE) for _ in range(2))
    start = threading.Barrier(2)
    errors = []

    def register(user):
        try:
            start.wait(timeout=10)
            anmelden(treffen, user)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(user,)) for user in (erste, zweite)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(Anmeldung.objects.filter(veranstaltung=treffen).values_list("status", flat=True)) == sorted(
        [AnmeldungStatus.BESTAETIGT, AnmeldungStatus.WARTELISTE]
    )
