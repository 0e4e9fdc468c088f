"""netzwerk_site.mail as a task: rendered in the caller, enqueued after the commit, retried while the server refuses."""

import base64
from datetime import timedelta

from django.core import mail as outbox
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone

import pytest
from django_tasks import default_task_backend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from konto.roles import Rolle
from netzwerk_site import mail
from netzwerk_site.models import Barrieremeldung, Mailversand
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PDF = b"%PDF-1.4\n\x00\xff\xfe"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class FailingBackend(LocmemBackend):
    """Refuses the first `failures` messages with the error a refusing SMTP server gives, then sends."""

    failures = 0
    attempts = 0

    def send_messages(self, messages):
        FailingBackend.attempts += 1
        if FailingBackend.attempts <= FailingBackend.failures:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)


@pytest.fixture
def refusing(settings):
    """Call with k: the mail server refuses the next k attempts."""
    settings.EMAIL_BACKEND = "tests.netzwerk_site.test_mail_tasks.FailingBackend"
    settings.MAIL_VERSUCHE = 3

    def refuse(k):
        FailingBackend.failures, FailingBackend.attempts = k, 0

    return refuse


def send_meldung(**kwargs):
    meldung = Barrieremeldung.objects.create(seite="/", beschreibung="Kontrast & Farbe.", email="e@example.org")
    return mail.send("mail/barriere_redaktion", "erika@example.org", {"meldung": meldung}, **kwargs)


def test_the_task_is_enqueued_only_after_the_commit_with_the_rendered_mail(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY

    with django_capture_on_commit_callbacks() as callbacks:
        send_meldung()
        enqueued_before_commit = len(default_task_backend.results)
    for callback in callbacks:
        callback()

    (result,) = default_task_backend.results
    (nachricht,) = result.args
    assert enqueued_before_commit == 0
    assert (result.task.name, nachricht["vorlage"], nachricht["an"]) == (
        "zustellen",
        "mail/barriere_redaktion",
        ["erika@example.org"],
    )
    assert nachricht["betreff"] == mail.render_subject("mail/barriere_redaktion", {})
    assert "Kontrast & Farbe." in nachricht["text"]
    assert "Kontrast &amp; Farbe." in nachricht["html"]


def test_a_rolled_back_action_enqueues_nothing(settings, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY

    with django_capture_on_commit_callbacks(execute=False):
        send_meldung()

    assert default_task_backend.results == []


def test_binary_attachments_travel_as_base64_and_arrive_as_bytes(settings, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY
    with django_capture_on_commit_callbacks(execute=True):
        send_meldung(attachments=[("bericht.pdf", PDF, "application/pdf"), ("a.txt", "Text", None)])
    (nachricht,) = default_task_backend.results[0].args

    mail.zustellen.call(nachricht)

    assert nachricht["anhaenge"] == [
        ["bericht.pdf", base64.b64encode(PDF).decode(), "application/pdf", True],
        ["a.txt", "Text", None, False],
    ]
    assert outbox.outbox[0].attachments[0][:2] == ("bericht.pdf", PDF)
    assert outbox.outbox[0].attachments[1][:2] == ("a.txt", "Text")


def test_a_refused_mail_is_retried_visibly_and_finally_sent(refusing, django_capture_on_commit_callbacks):
    refusing(2)

    with django_capture_on_commit_callbacks(execute=True):
        send_meldung()

    versand = Mailversand.objects.get()
    assert (versand.empfaenger, versand.vorlage, versand.stand, versand.versuche) == (
        "erika@example.org",
        "mail/barriere_redaktion",
        Mailversand.Stand.ZUGESTELLT,
        3,
    )
    assert versand.letzter_fehler == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert [message.to for message in outbox.outbox] == [["erika@example.org"]]


def test_a_mail_refused_on_every_attempt_stays_visible_as_given_up_with_its_content(
    refusing, caplog, django_capture_on_commit_callbacks
):
    refusing(99)

    with django_capture_on_commit_callbacks(execute=True):
        send_meldung()

    versand = Mailversand.objects.get()
    assert (versand.stand, versand.versuche, FailingBackend.attempts) == (Mailversand.Stand.AUFGEGEBEN, 3, 3)
    assert versand.betreff == versand.nachricht["betreff"]
    assert "Kontrast & Farbe." in versand.nachricht["text"]
    assert outbox.outbox == []
    assert [record.getMessage() for record in caplog.records] == [
        "Mail mail/barriere_redaktion to 1 recipients not sent"
    ]


def test_a_backend_that_can_defer_gets_the_retry_after_a_growing_pause(refusing, settings):
    refusing(1)
    settings.TASKS = DUMMY
    settings.MAIL_WIEDERHOLEN_NACH_SEKUNDEN = 60
    nachricht = {
        "vorlage": "mail/test",
        "betreff": "Betreff",
        "text": "Text",
        "html": "<p>Text</p>",
        "von": "portal@example.org",
        "an": ["erika@example.org"],
        "headers": {},
        "antwort_an": [],
        "anhaenge": [],
    }
    before = timezone.now()

    mail.zustellen.call(nachricht, 2)

    (retry,) = default_task_backend.results
    versand = Mailversand.objects.get()
    assert retry.args == [nachricht, 3, versand.pk]
    assert before + timedelta(seconds=120) <= retry.task.run_after <= timezone.now() + timedelta(seconds=120)
    assert (versand.stand, versand.versuche) == (Mailversand.Stand.WIRD_WIEDERHOLT, 2)


def test_mailversand_is_listed_read_only_for_the_redaktion(client, groups):
    Mailversand.objects.create(
        empfaenger="erika@example.org",
        betreff="Neue Barrieremeldung",
        vorlage="mail/barriere_redaktion",
        versuche=5,
        letzter_fehler="ConnectionRefusedError: [Errno 111] Connection refused",
        stand=Mailversand.Stand.AUFGEGEBEN,
    )
    client.force_login(UserFactory(rolle=Rolle.REDAKTION))

    response = client.get("/admin/mailversand/")

    content = response.content.decode()
    assert response.status_code == 200
    assert ("erika@example.org" in content, "ConnectionRefusedError" in content, "Aufgegeben" in content) == (
        True,
        True,
        True,
    )
    assert client.get("/admin/mailversand/new/").status_code == 404


def test_mailversand_is_closed_to_members_without_admin_access(client, groups):
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE))

    response = client.get("/admin/mailversand/")

    assert response.status_code == 302


def test_with_the_database_backend_a_worker_sends_the_queued_mail_and_defers_a_refused_one(
    settings, refusing, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    refusing(1)
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_meldung()
    (queued,) = DBTaskResult.objects.ready()

    worker.run_task(queued)

    (retry,) = DBTaskResult.objects.exclude(pk=queued.pk)
    assert (outbox.outbox, DBTaskResult.objects.ready().count()) == ([], 0)
    assert retry.run_after > timezone.now() + timedelta(seconds=50)
    assert Mailversand.objects.get().stand == Mailversand.Stand.WIRD_WIEDERHOLT

    worker.run_task(retry)

    assert [message.to for message in outbox.outbox] == [["erika@example.org"]]
    assert Mailversand.objects.get().stand == Mailversand.Stand.ZUGESTELLT
