"""Submissions notify the Redaktion and the submitter through konto.benachrichtigen: row, mail, link and reason."""

import time
from datetime import date, datetime, timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import Rolle
from praxisbeispiele import erinnerungen
from praxisbeispiele.erinnerungen import pruefung_erinnern
from praxisbeispiele.models import PraxisbeispielPage
from tests.factories.einreichungen import einreichung_data
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.praxisbeispiele.test_submission import TITLE, workflow_action

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def rows():
    return list(Benachrichtigung.objects.order_by("pk").values_list("user__email", "art", "betreff", "url", "grund"))


@pytest.fixture
def submit(client, member, workflow, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"

    def submit():
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/praxisbeispiele/einreichen/", einreichung_data([ThemenfeldFactory()]))
        return PraxisbeispielPage.objects.get(title=TITLE)

    return submit


def test_new_submission_notifies_each_redaktion_member_once_with_the_review_link(submit, member, editor):
    UserFactory(rolle=Rolle.REDAKTION, email="zweite@example.org")

    page = submit()

    grund = "Sie erhalten diese Nachricht, weil Sie Einreichungen in der Redaktion prüfen."
    schritt = "Sie erhalten diese Nachricht, weil Sie dieses Praxisbeispiel eingereicht haben."
    assert rows() == [
        (member.email, "einreichung_schritt", f"Ihr Praxisbeispiel „{TITLE}“ ist eingegangen", "/konto/", schritt),
        (editor.email, "einreichung_neu", f"Neue Einreichung: „{TITLE}“", f"/admin/pages/{page.pk}/edit/", grund),
        (
            "zweite@example.org",
            "einreichung_neu",
            f"Neue Einreichung: „{TITLE}“",
            f"/admin/pages/{page.pk}/edit/",
            grund,
        ),
    ]
    redaktion_mails = [m for m in mail.outbox if m.subject == f"Neue Einreichung: „{TITLE}“"]
    assert sorted(m.to[0] for m in redaktion_mails) == sorted([editor.email, "zweite@example.org"])
    assert f"\nhttps://netzwerk.example.org/admin/pages/{page.pk}/edit/\n" in redaktion_mails[0].body
    assert f"{grund}\n" in redaktion_mails[0].body
    assert "https://netzwerk.example.org/konto/benachrichtigungen/" in redaktion_mails[0].body


def test_redaktion_member_who_opted_out_gets_the_row_but_no_mail(submit, member, editor):
    Mailabwahl.objects.create(user=editor, art=Benachrichtigungsart.EINREICHUNG_NEU)

    submit()

    assert Benachrichtigung.objects.filter(user=editor, art="einreichung_neu").count() == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([member.email], f"Ihr Praxisbeispiel „{TITLE}“ ist eingegangen")
    ]


def test_each_workflow_step_reaches_the_submitter_in_the_portal_with_its_link(
    submit, client, member, editor, django_capture_on_commit_callbacks
):
    page = submit()
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "reject", comment="Bitte ergänzen Sie die Finanzierung.")

    row = Benachrichtigung.objects.filter(user=member).latest("pk")
    assert (row.art, row.betreff, row.url, row.text) == (
        "einreichung_schritt",
        f"Bitte überarbeiten Sie Ihr Praxisbeispiel „{TITLE}“",
        f"/praxisbeispiele/einreichen/{page.pk}/bearbeiten/",
        "Bitte ergänzen Sie die Finanzierung.",
    )
    [message] = [m for m in mail.outbox if m.to == [member.email] and m.subject.startswith("Bitte überarbeiten")]
    assert "Sie erhalten diese Nachricht, weil Sie dieses Praxisbeispiel eingereicht haben." in message.body


def test_submitter_who_opted_out_of_steps_gets_the_rows_but_no_mail(submit, member):
    Mailabwahl.objects.create(user=member, art=Benachrichtigungsart.EINREICHUNG_SCHRITT)

    submit()

    assert Benachrichtigung.objects.filter(user=member, art="einreichung_schritt").count() == 1
    assert [m.to for m in mail.outbox if m.to == [member.email]] == []


# -- "Ist das noch aktuell?" ----------------------------------------------------------------------------------------
def veroeffentlicht(parent, titel, zuletzt_geprueft, eingereicht_von=None):
    page = PraxisbeispielPageFactory(
        parent=parent, title=titel, zuletzt_geprueft=zuletzt_geprueft, eingereicht_von=eingereicht_von
    )
    page.first_published_at = timezone.make_aware(datetime(2024, 1, 10, 12))
    page.save()
    return page


