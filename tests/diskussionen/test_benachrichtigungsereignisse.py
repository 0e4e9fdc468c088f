"""Forum events that notify through konto.benachrichtigen: exact recipients, subject, link, reason, portal rows."""

from django.core import mail

import pytest

from diskussionen.choices import Haeufigkeit
from diskussionen.models import Abonnement, Benachrichtigungseinstellung, Diskussion
from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import Rolle
from tests.factories.diskussionen import BeitragFactory
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BASE = "http://127.0.0.1:8000"
REDAKTION_GRUND = "Sie erhalten diese Nachricht, weil Sie zur Redaktion gehören."


@pytest.fixture
def redaktion(groups):
    return [
        UserFactory(rolle=Rolle.REDAKTION, username="redaktion-a", email="a@redaktion.example.org"),
        UserFactory(rolle=Rolle.REDAKTION, username="redaktion-b", email="b@redaktion.example.org"),
    ]


def sent(to=None):
    """(recipients, subject) of each mail sent, in order."""
    return [(message.to, message.subject) for message in mail.outbox if to is None or message.to == [to]]


def rows(art):
    return list(Benachrichtigung.objects.filter(art=art).order_by("user_id").values_list("user__username", "betreff"))


# -- new Frage an das Land -------------------------------------------------------------------------------------------
def ask_the_land(client, member, django_capture_on_commit_callbacks):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/diskussionen/neu/",
            {"title": "Sprachkurse für Erwachsene", "body": "Wer fördert das?", "is_frage_an_land": "on"},
        )
    return Diskussion.objects.get()


def test_new_question_to_the_land_notifies_each_redaktion_member(
    client, member, redaktion, django_capture_on_commit_callbacks
):
    frage = ask_the_land(client, member, django_capture_on_commit_callbacks)

    betreff = "Neue Frage an das Land: Sprachkurse für Erwachsene"
    assert sent() == [(["a@redaktion.example.org"], betreff), (["b@redaktion.example.org"], betreff)]
    body = mail.outbox[0].body.splitlines()
    assert f"Zur Frage: {BASE}/diskussionen/{frage.pk}/" in body
    assert (
        "Bitte weisen Sie die Frage einer Stelle des Landes mit Fälligkeitsdatum zu: "
        f"{BASE}/admin/diskussionen/{frage.pk}/zuweisen/"
    ) in body
    assert "Wer fördert das?" in body
    assert REDAKTION_GRUND in body
    assert rows(Benachrichtigungsart.FRAGE_NEU) == [("redaktion-a", betreff), ("redaktion-b", betreff)]


def test_an_ordinary_thread_notifies_no_redaktion_member(client, member, redaktion, django_capture_on_commit_callbacks):
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/diskussionen/neu/", {"title": "Austausch", "body": "Wie machen Sie das?"})

    assert (sent(), rows(Benachrichtigungsart.FRAGE_NEU)) == ([], [])


def test_redaktion_member_who_opted_out_gets_the_row_but_no_mail(
    client, member, redaktion, django_capture_on_commit_callbacks
):
    Mailabwahl.objects.create(user=redaktion[0], art=Benachrichtigungsart.FRAGE_NEU)

    ask_the_land(client, member, django_capture_on_commit_callbacks)

    betreff = "Neue Frage an das Land: Sprachkurse für Erwachsene"
    assert sent() == [(["b@redaktion.example.org"], betreff)]
    assert rows(Benachrichtigungsart.FRAGE_NEU) == [("redaktion-a", betreff), ("redaktion-b", betreff)]


def test_redaktion_member_without_forum_mail_gets_the_row_but_no_mail(
    client, member, redaktion, django_capture_on_commit_callbacks
):
    Benachrichtigungseinstellung.objects.create(user=redaktion[1], haeufigkeit=Haeufigkeit.NIE)

    ask_the_land(client, member, django_capture_on_commit_callbacks)

    betreff = "Neue Frage an das Land: Sprachkurse für Erwachsene"
    assert sent() == [(["a@redaktion.example.org"], betreff)]
    assert rows(Benachrichtigungsart.FRAGE_NEU) == [("redaktion-a", betreff), ("redaktion-b", betreff)]


