"""Members submit Praxisbeispiele; Redaktion approves, requests changes or rejects them in the Wagtail admin."""

from django.core import mail
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Workflow, WorkflowPage, WorkflowState

import pytest

from konto.roles import Rolle
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import ensure_workflow
from tests.factories.einreichungen import (
    ELF_BYTES,
    EXE_BYTES,
    einreichung_data,
    pdf_upload,
    png_upload,
    upload,
)
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory, ZielgruppeFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

EINREICHEN_URL = "/praxisbeispiele/einreichen/"
TITLE = "Sprachcafé Musterstadt"


@pytest.fixture
def themenfeld(db):
    return ThemenfeldFactory(title="Sprache und Bildung")


def submit(client, themenfeld, **overrides):
    return client.post(EINREICHEN_URL, einreichung_data([themenfeld], **overrides))


def outbox():
    return [(message.to, message.subject) for message in mail.outbox]


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


@pytest.fixture
def submitted(client, member, editor, workflow, themenfeld):
    """A member's submission in review; the client is logged in as Redaktion and the outbox is empty."""
    client.force_login(member)
    submit(client, themenfeld)
    page = PraxisbeispielPage.objects.get(title=TITLE)
    client.force_login(editor)
    mail.outbox.clear()
    return page


# -- permissions -----------------------------------------------------------------------------------------------------
def test_anonymous_visitor_is_sent_to_the_login(client, workflow):
    response = client.get(EINREICHEN_URL)

    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/praxisbeispiele/einreichen/"


def test_inactive_member_is_sent_to_the_login(client, inactive_member, workflow):
    client.force_login(inactive_member)

    response = client.get(EINREICHEN_URL)

    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/praxisbeispiele/einreichen/"


def test_logged_in_user_without_network_role_may_not_submit(client, workflow, themenfeld):
    client.force_login(UserFactory())

    get_response = client.get(EINREICHEN_URL)
    post_response = submit(client, themenfeld)

    assert get_response.status_code == 403
    assert post_response.status_code == 403
    assert PraxisbeispielPage.objects.count() == 0


@pytest.mark.parametrize("role", ["member", "land_member", "editor"])
def test_members_and_redaktion_see_the_submission_form(request, client, workflow, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(EINREICHEN_URL)

    assert response.status_code == 200
    assert response.templates[0].name == "praxisbeispiele/einreichen.html"


def test_form_preselects_the_members_kommune(client, groups, workflow):
    kommune = KommuneFactory(name="Musterkreis")
    client.force_login(UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=kommune))

    response = client.get(EINREICHEN_URL)

    assert response.context["form"]["kommunen"].value() == [kommune.pk]


def test_thank_you_page_is_only_for_the_submitter(client, submitted, member, land_member):
    url = reverse("einreichung:danke", args=(submitted.pk,))
    client.force_login(member)
    own = client.get(url)
    client.force_login(land_member)

    other = client.get(url)

    assert own.status_code == 200
    assert other.status_code == 404


