"""After "Änderungen anfordern" the submitter revises her submission and sends it back into the same workflow."""

from django.core import mail

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import TaskState, WorkflowState

import pytest

from praxisbeispiele.models import PraxisbeispielPage
from tests.factories.einreichungen import einreichung_data, pdf_upload, png_upload
from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.praxisbeispiele.test_submission import TITLE, workflow_action

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

KOMMENTAR = "Bitte ergänzen Sie die Finanzierung."


@pytest.fixture
def themenfeld(db):
    return ThemenfeldFactory(title="Sprache und Bildung")


def edit_url(page):
    return f"/praxisbeispiele/einreichen/{page.pk}/bearbeiten/"


@pytest.fixture
def submitted(client, member, editor, workflow, themenfeld):
    """A member's submission with a PDF and a picture, in review; the client is logged in as the member."""
    client.force_login(member)
    client.post(
        "/praxisbeispiele/einreichen/",
        einreichung_data([themenfeld], anhaenge=[pdf_upload("konzept.pdf"), png_upload("foto.png")]),
    )
    client.force_login(member)
    return PraxisbeispielPage.objects.get(title=TITLE)


@pytest.fixture
def needs_changes(client, submitted, member, editor):
    """The submission after Redaktion asked for changes; the client is logged in as the member, outbox empty."""
    client.force_login(editor)
    workflow_action(client, submitted, "reject", comment=KOMMENTAR)
    client.force_login(member)
    mail.outbox.clear()
    return submitted


def revised_data(page, themenfeld, **overrides):
    dokument_block = next(
        block for block in page.get_latest_revision_as_object().body if block.block_type == "dokument"
    )
    data = einreichung_data(
        [themenfeld],
        title="Sprachcafé Musterstadt mit Finanzierung",
        description="Seit 2023 treffen sich Neuzugewanderte im Rathaus.\n\nDie Kommune zahlt die Miete.",
        entfernen=[dokument_block.id],
        anhaenge=[pdf_upload("finanzplan.pdf")],
    )
    data.update(overrides)
    return data


# -- the mail that asks for changes -------------------------------------------------------------------------------
def test_changes_mail_links_to_the_edit_page(
    client, submitted, member, editor, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"
    client.force_login(editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, submitted, "reject", comment=KOMMENTAR)

    [message] = mail.outbox
    html = message.alternatives[0][0]
    link = f"https://netzwerk.example.org/praxisbeispiele/einreichen/{submitted.pk}/bearbeiten/"
    assert (message.to, message.subject) == ([member.email], f"Bitte überarbeiten Sie Ihr Praxisbeispiel „{TITLE}“")
    assert f"Ändern Sie Ihre Einreichung hier und schicken Sie sie erneut an die Redaktion:\n{link}\n" in message.body
    assert f'<a href="{link}">Ändern Sie Ihre Einreichung</a>' in html
    assert "Schicken Sie die geänderten Angaben" not in message.body


# -- the edit page -----------------------------------------------------------------------------------------------
def test_edit_page_shows_the_comment_and_the_submission_prefilled(client, needs_changes):
    response = client.get(edit_url(needs_changes))

    html = response.content.decode()
    form = response.context["form"]
    assert response.status_code == 200
    assert response.templates[0].name == "praxisbeispiele/einreichung_bearbeiten.html"
    assert response.context["kommentar"] == KOMMENTAR
    assert (form["title"].value(), form["summary"].value()) == (
        TITLE,
        "Ehrenamtliche laden jede Woche zum Deutschüben ein.",
    )
    assert form["description"].value() == (
        "Seit 2023 treffen sich Neuzugewanderte im Rathaus.\n\nDas Café wird von der Kommune getragen."
    )
    assert [label for _value, label in form.fields["entfernen"].choices] == [
        "„konzept“ entfernen",
        "„foto“ entfernen",
    ]
    assert "<p>Bitte ergänzen Sie die Finanzierung.</p>" in html
    assert '<span class="kern-label">Überarbeitung an die Redaktion senden</span></button>' in html


def test_member_resubmits_into_the_same_workflow_and_task(
    client, needs_changes, member, editor, themenfeld, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"
    state_before = needs_changes.current_workflow_state
    task_before = state_before.current_task_state.task

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(needs_changes), revised_data(needs_changes, themenfeld))

    needs_changes.refresh_from_db()
    state = needs_changes.current_workflow_state
    revision = needs_changes.get_latest_revision()
    entwurf = revision.as_object()
    assert response.status_code == 302
    assert response["Location"] == f"/praxisbeispiele/einreichen/{needs_changes.pk}/ueberarbeitet/"
    assert (state.pk, state.status, state.current_task_state.task) == (
        state_before.pk,
        WorkflowState.STATUS_IN_PROGRESS,
        task_before,
    )
    assert state.current_task_state.revision == revision
    assert revision.user == member
    assert needs_changes.live is False
    assert entwurf.title == "Sprachcafé Musterstadt mit Finanzierung"
    assert [block.block_type for block in entwurf.body] == ["absatz", "bild", "dokument"]
    assert str(entwurf.body[0].value) == (
        "<p>Seit 2023 treffen sich Neuzugewanderte im Rathaus.</p><p>Die Kommune zahlt die Miete.</p>"
    )
    assert entwurf.body[2].value["document"].title == "finanzplan"
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["finanzplan"]
    assert list(get_image_model().objects.values_list("title", flat=True)) == ["foto"]
    ueberarbeitet = [m for m in mail.outbox if m.subject.startswith("Überarbeitete Einreichung")]
    assert [(m.to, m.subject) for m in ueberarbeitet] == [
        ([editor.email], "Überarbeitete Einreichung: „Sprachcafé Musterstadt mit Finanzierung“")
    ]
    assert f"\nhttps://netzwerk.example.org/admin/pages/{needs_changes.pk}/edit/\n" in ueberarbeitet[0].body


def test_redaktion_gets_one_mail_about_the_resubmission(
    client, needs_changes, editor, themenfeld, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(needs_changes), revised_data(needs_changes, themenfeld))

    # Wagtail restarts the task; its own notice is suppressed because the portal's says the same and more.
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([editor.email], "Überarbeitete Einreichung: „Sprachcafé Musterstadt mit Finanzierung“"),
    ]


