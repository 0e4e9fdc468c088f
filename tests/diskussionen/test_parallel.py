"""Members reply at the same moment on separate database connections: no post is lost, no limit is passed.

Meaningful only where writers really run in parallel: `make test` runs the suite a second
time on PostgreSQL 15, where this test runs.
"""

import threading

from django.db import connection, connections

import pytest

from diskussionen.beitraege import create_beitrag
from diskussionen.models import Beitrag, Diskussion
from diskussionen.ratelimit import ZuVieleBeitraege

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Parallel writers are tested in the PostgreSQL run."),
]


def test_two_members_posting_at_the_same_moment_both_get_their_post(diskussion, member, other_member):
    start = threading.Barrier(2)
    errors = []

    def reply(user, text):
        try:
            stale = Diskussion.objects.get(pk=diskussion.pk)
            start.wait(timeout=10)
            create_beitrag(stale, user, text)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=reply, args=(member, "Bei uns nach zwei Wochen.")),
        threading.Thread(target=reply, args=(other_member, "Bei uns direkt in der ersten Woche.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(Beitrag.objects.filter(diskussion=diskussion).values_list("body", flat=True)) == [
        "Bei uns direkt in der ersten Woche.",
        "Bei uns nach zwei Wochen.",
        "Wie organisieren Sie die Sprachstandsfeststellung?",
    ]
    assert Diskussion.objects.get(pk=diskussion.pk).beitrag_count == 3


def test_ten_parallel_replies_of_one_member_stop_at_the_posting_limit(diskussion, other_member, settings):
    settings.DISKUSSIONEN_BEITRAEGE_PRO_MINUTE = 5
    start = threading.Barrier(10)
    refused = []
    errors = []

    def reply(nummer):
        try:
            stale = Diskussion.objects.get(pk=diskussion.pk)
            start.wait(timeout=10)
            create_beitrag(stale, other_member, f"Antwort {nummer}")
        except ZuVieleBeitraege as refusal:
            refused.append(refusal)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reply, args=(nummer,)) for nummer in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(refused) == 5
    assert Beitrag.objects.filter(diskussion=diskussion, author=other_member).count() == 5
    assert Diskussion.objects.get(pk=diskussion.pk).beitrag_count == 6
