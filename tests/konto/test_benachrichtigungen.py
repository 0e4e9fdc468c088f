"""Benachrichtigungen: recorded in the portal for every active recipient, mailed unless the member opted out."""

import io
import json
import zipfile

from django.urls import reverse
from django.utils import timezone

import pytest

from konto.benachrichtigungen import benachrichtigen
from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import Rolle
from netzwerk_site.models import Mailversand
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BASE = "http://127.0.0.1:8000"
GRUND = "Sie erhalten diese Nachricht, weil Sie zur Redaktion gehören."


def melden(users, schluessel=None, **kwargs):
    """Notify users of a new Frage an das Land through the generic notification mail."""
    return benachrichtigen(
        users,
        Benachrichtigungsart.FRAGE_NEU,
        betreff="Neue Frage an das Land: Sprachkurse",
        template="konto/mail/benachrichtigung",
        context={},
        text="Eine Kommune fragt nach Sprachkursen.",
        url="/diskussionen/17/",
        grund=GRUND,
        schluessel=schluessel,
        **kwargs,
    )


def notification_for(user, betreff="Neue Frage an das Land", gelesen_am=None):
    return Benachrichtigung.objects.create(
        user=user, art=Benachrichtigungsart.FRAGE_NEU, betreff=betreff, url="/diskussionen/17/", gelesen_am=gelesen_am
    )


@pytest.fixture
def erika(groups):
    return UserFactory(rolle=Rolle.REDAKTION, username="erika", email="erika@example.org")


@pytest.fixture
def max_(groups):
    return UserFactory(rolle=Rolle.REDAKTION, username="max", email="max@example.org")


def test_benachrichtigen_records_a_row_and_mails_each_recipient(
    erika, max_, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notified = melden([erika, max_])

    assert notified == [erika, max_]
    rows = Benachrichtigung.objects.order_by("user__username")
    assert [(b.user, b.art, b.betreff, b.url, b.grund, b.gelesen_am) for b in rows] == [
        (erika, "frage_neu", "Neue Frage an das Land: Sprachkurse", "/diskussionen/17/", GRUND, None),
        (max_, "frage_neu", "Neue Frage an das Land: Sprachkurse", "/diskussionen/17/", GRUND, None),
    ]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["erika@example.org"], "Neue Frage an das Land: Sprachkurse"),
        (["max@example.org"], "Neue Frage an das Land: Sprachkurse"),
    ]
    body = mailoutbox[0].body
    assert f"{BASE}/diskussionen/17/" in body
    assert GRUND in body
    assert f"{BASE}/konto/benachrichtigungen/" in body
    html = mailoutbox[0].alternatives[0][0]
    assert f'<a href="{BASE}/diskussionen/17/">' in html
    assert f'<a href="{BASE}/konto/benachrichtigungen/">' in html


def test_opted_out_member_gets_the_row_but_no_mail(erika, max_, mailoutbox, django_capture_on_commit_callbacks):
    Mailabwahl.objects.create(user=erika, art=Benachrichtigungsart.FRAGE_NEU)

    with django_capture_on_commit_callbacks(execute=True):
        notified = melden([erika, max_])

    assert notified == [erika, max_]
    assert sorted(Benachrichtigung.objects.values_list("user__username", flat=True)) == ["erika", "max"]
    assert [m.to for m in mailoutbox] == [["max@example.org"]]