@pytest.fixture
def faellig(site_tree, member, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"
    return veroeffentlicht(site_tree.praxisbeispiele, "Sprachcafé", date(2025, 3, 1), eingereicht_von=member)


def bestaetigen_url(page, faellig_seit):
    return reverse("praxisbeispiele:pruefung_bestaetigen", args=(erinnerungen.token(page, faellig_seit),))


def test_review_reminder_goes_to_the_submitter_once_with_confirm_and_change_links(
    faellig, site_tree, member, settings, django_capture_on_commit_callbacks
):
    veroeffentlicht(site_tree.praxisbeispiele, "Ohne Einreicherin", date(2025, 3, 1))
    veroeffentlicht(site_tree.praxisbeispiele, "Frisch geprüft", date(2026, 3, 2), eingereicht_von=member)

    with django_capture_on_commit_callbacks(execute=True):
        erste = pruefung_erinnern(date(2026, 3, 2))
        zweite = pruefung_erinnern(date(2026, 3, 2))

    link = bestaetigen_url(faellig, date(2026, 3, 1))
    assert (erste, zweite) == ([faellig], [])
    assert list(Benachrichtigung.objects.values_list("user", "art", "betreff", "url", "schluessel")) == [
        (member.pk, "pruefung_faellig", "Ist das noch aktuell? „Sprachcafé“", link, f"pruefung:{faellig.pk}:2026-03-01")
    ]
    [message] = mail.outbox
    assert (message.to, message.subject) == ([member.email], "Ist das noch aktuell? „Sprachcafé“")
    assert f"\nhttps://netzwerk.example.org{link}\n" in message.body
    assert f"\nmailto:{settings.REDAKTION_EMAIL}?subject=Änderung an „Sprachcafé“\n" in message.body
    assert "Sie erhalten diese Nachricht, weil Sie dieses Praxisbeispiel eingereicht haben." in message.body


def test_review_reminder_respects_the_mail_opt_out(faellig, member, django_capture_on_commit_callbacks):
    Mailabwahl.objects.create(user=member, art=Benachrichtigungsart.PRUEFUNG_FAELLIG)

    with django_capture_on_commit_callbacks(execute=True):
        pruefung_erinnern(date(2026, 3, 2))

    assert Benachrichtigung.objects.filter(user=member, art="pruefung_faellig").count() == 1
    assert mail.outbox == []


def test_confirmation_link_shows_a_button_and_changes_nothing_on_get(client, faellig):
    response = client.get(bestaetigen_url(faellig, date(2026, 3, 1)))

    faellig.refresh_from_db()
    assert response.status_code == 200
    assert "Ja, das ist noch aktuell" in response.content.decode()
    assert faellig.zuletzt_geprueft == date(2025, 3, 1)


def test_confirmation_post_sets_the_review_date_without_login(client, faellig):
    url = bestaetigen_url(faellig, date(2026, 3, 1))

    response = client.post(url)

    faellig.refresh_from_db()
    assert response.status_code == 200
    assert faellig.zuletzt_geprueft == timezone.localdate()
    assert client.post(url).status_code == 400


def test_tampered_confirmation_link_is_refused_in_german(client, faellig):
    url = bestaetigen_url(faellig, date(2026, 3, 1))

    response = client.post(url.replace("/pruefung/", "/pruefung/x"))

    faellig.refresh_from_db()
    assert response.status_code == 400
    assert "Dieser Link ist ungültig. Bitte öffnen Sie den Link aus der E-Mail vollständig" in response.content.decode()
    assert faellig.zuletzt_geprueft == date(2025, 3, 1)


def test_expired_confirmation_link_is_refused_in_german(client, faellig, monkeypatch):
    vor_91_tagen = time.time() - timedelta(days=91).total_seconds()
    monkeypatch.setattr("django.core.signing.time.time", lambda: vor_91_tagen)
    url = bestaetigen_url(faellig, date(2026, 3, 1))
    monkeypatch.undo()

    response = client.post(url)

    faellig.refresh_from_db()
    assert response.status_code == 400
    assert "Dieser Link ist abgelaufen." in response.content.decode()
    assert faellig.zuletzt_geprueft == date(2025, 3, 1)