# -- submission --------------------------------------------------------------------------------------------------------
def test_submission_becomes_a_draft_in_editorial_review(
    client, member, editor, workflow, themenfeld, django_capture_on_commit_callbacks
):
    kommune, zielgruppe = KommuneFactory(), ZielgruppeFactory()
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(
            client,
            themenfeld,
            kommunen=[kommune.pk],
            zielgruppen=[zielgruppe.pk],
            anhaenge=[pdf_upload("konzept.pdf"), png_upload("foto.png")],
        )

    page = PraxisbeispielPage.objects.get()
    state = page.current_workflow_state
    assert response.status_code == 302
    assert response["Location"] == f"/praxisbeispiele/einreichen/{page.pk}/danke/"
    assert (page.title, page.slug, page.live, page.eingereicht_von, page.owner) == (
        TITLE,
        "sprachcafe-musterstadt",
        False,
        member,
        member,
    )
    assert page.get_parent().specific_class.__name__ == "PraxisbeispielIndexPage"
    assert list(page.themenfelder.all()) == [themenfeld]
    assert list(page.kommunen.all()) == [kommune]
    assert list(page.zielgruppen.all()) == [zielgruppe]
    assert page.ebene == "kommunal"
    assert [block.block_type for block in page.body] == ["absatz", "dokument", "bild"]
    assert str(page.body[0].value) == (
        "<p>Seit 2023 treffen sich Neuzugewanderte im Rathaus.</p><p>Das Café wird von der Kommune getragen.</p>"
    )
    assert page.body[2].value["alt_text"] == TITLE
    assert page.get_latest_revision().user == member
    assert (state.workflow.name, state.status, state.requested_by) == (
        "Redaktionelle Prüfung",
        WorkflowState.STATUS_IN_PROGRESS,
        member,
    )
    assert outbox() == [
        # The portal's confirmation to the member, then its notice to the Redaktion (Wagtail's own is suppressed).
        ([member.email], f"Ihr Praxisbeispiel „{TITLE}“ ist eingegangen"),
        ([editor.email], f"Neue Einreichung: „{TITLE}“"),
    ]


def test_attachments_are_stored_in_the_collection_einreichungen_under_their_real_type(
    client, member, workflow, themenfeld
):
    client.force_login(member)

    submit(client, themenfeld, anhaenge=[pdf_upload("konzept"), png_upload("foto.png")])

    document = get_document_model().objects.get()
    image = get_image_model().objects.get()
    assert (document.title, document.file_extension, document.collection.name) == ("konzept", "pdf", "Einreichungen")
    assert (image.title, image.width, image.collection.name) == ("foto", 8, "Einreichungen")
    assert (document.uploaded_by_user, image.uploaded_by_user) == (member, member)


def test_redaktion_may_submit_too(editor_client, editor, workflow, themenfeld):
    response = submit(editor_client, themenfeld)

    page = PraxisbeispielPage.objects.get()
    assert response.status_code == 302
    assert (page.live, page.eingereicht_von, page.current_workflow_state.requested_by) == (False, editor, editor)
    assert page.ebene == "land"


def test_contact_consent_is_recorded_with_the_member_who_gave_it(client, groups, workflow, themenfeld):
    member = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, first_name="Mara", last_name="Muster")
    client.force_login(member)

    submit(client, themenfeld, kontakt_name="Erika Beispiel", kontakt_einwilligung="on")

    page = PraxisbeispielPage.objects.get()
    assert page.kontakt_einwilligung_am is not None
    assert page.kontakt_einwilligung_von == "Erika Beispiel, erfasst von Mara Muster bei der Einreichung"


def test_contact_person_without_consent_is_refused(member_client, workflow, themenfeld):
    response = submit(member_client, themenfeld, kontakt_name="Erika Beispiel")

    assert response.context["form"].errors == {
        "kontakt_einwilligung": [
            "Bestätigen Sie, dass die Ansprechperson der Anzeige zugestimmt hat, "
            "oder lassen Sie die Angaben zur Ansprechperson leer."
        ]
    }
    assert PraxisbeispielPage.objects.count() == 0


def test_invalid_submission_keeps_everything_the_member_typed(member_client, workflow, themenfeld):
    data = einreichung_data([], website="kein link", kontakt_name="Erika Beispiel", kontakt_einwilligung="on")

    response = member_client.post(EINREICHEN_URL, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "themenfelder": ["Wählen Sie mindestens ein Themenfeld aus."],
        "website": ["Geben Sie eine vollständige Internetadresse ein, zum Beispiel https://www.example.org/."],
    }
    assert 'value="Sprachcafé Musterstadt"' in html
    assert "Ehrenamtliche laden jede Woche zum Deutschüben ein.</textarea>" in html
    assert "Das Café wird von der Kommune getragen.</textarea>" in html
    assert 'value="Integrationsbüro Musterstadt"' in html
    assert 'value="kein link"' in html
    assert 'value="Erika Beispiel"' in html
    assert (
        '<input type="checkbox" name="kontakt_einwilligung" class="kern-form-check__checkbox" '
        'id="id_kontakt_einwilligung" checked>'
    ) in html
    assert "wählen Sie Ihre Anhänge bitte noch einmal aus." in html
    assert PraxisbeispielPage.objects.count() == 0


