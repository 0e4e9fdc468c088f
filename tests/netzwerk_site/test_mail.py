"""netzwerk_site.mail: subject, text and HTML from templates, sent after the commit, links from the site URL."""

from django.core import mail as outbox

import pytest

from netzwerk_site import mail
from netzwerk_site.models import Barrieremeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def meldung(**overrides):
    felder = {"seite": "/", "beschreibung": "Kontrast zu schwach.", "email": "erika@example.org", **overrides}
    return Barrieremeldung.objects.create(**felder)


def send_meldung():
    return mail.send("mail/barriere_redaktion", "erika@example.org", {"meldung": meldung(), "site_name": "Netz"})


def test_mail_leaves_only_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        send_meldung()
    before_commit = len(outbox.outbox)

    for callback in callbacks:
        callback()

    assert (before_commit, [m.to for m in outbox.outbox]) == (0, [["erika@example.org"]])


def test_mail_has_text_and_html_alternative_from_the_default_sender(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_meldung()

    message = outbox.outbox[0]
    html, mimetype = message.alternatives[0]
    assert (message.subject, message.from_email) == (
        "Neue Barrieremeldung",
        settings.DEFAULT_FROM_EMAIL,
    )
    assert "Kontrast zu schwach." in message.body
    assert mimetype == "text/html"
    assert '<html lang="de">' in html
    assert "<p>Kontrast zu schwach.</p>" in html


def test_text_part_is_not_html_escaped(django_capture_on_commit_callbacks):
    context = {"meldung": meldung(beschreibung="Links & Rechts <unklar>"), "site_name": "Netz"}

    with django_capture_on_commit_callbacks(execute=True):
        mail.send("mail/barriere_redaktion", "erika@example.org", context)

    message = outbox.outbox[0]
    assert "Links & Rechts <unklar>" in message.body
    assert "Links &amp; Rechts &lt;unklar&gt;" in message.alternatives[0][0]


def test_subject_with_line_breaks_from_user_input_becomes_one_line():
    page = type("Page", (), {"title": "Sprachcafé\r\nBcc: alle@example.org\n  Mainz"})()

    subject = mail.render_subject("veranstaltungen/mail/nachgerueckt", {"page": page})

    assert subject == "Sie haben einen Platz: Sprachcafé Bcc: alle@example.org Mainz"


def test_empty_recipients_send_nothing(django_capture_on_commit_callbacks):
    context = {"meldung": meldung()}

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        queued = [mail.send("mail/barriere_redaktion", to, context) for to in ("", [], ["", None])]

    assert (queued, callbacks, outbox.outbox) == ([0, 0, 0], [], [])


def test_several_recipients_headers_and_attachments(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(
            "mail/barriere_redaktion",
            ["a@example.org", "b@example.org"],
            {"meldung": meldung()},
            attachments=[("meldung.txt", "Kontrast", "text/plain")],
            headers={"X-Netzwerk": "1"},
            reply_to="erika@example.org",
        )

    message = outbox.outbox[0]
    assert (message.to, message.reply_to, message.extra_headers) == (
        ["a@example.org", "b@example.org"],
        ["erika@example.org"],
        {"X-Netzwerk": "1"},
    )
    assert message.attachments[0][:2] == ("meldung.txt", "Kontrast")


def test_a_failing_mail_server_is_logged_and_does_not_break_the_action(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)

    with django_capture_on_commit_callbacks(execute=True):
        send_meldung()

    assert [record.getMessage() for record in caplog.records] == [
        "Mail mail/barriere_redaktion to 1 recipients not sent"
    ]


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        ("https://netzwerk.example.org", "/konto/", "https://netzwerk.example.org/konto/"),
        ("https://netzwerk.example.org/", "konto/", "https://netzwerk.example.org/konto/"),
        ("https://netzwerk.example.org/", "https://andere.example.org/x/", "https://andere.example.org/x/"),
    ],
)
def test_links_are_absolute_from_the_configured_site_url(settings, base, path, expected):
    settings.WAGTAILADMIN_BASE_URL = base

    assert mail.absolute_url(path) == expected


def test_links_in_a_sent_mail_come_from_the_setting(settings, django_capture_on_commit_callbacks):
    from konto.invitations import create_invitation, send_invitation

    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"
    einladung, token = create_invitation(email="neu@example.org", rolle="Mitglied (Kommune)", created_by=None)

    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(einladung, token)

    message = outbox.outbox[0]
    assert f"https://netzwerk.example.org/konto/einladung/{token}/" in message.body
    assert f'href="https://netzwerk.example.org/konto/einladung/{token}/"' in message.alternatives[0][0]