# -- assignment to a Land office -------------------------------------------------------------------------------------
def test_assignment_notifies_the_members_of_the_land_office(
    client, editor, frage, ministerium, land_member, groups, django_capture_on_commit_callbacks
):
    kollegin = UserFactory(rolle=Rolle.MITGLIED_LAND, username="kollegin", organisation=ministerium)
    UserFactory(rolle=Rolle.MITGLIED_LAND, username="andere-stelle")
    UserFactory(rolle=Rolle.MITGLIED_LAND, username="ausgeschieden", organisation=ministerium, is_active=False)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/diskussionen/{frage.pk}/zuweisen/", {"organisation": ministerium.pk, "faellig_am": "2099-03-31"}
        )

    betreff = "Frage an Ihre Stelle: Sprachstand nach der Zuweisung – Antwort fällig am 31.03.2099"
    assert sent() == [([land_member.email], betreff), ([kollegin.email], betreff)]
    body = mail.outbox[0].body
    assert f"Zur Frage: {BASE}/diskussionen/{frage.pk}/" in body.splitlines()
    assert "Bitte antworten Sie bis zum 31.03.2099" in body
    assert (
        "Sie erhalten diese Nachricht, weil die Redaktion diese Frage Ihrer Stelle Ministerium für Familie, Frauen, "
        "Kultur und Integration (MFFKI) zugewiesen hat."
    ) in body.splitlines()
    assert rows(Benachrichtigungsart.FRAGE_ZUGEWIESEN) == [("land", betreff), ("kollegin", betreff)]


def test_land_member_who_opted_out_of_assignments_gets_the_row_but_no_mail(
    client, editor, frage, ministerium, land_member, django_capture_on_commit_callbacks
):
    Mailabwahl.objects.create(user=land_member, art=Benachrichtigungsart.FRAGE_ZUGEWIESEN)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/diskussionen/{frage.pk}/zuweisen/", {"organisation": ministerium.pk, "faellig_am": "2099-03-31"}
        )

    assert (sent(), len(rows(Benachrichtigungsart.FRAGE_ZUGEWIESEN))) == ([], 1)


# -- Antwort des Landes ----------------------------------------------------------------------------------------------
def answer_as_the_land(client, land_member, frage, django_capture_on_commit_callbacks):
    client.force_login(land_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/diskussionen/{frage.pk}/antworten/", {"body": "Das Land fördert.", "als_antwort": "1"})


def test_answer_notifies_asker_and_followers_as_antwort_des_landes_only(
    client, zugewiesene_frage, land_member, member, other_member, django_capture_on_commit_callbacks
):
    Abonnement.objects.create(user=other_member, diskussion=zugewiesene_frage)

    answer_as_the_land(client, land_member, zugewiesene_frage, django_capture_on_commit_callbacks)

    antwort = zugewiesene_frage.beitraege.get(author=land_member)
    betreff = "Antwort des Landes auf „Sprachstand nach der Zuweisung“"
    assert sent() == [([member.email], betreff), ([other_member.email], betreff)]
    an_fragestellerin, an_folgende = (message.body.splitlines() for message in mail.outbox)
    assert f"Zur Antwort: {BASE}/diskussionen/beitrag/{antwort.pk}/" in an_fragestellerin
    assert "Sie erhalten diese Nachricht, weil Sie diese Frage an das Land gestellt haben." in an_fragestellerin
    assert "Sie erhalten diese Nachricht, weil Sie dieser Diskussion folgen." in an_folgende
    assert rows(Benachrichtigungsart.ANTWORT_DES_LANDES) == [("kommune", betreff), ("nachbar", betreff)]


def test_follower_who_opted_out_of_answers_gets_the_row_but_no_mail(
    client, zugewiesene_frage, land_member, member, other_member, django_capture_on_commit_callbacks
):
    Abonnement.objects.create(user=other_member, diskussion=zugewiesene_frage)
    Mailabwahl.objects.create(user=other_member, art=Benachrichtigungsart.ANTWORT_DES_LANDES)

    answer_as_the_land(client, land_member, zugewiesene_frage, django_capture_on_commit_callbacks)

    assert [to for to, _ in sent()] == [[member.email]]
    assert [user for user, _ in rows(Benachrichtigungsart.ANTWORT_DES_LANDES)] == ["kommune", "nachbar"]


def test_asker_without_forum_mail_gets_the_answer_row_but_no_mail(
    client, zugewiesene_frage, land_member, member, other_member, django_capture_on_commit_callbacks
):
    Abonnement.objects.create(user=other_member, diskussion=zugewiesene_frage)
    Benachrichtigungseinstellung.objects.create(user=member, haeufigkeit=Haeufigkeit.NIE)

    answer_as_the_land(client, land_member, zugewiesene_frage, django_capture_on_commit_callbacks)

    assert [to for to, _ in sent()] == [[other_member.email]]
    assert [user for user, _ in rows(Benachrichtigungsart.ANTWORT_DES_LANDES)] == ["kommune", "nachbar"]


# -- reported and hidden posts ---------------------------------------------------------------------------------------
def test_three_reports_on_one_post_notify_each_redaktion_member_once(
    client, diskussion, member, other_member, redaktion, groups, django_capture_on_commit_callbacks
):
    beitrag = diskussion.beitraege.get()
    dritte = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)

    for melderin, grund in ((other_member, "Enthält persönliche Daten."), (dritte, "Name"), (member, "Adresse")):
        client.force_login(melderin)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/diskussionen/beitrag/{beitrag.pk}/melden/", {"grund": grund})

    betreff = "Beitrag gemeldet in „Sprachstand nach der Zuweisung“"
    assert beitrag.meldungen.count() == 3
    assert sent() == [(["a@redaktion.example.org"], betreff), (["b@redaktion.example.org"], betreff)]
    body = mail.outbox[0].body.splitlines()
    assert f"Gemeldete Beiträge prüfen: {BASE}/admin/diskussionen/meldungen/" in body
    assert f"Beitrag im Forum: {BASE}/diskussionen/beitrag/{beitrag.pk}/" in body
    assert "Enthält persönliche Daten." in body
    assert REDAKTION_GRUND in body
    assert rows(Benachrichtigungsart.BEITRAG_GEMELDET) == [("redaktion-a", betreff), ("redaktion-b", betreff)]


