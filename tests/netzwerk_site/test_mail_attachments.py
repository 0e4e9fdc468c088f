"""netzwerk_site.mail.send with attachments: binary files reach the sent message; without them none appear."""

from email import message_from_bytes

from django.core import mail as outbox

import pytest

from netzwerk_site import mail
from netzwerk_site.models import Barrieremeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"


def context():
    meldung = Barrieremeldung.objects.create(seite="/", beschreibung="Kontrast zu schwach.", email="e@example.org")
    return {"meldung": meldung}


def test_a_binary_attachment_reaches_the_sent_message_with_its_type(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(
            "mail/barriere_redaktion",
            "erika@example.org",
            context(),
            attachments=[("termin.ics", ICS, "text/calendar; method=PUBLISH")],
        )

    sent = message_from_bytes(outbox.outbox[0].message().as_bytes())
    (part,) = [p for p in sent.walk() if p.get_filename()]
    assert (part.get_filename(), part.get_content_type(), part.get_param("method")) == (
        "termin.ics",
        "text/calendar",
        "PUBLISH",
    )
    # MIME text parts travel with the line endings of the transport; the lines themselves arrive unchanged.
    assert part.get_payload(decode=True).splitlines() == ICS.splitlines()


def test_a_mail_sent_without_attachments_has_none(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send("mail/barriere_redaktion", "erika@example.org", context())

    assert outbox.outbox[0].attachments == []
