"""Reports by members, hiding and restoring by the Redaktion, locked threads, the log, and the rate limit."""

from django.test import override_settings

import pytest

from diskussionen.beitraege import create_beitrag
from diskussionen.choices import Aktion
from diskussionen.models import Beitrag, Meldung, Moderationsprotokoll

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def protokoll():
    return list(Moderationsprotokoll.objects.order_by("pk").values_list("aktion", "begruendung"))


def test_member_reports_a_post_and_the_redaktion_sees_it(client, diskussion, other_member, editor):
    beitrag = diskussion.beitraege.get()
    client.force_login(other_member)
    client.post(f"/diskussionen/beitrag/{beitrag.pk}/melden/", {"grund": "Enthält persönliche Daten."})
    client.force_login(editor)

    response = client.get("/admin/diskussionen/meldungen/")

    assert list(Meldung.objects.values_list("gemeldet_von", "grund")) == [
        (other_member.pk, "Enthält persönliche Daten.")
    ]
    assert list(response.context["gemeldet"]) == [beitrag]
    assert "Enthält persönliche Daten." in response.content.decode()


def test_report_without_reason_keeps_the_form(client, diskussion, other_member):
    beitrag = diskussion.beitraege.get()
    client.force_login(other_member)

    response = client.post(f"/diskussionen/beitrag/{beitrag.pk}/melden/", {"grund": ""})

    assert response.context["form"].errors == {
        "grund": ["Nennen Sie einen Grund, damit die Redaktion die Meldung prüfen kann."]
    }
    assert Meldung.objects.count() == 0


def test_redaktion_hides_and_restores_a_post_and_both_are_logged(client, diskussion, other_member, editor):
    beitrag = diskussion.beitraege.get()
    Meldung.objects.create(beitrag=beitrag, gemeldet_von=other_member, grund="Werbung")
    client.force_login(editor)

    client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/verbergen/", {"begruendung": "Werbung"})
    client.force_login(other_member)
    hidden_html = client.get(f"/diskussionen/{diskussion.pk}/").content.decode()
    client.force_login(editor)
    client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/wiederherstellen/", {"begruendung": "Irrtum"})

    beitrag.refresh_from_db()
    assert "Dieser Beitrag wurde von der Redaktion verborgen." in hidden_html
    assert "Wie organisieren Sie die Sprachstandsfeststellung?" not in hidden_html
    assert beitrag.is_verborgen is False
    assert Meldung.objects.get().erledigt_von == editor
    assert protokoll() == [(Aktion.VERBORGEN, "Werbung"), (Aktion.WIEDERHERGESTELLT, "Irrtum")]


def test_open_reports_list_only_posts_with_an_open_report(client, diskussion, member, other_member, editor):
    unbeanstandet = create_beitrag(diskussion, member, "Eine Antwort ohne Meldung.")
    gemeldet = diskussion.beitraege.exclude(pk=unbeanstandet.pk).get()
    Meldung.objects.create(beitrag=gemeldet, gemeldet_von=other_member, grund="Enthält persönliche Daten.")
    client.force_login(editor)

    response = client.get("/admin/diskussionen/meldungen/")

    assert list(response.context["gemeldet"]) == [gemeldet]


def test_redaktion_closes_reports_without_action(client, diskussion, other_member, editor):
    beitrag = diskussion.beitraege.get()
    Meldung.objects.create(beitrag=beitrag, gemeldet_von=other_member, grund="Gefällt mir nicht")
    client.force_login(editor)

    client.post(f"/admin/diskussionen/beitrag/{beitrag.pk}/meldungen-schliessen/", {"begruendung": "Kein Verstoß"})

    assert list(client.get("/admin/diskussionen/meldungen/").context["gemeldet"]) == []
    assert protokoll() == [(Aktion.MELDUNG_ABGELEHNT, "Kein Verstoß")]


def test_locked_thread_accepts_no_reply_and_the_lock_is_logged(client, diskussion, member, editor):
    client.force_login(editor)
    client.post(f"/admin/diskussionen/{diskussion.pk}/sperren/", {"begruendung": "Ausufernd"}, follow=True)
    client.force_login(member)

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Trotzdem"})
    edit = client.get(f"/diskussionen/beitrag/{diskussion.beitraege.get().pk}/bearbeiten/")

    assert (response.status_code, response.context["message"]) == (
        403,
        "Diese Diskussion ist gesperrt. Neue Beiträge sind nicht möglich; bei Fragen wenden Sie sich an die Redaktion.",
    )
    assert edit.status_code == 403
    assert diskussion.beitraege.count() == 1
    assert protokoll() == [(Aktion.GESPERRT, "Ausufernd")]


def test_member_may_not_moderate(client, diskussion, member):
    client.force_login(member)

    response = client.post(f"/admin/diskussionen/beitrag/{diskussion.beitraege.get().pk}/verbergen/")

    assert response.status_code == 302
    assert Beitrag.objects.filter(is_verborgen=True).count() == 0


@override_settings(DISKUSSIONEN_BEITRAEGE_PRO_MINUTE=2)
def test_posting_faster_than_the_limit_is_refused_with_a_clear_message(client, diskussion, other_member):
    client.force_login(other_member)
    for text in ("Eins", "Zwei"):
        client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": text})

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "Drei, bitte nicht verlieren"})

    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [
        "Sie haben in der letzten Minute bereits 2 Beiträge geschrieben. Warten Sie bitte eine Minute und senden "
        "Sie Ihren Beitrag dann erneut; Ihr Text bleibt erhalten."
    ]
    assert response.context["form"]["body"].value() == "Drei, bitte nicht verlieren"
    assert list(diskussion.beitraege.filter(author=other_member).values_list("body", flat=True)) == ["Eins", "Zwei"]


@override_settings(DISKUSSIONEN_BEITRAEGE_PRO_MINUTE=2)
def test_rate_limit_applies_to_new_threads_too(client, member, diskussion):
    # The fixture's first post and this reply use up the limit of two.
    create_beitrag(diskussion, member, "Gerade eben")
    client.force_login(member)

    response = client.post("/diskussionen/neu/", {"title": "Noch eine", "body": "Text"})

    assert response.status_code == 429
    assert response.context["form"]["title"].value() == "Noch eine"
