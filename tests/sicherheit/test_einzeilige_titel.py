"""Titles that go into e-mail subjects are one line, whatever a member types or posts."""

from django.core import mail

import pytest

from diskussionen.models import Diskussion
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import ensure_workflow
from tests.factories.einreichungen import einreichung_data
from tests.factories.netzwerk_site import ThemenfeldFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MEHRZEILIG = "Sprachcafé\r\nBcc: fremde@example.org\n\tMusterstadt "
EINZEILIG = "Sprachcafé Bcc: fremde@example.org Musterstadt"


def test_submission_title_with_line_breaks_is_stored_and_mailed_on_one_line(
    client, site_tree, member, editor, django_capture_on_commit_callbacks
):
    ensure_workflow()
    themenfeld = ThemenfeldFactory()
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/praxisbeispiele/einreichen/", einreichung_data([themenfeld], title=MEHRZEILIG))

    page = PraxisbeispielPage.objects.get()
    assert (response.status_code, page.title) == (302, EINZEILIG)
    assert [(message.to, message.subject) for message in mail.outbox] == [
        ([member.email], f"Ihr Praxisbeispiel „{EINZEILIG}“ ist eingegangen"),
        ([editor.email], f"Neue Einreichung: „{EINZEILIG}“"),
    ]


def test_discussion_title_with_line_breaks_is_stored_on_one_line(client, site_tree, member):
    client.force_login(member)

    response = client.post("/diskussionen/neu/", {"title": MEHRZEILIG, "body": "Wer hat Erfahrungen damit?"})

    assert (response.status_code, Diskussion.objects.get().title) == (302, EINZEILIG)
