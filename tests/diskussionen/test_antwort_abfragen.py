"""Posting a reply does before the redirect only what must happen then; the followers hear after the commit."""

from django.core import mail

import pytest

from diskussionen.models import Abonnement, Benachrichtigung
from konto.roles import Rolle
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def followers(diskussion, groups, count):
    for _ in range(count):
        Abonnement.objects.create(user=UserFactory(rolle=Rolle.MITGLIED_KOMMUNE), diskussion=diskussion)


# 26 whatever the number of followers: session and member, the thread, idempotency, the rate limit, the post,
# the counters, the author's subscription and read state, the thread's search document. Before, the
# recipients' rows and mails were made before the redirect too: 33 queries with one follower, 35 with three.
@pytest.mark.parametrize(("count", "queries"), [(1, 26), (3, 26)])
def test_reply_post_query_count_does_not_grow_with_the_followers(
    client, diskussion, member, groups, django_assert_num_queries, count, queries
):
    followers(diskussion, groups, count)
    client.force_login(member)

    with django_assert_num_queries(queries):
        response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Danke, das hilft uns."})

    assert response.status_code == 302


def test_followers_are_notified_after_the_commit(
    client, diskussion, member, groups, django_capture_on_commit_callbacks
):
    followers(diskussion, groups, 3)
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Danke, das hilft uns."})

    assert (Benachrichtigung.objects.count(), len(mail.outbox)) == (3, 3)