def test_a_post_reported_again_after_its_reports_were_closed_notifies_again(
    client, diskussion, other_member, redaktion, django_capture_on_commit_callbacks
):
    beitrag = diskussion.beitraege.get()

    for schritt in ("Werbung.", "schliessen", "Wieder Werbung."):
        with django_capture_on_commit_callbacks(execute=True):
            if schritt != "schliessen":
                client.force_login(other_member)
                client.post(f"/diskussionen/beitrag/{beitrag.pk}/melden/", {"grund": schritt})
            else:
                client.force_login(redaktion[0])
                client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/meldungen-schliessen/", {"begruendung": ""})

    assert beitrag.meldungen.count() == 2
    assert [to for to, _ in sent()] == [["a@redaktion.example.org"], ["b@redaktion.example.org"]] * 2


def test_redaktion_member_who_opted_out_of_reports_gets_the_row_but_no_mail(
    client, diskussion, other_member, redaktion, django_capture_on_commit_callbacks
):
    Mailabwahl.objects.create(user=redaktion[1], art=Benachrichtigungsart.BEITRAG_GEMELDET)
    beitrag = diskussion.beitraege.get()
    client.force_login(other_member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/diskussionen/beitrag/{beitrag.pk}/melden/", {"grund": "Werbung."})

    assert [to for to, _ in sent()] == [["a@redaktion.example.org"]]
    assert [user for user, _ in rows(Benachrichtigungsart.BEITRAG_GEMELDET)] == ["redaktion-a", "redaktion-b"]


def hide(client, editor, beitrag, django_capture_on_commit_callbacks, begruendung="Werbung für ein Produkt."):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/verbergen/", {"begruendung": begruendung})


def test_hidden_post_tells_its_author_the_reason(
    client, diskussion, editor, other_member, django_capture_on_commit_callbacks
):
    beitrag = BeitragFactory(diskussion=diskussion, author=other_member, body="Kaufen Sie jetzt!")

    hide(client, editor, beitrag, django_capture_on_commit_callbacks)

    betreff = "Ihr Beitrag in „Sprachstand nach der Zuweisung“ wurde ausgeblendet"
    assert sent() == [([other_member.email], betreff)]
    body = mail.outbox[0].body.splitlines()
    assert "Werbung für ein Produkt." in body
    assert f"Zur Diskussion: {BASE}/diskussionen/beitrag/{beitrag.pk}/" in body
    assert "Sie erhalten diese Nachricht, weil Sie diesen Beitrag geschrieben haben." in body
    assert list(Benachrichtigung.objects.values_list("user__username", "art", "text")) == [
        ("nachbar", Benachrichtigungsart.BEITRAG_AUSGEBLENDET, "Begründung der Redaktion: Werbung für ein Produkt.")
    ]


def test_hidden_post_without_reason_says_that_none_was_given(
    client, diskussion, editor, other_member, django_capture_on_commit_callbacks
):
    beitrag = BeitragFactory(diskussion=diskussion, author=other_member)

    hide(client, editor, beitrag, django_capture_on_commit_callbacks, begruendung="")

    assert "Die Redaktion hat keine Begründung angegeben." in mail.outbox[0].body.splitlines()


def test_author_who_opted_out_of_hidden_posts_gets_the_row_but_no_mail(
    client, diskussion, editor, other_member, django_capture_on_commit_callbacks
):
    Mailabwahl.objects.create(user=other_member, art=Benachrichtigungsart.BEITRAG_AUSGEBLENDET)
    beitrag = BeitragFactory(diskussion=diskussion, author=other_member)

    hide(client, editor, beitrag, django_capture_on_commit_callbacks)

    assert (sent(), [user for user, _ in rows(Benachrichtigungsart.BEITRAG_AUSGEBLENDET)]) == ([], ["nachbar"])