def test_thank_you_page_after_resubmission(client, needs_changes, themenfeld):
    client.post(edit_url(needs_changes), revised_data(needs_changes, themenfeld))

    response = client.get(f"/praxisbeispiele/einreichen/{needs_changes.pk}/ueberarbeitet/")

    assert response.status_code == 200
    assert "Die Redaktion hat „Sprachcafé Musterstadt mit Finanzierung“ wieder zur Prüfung erhalten." in (
        response.content.decode()
    )


def test_invalid_resubmission_changes_nothing(client, needs_changes, themenfeld):
    revisions = needs_changes.revisions.count()

    response = client.post(edit_url(needs_changes), revised_data(needs_changes, themenfeld, title=""))

    needs_changes.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors == {"title": ["Geben Sie einen Titel für das Praxisbeispiel ein."]}
    assert needs_changes.revisions.count() == revisions
    assert needs_changes.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert get_document_model().objects.count() == 1


def test_resubmission_sent_twice_saves_one_revision(client, needs_changes, themenfeld):
    data = revised_data(needs_changes, themenfeld, anhaenge=[])
    revisions = needs_changes.revisions.count()

    first = client.post(edit_url(needs_changes), data)
    second = client.post(edit_url(needs_changes), data)

    assert first["Location"] == second["Location"] == f"/praxisbeispiele/einreichen/{needs_changes.pk}/ueberarbeitet/"
    assert needs_changes.revisions.count() == revisions + 1
    assert TaskState.objects.filter(workflow_state__object_id=str(needs_changes.pk)).count() == 2


# -- who may edit, and when ------------------------------------------------------------------------------------------
def test_other_member_is_refused(client, needs_changes, land_member, themenfeld):
    client.force_login(land_member)

    get_response = client.get(edit_url(needs_changes))
    post_response = client.post(edit_url(needs_changes), revised_data(needs_changes, themenfeld))

    assert (get_response.status_code, post_response.status_code) == (404, 404)
    assert needs_changes.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_anonymous_visitor_is_sent_to_the_login(client, needs_changes):
    client.logout()

    response = client.get(edit_url(needs_changes))

    assert response.status_code == 302
    assert response["Location"] == f"/konto/anmelden/?next=/praxisbeispiele/einreichen/{needs_changes.pk}/bearbeiten/"


def test_edit_is_refused_while_in_review(client, submitted, themenfeld):
    response = client.get(edit_url(submitted))

    assert response.status_code == 409
    assert "Die Redaktion hat keine Änderungen angefordert." in response.content.decode()


def test_edit_is_refused_after_approval(client, submitted, member, editor, themenfeld):
    client.force_login(editor)
    workflow_action(client, submitted, "approve")
    client.force_login(member)
    revisions = submitted.revisions.count()

    get_response = client.get(edit_url(submitted))
    post_response = client.post(edit_url(submitted), revised_data(submitted, themenfeld))

    assert (get_response.status_code, post_response.status_code) == (409, 409)
    assert submitted.revisions.count() == revisions


def test_konto_links_the_submission_that_needs_changes(client, needs_changes):
    response = client.get("/konto/")

    html = response.content.decode()
    assert (
        f'<a href="/praxisbeispiele/einreichen/{needs_changes.pk}/bearbeiten/">Einreichung überarbeiten'
        f'<span class="visually-hidden">: {TITLE}</span></a>'
    ) in html


def test_edit_page_query_count(client, needs_changes, django_assert_num_queries):
    # Session user and groups, the page, its workflow state, the latest revision and what restoring it loads
    # (parent, locale, content type, owner and submitter, Themenfelder, comments, document, image), the
    # navigation (Site, root's children) and the choices of Themenfelder, Kommunen and Zielgruppen.
    # +1: the header's unread notification count (konto.context_processors), cached per member after this request.
    with django_assert_num_queries(22):
        response = client.get(edit_url(needs_changes))

    assert response.status_code == 200


# -- maxlength ------------------------------------------------------------------------------------------------------
def test_too_long_title_and_summary_are_refused_with_the_limit(member_client, workflow, themenfeld):
    data = einreichung_data([themenfeld], title="T" * 256, summary="Z" * 601)

    response = member_client.post("/praxisbeispiele/einreichen/", data)

    assert response.context["form"].errors == {
        "title": ["„Titel“ darf höchstens 255 Zeichen lang sein, Ihre Eingabe hat 256. Kürzen Sie den Text bitte."],
        "summary": [
            "„Zusammenfassung“ darf höchstens 600 Zeichen lang sein, Ihre Eingabe hat 601. Kürzen Sie den Text bitte."
        ],
    }


def test_submission_form_gives_its_limits_to_the_character_counter_instead_of_maxlength(member_client, workflow):
    response = member_client.get("/praxisbeispiele/einreichen/")

    html = response.content.decode()
    assert '<script src="/static/js/netzwerk.js" defer></script>' in html
    assert 'data-zeichen-max="255"' in html
    assert 'data-zeichen-max="600"' in html
    assert ('maxlength="255"' in html, 'maxlength="600"' in html) == (False, False)