# -- attachments -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("bericht.pdf", ELF_BYTES, "application/pdf"),
        ("foto.png", EXE_BYTES, "image/png"),
        ("notizen.pdf", b"Nur Text, kein PDF.", "application/pdf"),
    ],
)
def test_file_that_is_not_a_pdf_or_image_by_content_is_refused(
    member_client, workflow, themenfeld, name, content, content_type
):
    response = submit(member_client, themenfeld, anhaenge=[pdf_upload("echt.pdf"), upload(name, content, content_type)])

    assert response.context["form"].errors == {
        "anhaenge": [
            f"Die Datei „{name}“ ist weder ein PDF-Dokument noch ein Bild (PNG, JPEG, GIF, WebP). "
            "Wählen Sie eine PDF- oder Bilddatei aus."
        ]
    }
    assert PraxisbeispielPage.objects.count() == 0
    assert get_document_model().objects.count() == 0


def test_too_large_file_is_refused(member_client, workflow, themenfeld, settings):
    settings.UPLOADS = {**settings.UPLOADS, "MAX_BYTES": 50}

    response = submit(member_client, themenfeld, anhaenge=[pdf_upload("konzept.pdf")])

    assert response.context["form"].errors == {
        "anhaenge": [
            "Die Datei „konzept.pdf“ ist 77\xa0Bytes groß. Wählen Sie eine Datei bis 50\xa0Bytes oder verkleinern Sie sie."
        ]
    }
    assert PraxisbeispielPage.objects.count() == 0


def test_more_than_five_files_are_refused(member_client, workflow, themenfeld):
    files = [pdf_upload(f"teil-{n}.pdf") for n in range(6)]

    response = submit(member_client, themenfeld, anhaenge=files)

    assert response.context["form"].errors == {
        "anhaenge": ["Sie haben 6 Dateien gewählt. Wählen Sie höchstens 5 Dateien aus."]
    }
    assert PraxisbeispielPage.objects.count() == 0


# -- editorial review --------------------------------------------------------------------------------------------------
def test_approval_publishes_the_submission_and_tells_the_submitter(
    client, submitted, member, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org"

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, submitted, "approve", comment="Danke, sehr anschaulich.")

    submitted.refresh_from_db()
    assert response.status_code == 302
    assert submitted.live is True
    assert submitted.current_workflow_state is None
    assert outbox() == [([member.email], f"Ihr Praxisbeispiel „{TITLE}“ ist veröffentlicht")]
    assert "Danke, sehr anschaulich." in mail.outbox[0].body
    assert f"\nhttps://netzwerk.example.org/praxisbeispiele/{submitted.slug}/\n" in mail.outbox[0].body


def test_requesting_changes_keeps_the_draft_and_sends_the_comment(
    client, submitted, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, submitted, "reject", comment="Bitte ergänzen Sie die Finanzierung.")

    submitted.refresh_from_db()
    assert submitted.live is False
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert outbox() == [([member.email], f"Bitte überarbeiten Sie Ihr Praxisbeispiel „{TITLE}“")]
    assert "Bitte ergänzen Sie die Finanzierung." in mail.outbox[0].body


def test_final_rejection_cancels_the_workflow_and_leaves_the_page_unpublished(
    client, submitted, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, submitted, "ablehnen", comment="Das Beispiel ist kein Angebot einer Kommune.")

    submitted.refresh_from_db()
    state = WorkflowState.objects.get()
    assert submitted.live is False
    assert submitted.workflow_in_progress is False
    assert (state.status, state.current_task_state.status) == (WorkflowState.STATUS_CANCELLED, "rejected")
    assert outbox() == [([member.email], f"Ihr Praxisbeispiel „{TITLE}“ wird nicht veröffentlicht")]
    assert "Das Beispiel ist kein Angebot einer Kommune." in mail.outbox[0].body


