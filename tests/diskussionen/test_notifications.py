"""Following threads and Themenfelder, e-mails now or as daily digest, mentions, and unsubscribe links."""

import io

from django.core import mail
from django.core.management import call_command

import pytest

from diskussionen.beitraege import create_beitrag, create_diskussion, edit_beitrag
from diskussionen.choices import Grund, Haeufigkeit
from diskussionen.models import Abonnement, Benachrichtigung, Benachrichtigungseinstellung, ThemenfeldAbonnement
from diskussionen.notifications import abbestellen_token, send_digests
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def outbox():
    return [(message.to, message.subject) for message in mail.outbox]


def test_followers_get_an_email_for_a_new_post_but_not_the_author(
    diskussion, member, other_member, django_capture_on_commit_callbacks
):
    create_beitrag(diskussion, other_member, "Erste Antwort")

    with django_capture_on_commit_callbacks(execute=True):
        create_beitrag(diskussion, member, "Danke für die Antwort!")

    assert outbox() == [([other_member.email], "Neuer Beitrag in „Sprachstand nach der Zuweisung“")]
    message = mail.outbox[0]
    assert "Danke für die Antwort!" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_unfollowed_thread_sends_no_more_email(
    client, diskussion, member, other_member, django_capture_on_commit_callbacks
):
    create_beitrag(diskussion, other_member, "Erste Antwort")
    client.force_login(other_member)
    client.post(f"/diskussionen/{diskussion.pk}/folgen/", {"folgen": "0"})

    with django_capture_on_commit_callbacks(execute=True):
        create_beitrag(diskussion, member, "Noch jemand da?")

    assert outbox() == []
    assert Abonnement.objects.filter(user=other_member).count() == 0


def test_themenfeld_followers_hear_about_new_threads(
    client, other_member, member, themenfeld, django_capture_on_commit_callbacks
):
    client.force_login(other_member)
    client.post(f"/diskussionen/themenfeld/{themenfeld.slug}/folgen/", {"folgen": "1"})

    with django_capture_on_commit_callbacks(execute=True):
        create_diskussion(member, {"title": "Neu im Themenfeld", "body": "Text", "themenfeld": themenfeld})

    assert outbox() == [([other_member.email], "Neuer Beitrag in „Neu im Themenfeld“")]
    assert list(Benachrichtigung.objects.values_list("empfaenger", "grund")) == [(other_member.pk, Grund.THEMENFELD)]


def test_mentions_notify_even_without_following_and_with_digest(
    diskussion, member, other_member, django_capture_on_commit_callbacks
):
    Benachrichtigungseinstellung.objects.create(user=other_member, haeufigkeit=Haeufigkeit.NIE)

    with django_capture_on_commit_callbacks(execute=True):
        create_beitrag(diskussion, member, "Was meinen Sie, @nachbar?")

    assert outbox() == [([other_member.email], "Sie wurden in „Sprachstand nach der Zuweisung“ erwähnt")]


def test_mentions_of_unknown_or_inactive_users_notify_nobody(diskussion, member, django_capture_on_commit_callbacks):
    UserFactory(username="ausgeschieden", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        create_beitrag(diskussion, member, "Hallo @ausgeschieden und @niemand und mail@example.org")

    assert outbox() == []


def test_a_mention_added_by_editing_notifies_only_the_new_person(
    diskussion, member, other_member, land_member, django_capture_on_commit_callbacks
):
    beitrag = create_beitrag(diskussion, member, "Frage an @nachbar")

    with django_capture_on_commit_callbacks(execute=True):
        edit_beitrag(beitrag, member, "Frage an @nachbar und @land", expected_version=1)

    assert outbox() == [([land_member.email], "Sie wurden in „Sprachstand nach der Zuweisung“ erwähnt")]


def test_daily_digest_collects_posts_into_one_email(
    diskussion, member, other_member, django_capture_on_commit_callbacks
):
    create_beitrag(diskussion, other_member, "Ich folge jetzt")
    Benachrichtigungseinstellung.objects.create(user=other_member, haeufigkeit=Haeufigkeit.TAEGLICH)
    with django_capture_on_commit_callbacks(execute=True):
        create_beitrag(diskussion, member, "Erster neuer Beitrag")
        create_beitrag(diskussion, member, "Zweiter neuer Beitrag")
    immediate = outbox()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("diskussionen_digest", stdout=io.StringIO())

    assert immediate == []
    assert outbox() == [([other_member.email], "Neues aus Ihren Diskussionen: 2 Beiträge")]
    body = mail.outbox[0].body
    assert body.index("Erster neuer Beitrag") < body.index("Zweiter neuer Beitrag")
    assert send_digests() == 0


def test_digest_skips_posts_hidden_in_the_meantime(
    diskussion, member, other_member, editor, django_capture_on_commit_callbacks
):
    from diskussionen.moderation import verbergen

    create_beitrag(diskussion, other_member, "Ich folge jetzt")
    Benachrichtigungseinstellung.objects.create(user=other_member, haeufigkeit=Haeufigkeit.TAEGLICH)
    beitrag = create_beitrag(diskussion, member, "Beleidigung")
    verbergen(beitrag, editor)

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_digests()

    assert (sent, outbox()) == (0, [])


def test_unsubscribe_link_works_without_login_in_one_click(client, diskussion, other_member):
    Abonnement.objects.create(user=other_member, diskussion=diskussion)
    url = f"/diskussionen/abbestellen/{abbestellen_token(other_member, diskussion=diskussion)}/"

    page = client.get(url)
    response = client.post(url)

    assert page.status_code == 200
    assert Abonnement.objects.filter(user=other_member).count() == 0
    assert "Sie erhalten keine E-Mails mehr zu dieser Diskussion." in response.content.decode()


def test_unsubscribe_link_in_the_email_stops_all_email(
    client, diskussion, member, other_member, django_capture_on_commit_callbacks
):
    create_beitrag(diskussion, other_member, "Ich folge jetzt")
    with django_capture_on_commit_callbacks(execute=True):
        create_beitrag(diskussion, member, "Neu")
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://127.0.0.1:8000")

    client.post(url)

    assert Benachrichtigungseinstellung.objects.get(user=other_member).haeufigkeit == Haeufigkeit.NIE


def test_unsubscribe_from_a_themenfeld(client, other_member, themenfeld):
    ThemenfeldAbonnement.objects.create(user=other_member, themenfeld=themenfeld)

    client.post(f"/diskussionen/abbestellen/{abbestellen_token(other_member, themenfeld=themenfeld)}/")

    assert ThemenfeldAbonnement.objects.count() == 0


def test_forged_unsubscribe_token_is_refused(client, other_member, diskussion):
    Abonnement.objects.create(user=other_member, diskussion=diskussion)
    token = abbestellen_token(other_member, diskussion=diskussion)

    response = client.post(f"/diskussionen/abbestellen/{token[:-2]}xx/")

    assert response.status_code == 400
    assert Abonnement.objects.count() == 1


def test_member_chooses_the_daily_digest(client, other_member):
    client.force_login(other_member)

    client.post("/diskussionen/einstellungen/", {"haeufigkeit": "taeglich"})

    assert Benachrichtigungseinstellung.objects.get(user=other_member).haeufigkeit == Haeufigkeit.TAEGLICH
