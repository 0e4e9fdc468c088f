"""Submissions notify the Redaktion and the submitter through konto.benachrichtigen: row, mail, link and reason."""

from django.core import mail

import pytest

from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import Rolle
from praxisbeispiele.models import PraxisbeispielPage
from tests.factories.einreichungen import einreichung_data
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import ThemenfeldFactory
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