@pytest.mark.parametrize("action", ["reject", "ablehnen"])
def test_requesting_changes_or_rejecting_needs_a_comment(client, submitted, action, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, submitted, action, comment="")

    submitted.refresh_from_db()
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert mail.outbox == []


def test_member_cannot_approve_her_own_submission(client, submitted, member):
    client.force_login(member)

    response = workflow_action(client, submitted, "approve")

    submitted.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert submitted.live is False


def test_redaktion_is_offered_the_three_review_actions(submitted, editor, member):
    task = submitted.current_workflow_task

    editor_actions = [(name, str(label)) for name, label, _modal in task.get_actions(submitted, editor)]
    member_actions = task.get_actions(submitted, member)

    assert editor_actions == [("approve", "Freigeben"), ("reject", "Änderungen anfordern"), ("ablehnen", "Ablehnen")]
    assert member_actions == []


# -- /konto/ ---------------------------------------------------------------------------------------------------------
def test_konto_shows_the_state_of_each_submission_with_the_last_comment(client, member, editor, workflow, themenfeld):
    client.force_login(member)
    for title in ["Erstes Beispiel", "Zweites Beispiel", "Drittes Beispiel", "Viertes Beispiel"]:
        submit(client, themenfeld, title=title)
    erstes, zweites, drittes, _viertes = PraxisbeispielPage.objects.order_by("pk")
    client.force_login(editor)
    workflow_action(client, erstes, "approve")
    workflow_action(client, zweites, "reject", comment="Bitte kürzen.")
    workflow_action(client, drittes, "ablehnen", comment="Passt nicht.")
    client.force_login(member)

    response = client.get("/konto/")

    rows = [(e.title, e.stand.label, e.kommentar) for e in response.context["einreichungen"]]
    assert rows == [
        ("Viertes Beispiel", "In Prüfung", ""),
        ("Drittes Beispiel", "Abgelehnt", "Passt nicht."),
        ("Zweites Beispiel", "Änderungen angefordert", "Bitte kürzen."),
        ("Erstes Beispiel", "Veröffentlicht", ""),
    ]
    assert 'href="/praxisbeispiele/erstes-beispiel/">Erstes Beispiel</a>' in response.content.decode()
    assert 'href="/praxisbeispiele/einreichen/"' in response.content.decode()


def test_konto_does_not_list_submissions_of_other_members(client, submitted, land_member):
    client.force_login(land_member)

    response = client.get("/konto/")

    assert response.context["einreichungen"] == []
    assert TITLE not in response.content.decode()
    assert "Sie haben noch kein Praxisbeispiel eingereicht." in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_konto_query_count_is_constant(client, member, workflow, themenfeld, django_assert_num_queries, count):
    client.force_login(member)
    for number in range(count):
        submit(client, themenfeld, title=f"Beispiel {number}")

    # 2 of them are the navigation: the Site of the request and the children of its root page.
    # 9 for the page and its submissions list, +4 for the registrations, threads, follows and adoptions sections
    # of the other apps, +1 for the header's unread notification count.
    with django_assert_num_queries(14):
        response = client.get("/konto/")

    assert len(response.context["einreichungen"]) == count


def test_ensure_workflow_is_idempotent(site_tree, groups):
    first = ensure_workflow()

    second = ensure_workflow()

    assert first == second
    assert Workflow.objects.filter(name="Redaktionelle Prüfung").count() == 1
    assert list(WorkflowPage.objects.filter(workflow=first).values_list("page_id", flat=True)) == [
        site_tree.praxisbeispiele.pk
    ]
    assert [task.specific.groups.get().name for task in first.tasks] == ["Redaktion"]