def test_member_named_in_ohne_mail_gets_the_row_but_no_mail(
    erika, max_, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notified = melden([erika, max_], ohne_mail=frozenset({erika.pk}))

    assert notified == [erika, max_]
    assert sorted(Benachrichtigung.objects.values_list("user__username", flat=True)) == ["erika", "max"]
    assert [m.to for m in mailoutbox] == [["max@example.org"]]


def test_attachments_go_with_every_mail(erika, max_, mailoutbox, django_capture_on_commit_callbacks):
    anhang = ("termin.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")

    with django_capture_on_commit_callbacks(execute=True):
        melden([erika, max_], attachments=[anhang])

    assert [m.attachments for m in mailoutbox] == [[anhang], [anhang]]


def test_opting_out_of_another_art_still_mails_this_one(erika, mailoutbox, django_capture_on_commit_callbacks):
    Mailabwahl.objects.create(user=erika, art=Benachrichtigungsart.WOCHENUEBERBLICK)

    with django_capture_on_commit_callbacks(execute=True):
        melden([erika])

    assert [m.to for m in mailoutbox] == [["erika@example.org"]]


def test_a_schluessel_recorded_before_notifies_nobody_twice(
    erika, max_, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        melden([erika], schluessel="frage-17-erinnerung")

    with django_capture_on_commit_callbacks(execute=True):
        zweiter = melden([erika, max_], schluessel="frage-17-erinnerung")

    assert zweiter == [max_]
    assert Benachrichtigung.objects.filter(user=erika).count() == 1
    assert [m.to for m in mailoutbox] == [["erika@example.org"], ["max@example.org"]]


def test_inactive_and_repeated_users_are_notified_once_or_not_at_all(
    erika, inactive_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notified = melden([erika, inactive_member, erika])

    assert notified == [erika]
    assert list(Benachrichtigung.objects.values_list("user__username", flat=True)) == ["erika"]
    assert [m.to for m in mailoutbox] == [["erika@example.org"]]


@pytest.mark.parametrize("anzahl", [1, 3])
def test_benachrichtigen_runs_three_queries_for_any_number_of_users(groups, anzahl, django_assert_num_queries):
    users = [UserFactory(rolle=Rolle.REDAKTION) for _ in range(anzahl)]

    # The recorded keys, the mail opt-outs, one bulk insert.
    with django_assert_num_queries(3):
        notified = melden(users, schluessel="frage-17-neu")

    assert len(notified) == anzahl


def test_page_lists_only_the_members_own_notifications_newest_first(member_client, member, land_member):
    notification_for(land_member, betreff="Nicht für Sie")
    notification_for(member, betreff="Ältere", gelesen_am=timezone.now())
    notification_for(member, betreff="Neuere")

    response = member_client.get(reverse("konto:benachrichtigungen"))

    assert response.status_code == 200
    assert [b.betreff for b in response.context["seite"]] == ["Neuere", "Ältere"]
    assert "Nicht für Sie" not in response.content.decode()
    assert response.content.decode().count(">Ungelesen<") == 1
    assert "Sie haben 1 ungelesene Benachrichtigung." in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(reverse("konto:benachrichtigungen"))

    assert response.status_code == 302
    assert response.url == "/konto/anmelden/?next=/konto/benachrichtigungen/"


@pytest.mark.parametrize("anzahl", [1, 3])
def test_page_runs_a_fixed_number_of_queries(member_client, member, anzahl, django_assert_num_queries):
    for nummer in range(anzahl):
        notification_for(member, betreff=f"Benachrichtigung {nummer}")

    # Session, user, the opt-outs for the form, the paginator's count, the unread count, groups (role flags),
    # site and menu pages of the layout, the page of notifications.
    with django_assert_num_queries(9):
        response = member_client.get(reverse("konto:benachrichtigungen"))

    assert len(response.context["seite"]) == anzahl


def test_opening_a_notification_marks_it_read_and_redirects(member_client, member):
    benachrichtigung = notification_for(member)

    response = member_client.get(reverse("konto:benachrichtigung", args=[benachrichtigung.pk]))

    assert response.status_code == 302
    assert response.url == "/diskussionen/17/"
    benachrichtigung.refresh_from_db()
    assert benachrichtigung.gelesen_am is not None


def test_another_members_notification_is_not_found(member_client, land_member):
    fremde = notification_for(land_member)

    response = member_client.get(reverse("konto:benachrichtigung", args=[fremde.pk]))

    assert response.status_code == 404
    fremde.refresh_from_db()
    assert fremde.gelesen_am is None


def test_a_notification_never_redirects_to_another_site(member_client, member):
    benachrichtigung = Benachrichtigung.objects.create(
        user=member, art=Benachrichtigungsart.FRAGE_NEU, betreff="Fremd", url="https://boese.example/"
    )

    response = member_client.get(reverse("konto:benachrichtigung", args=[benachrichtigung.pk]))

    assert response.url == "/konto/benachrichtigungen/"


def test_mark_all_read_marks_only_the_members_own(member_client, member, land_member):
    notification_for(member)
    notification_for(member)
    fremde = notification_for(land_member)

    response = member_client.post(reverse("konto:benachrichtigungen_gelesen"))

    assert response.status_code == 302
    assert Benachrichtigung.objects.filter(user=member, gelesen_am__isnull=True).count() == 0
    fremde.refresh_from_db()
    assert fremde.gelesen_am is None


def test_mark_all_read_refuses_get(member_client):
    response = member_client.get(reverse("konto:benachrichtigungen_gelesen"))

    assert response.status_code == 405


def test_opt_out_form_saves_the_unticked_arten(member_client, member):
    Mailabwahl.objects.create(user=member, art=Benachrichtigungsart.ANMELDUNG)
    gewuenscht = [art for art in Benachrichtigungsart.values if art != Benachrichtigungsart.WOCHENUEBERBLICK]

    response = member_client.post(reverse("konto:benachrichtigungen"), {"mails": gewuenscht})

    assert response.status_code == 302
    assert list(Mailabwahl.objects.filter(user=member).values_list("art", flat=True)) == ["wochenueberblick"]


def test_opt_out_form_shows_the_saved_choice_unticked(member_client, member):
    Mailabwahl.objects.create(user=member, art=Benachrichtigungsart.WOCHENUEBERBLICK)

    response = member_client.get(reverse("konto:benachrichtigungen"))

    initial = response.context["form"].initial["mails"]
    assert len(initial) == len(Benachrichtigungsart.values) - 1
    assert "wochenueberblick" not in initial


def test_unread_count_is_in_every_page_context_and_follows_reading(member_client, member):
    notification_for(member)
    zweite = notification_for(member)
    notification_for(member, gelesen_am=timezone.now())
    erste_antwort = member_client.get(reverse("konto:uebersicht"))
    assert erste_antwort.context["ungelesene_benachrichtigungen"]() == 2

    member_client.get(reverse("konto:benachrichtigung", args=[zweite.pk]))
    response = member_client.get(reverse("konto:uebersicht"))

    assert response.context["ungelesene_benachrichtigungen"]() == 1


def test_header_include_shows_the_unread_count_as_text(rf, member):
    from django.template.loader import render_to_string

    notification_for(member)
    notification_for(member)
    request = rf.get("/")
    request.user = member

    html = render_to_string("konto/includes/kopf_benachrichtigungen.html", request=request)

    assert ">Benachrichtigungen (2 ungelesen)</a></li>" in html


def test_export_holds_the_members_notifications_and_opt_outs(member_client, member, land_member):
    notification_for(member, betreff="Ihre Frage wurde beantwortet")
    notification_for(land_member, betreff="Nicht für Sie")
    Mailabwahl.objects.create(user=member, art=Benachrichtigungsart.WOCHENUEBERBLICK)

    response = member_client.get(reverse("konto:daten"))

    daten = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("daten.json"))
    assert [b["betreff"] for b in daten["benachrichtigungen"]] == ["Ihre Frage wurde beantwortet"]
    assert daten["mailabwahlen"] == ["Wochenüberblick des Netzwerks"]


def test_deleting_the_account_removes_notifications_and_opt_outs(member, land_member):
    from konto.personal_data import delete_account

    notification_for(member)
    notification_for(land_member)
    Mailabwahl.objects.create(user=member, art=Benachrichtigungsart.WOCHENUEBERBLICK)

    delete_account(member)

    assert list(Benachrichtigung.objects.values_list("user", flat=True)) == [land_member.pk]
    assert Mailabwahl.objects.count() == 0


def mailversand_an(empfaenger, betreff, stand=Mailversand.Stand.AUFGEGEBEN):
    return Mailversand.objects.create(
        empfaenger=empfaenger,
        betreff=betreff,
        vorlage="konto/mail/benachrichtigung",
        stand=stand,
        versuche=5,
        letzter_fehler="SMTPRecipientsRefused: mailbox full",
        nachricht={"an": empfaenger.split(", "), "text": f"Guten Tag, {betreff}."},
    )


def test_export_holds_the_mails_to_her_address_that_were_not_delivered(member_client, member):
    mailversand_an(member.email.upper(), "Aufgegeben")
    mailversand_an(member.email, "Wird wiederholt", stand=Mailversand.Stand.WIRD_WIEDERHOLT)
    mailversand_an(member.email, "Später zugestellt", stand=Mailversand.Stand.ZUGESTELLT)
    mailversand_an(f"x{member.email}", "An eine ähnliche Adresse")

    response = member_client.get(reverse("konto:daten"))

    daten = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("daten.json"))
    assert [(m["betreff"], m["stand"], m["versuche"]) for m in daten["mailversand"]] == [
        ("Aufgegeben", "Aufgegeben", 5),
        ("Wird wiederholt", "Wird wiederholt", 5),
    ]
    assert daten["mailversand"][0]["text"] == "Guten Tag, Aufgegeben."


def test_deleting_the_account_deletes_her_mails_and_her_address_from_shared_ones(member, land_member):
    from konto.personal_data import delete_account

    mailversand_an(member.email, "Nur an sie")
    mailversand_an(member.email, "Zugestellt", stand=Mailversand.Stand.ZUGESTELLT)
    geteilt = mailversand_an(f"{land_member.email}, {member.email}", "An beide")
    fremd = mailversand_an(land_member.email, "Nicht an sie")

    delete_account(member)

    geteilt.refresh_from_db()
    assert list(Mailversand.objects.order_by("pk").values_list("pk", flat=True)) == [geteilt.pk, fremd.pk]
    assert (geteilt.empfaenger, geteilt.nachricht["an"]) == (land_member.email, [land_member.email])
