"""E-mails to the member who submitted a Praxisbeispiel, at each step of the editorial workflow, and the
adoption count each Praxisbeispiel stores for the library's sort."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from praxisbeispiele import uebernahmen
from praxisbeispiele.models import PraxisbeispielPage, RedaktionellePruefungTask, Uebernahme
from praxisbeispiele.signals import einreichung_abgelehnt
from praxisbeispiele.submission import SubmissionTaskNotifier, notify_submitter


def _submission(workflow_state):
    """The submitted page if the workflow was started by the member who submitted it, else None.

    Workflows Redaktion starts on the same page later are its own business and send no e-mail.
    """
    page = workflow_state.content_object.specific
    if not isinstance(page, PraxisbeispielPage) or page.eingereicht_von_id is None:
        return None
    if workflow_state.requested_by_id != page.eingereicht_von_id:
        return None
    return page


def _comment(workflow_state):
    task_state = workflow_state.current_task_state
    return task_state.comment if task_state else ""


def on_workflow_submitted(sender, instance, **kwargs):
    if page := _submission(instance):
        notify_submitter(page, "eingegangen")


def on_workflow_approved(sender, instance, **kwargs):
    if page := _submission(instance):
        page.refresh_from_db()
        notify_submitter(page, "veroeffentlicht", _comment(instance))


def on_workflow_rejected(sender, instance, **kwargs):
    if page := _submission(instance):
        notify_submitter(page, "aenderungen", _comment(instance))


def on_einreichung_abgelehnt(sender, task_state, **kwargs):
    if page := _submission(task_state.workflow_state):
        notify_submitter(page, "abgelehnt", task_state.comment)


def on_uebernahme_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        uebernahmen.zaehlen(instance.praxisbeispiel_id)


def on_uebernahme_deleted(sender, instance, **kwargs):
    # Also on cascades (a Kommune or a page deleted): Django sends post_delete for each collected row.
    uebernahmen.zaehlen(instance.praxisbeispiel_id)


def on_published(sender, instance, **kwargs):
    # Publishing writes the revision's copy of every field, an older revision its older count.
    uebernahmen.zaehlen(instance.pk)


# Wagtail connects its task notice under this uid when wagtail.admin is ready (after this app); taking the uid
# first makes Wagtail's connect a no-op, so member submissions do not reach the Redaktion twice.
WAGTAIL_TASK_NOTICE = "group_approval_task_submitted_email_notification"
task_notifier = SubmissionTaskNotifier()


def connect():
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_TASK_NOTICE)
    task_submitted.connect(task_notifier, sender=TaskState, dispatch_uid=WAGTAIL_TASK_NOTICE)
    workflow_submitted.connect(on_workflow_submitted, sender=WorkflowState, dispatch_uid="einreichung_eingegangen")
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="einreichung_veroeffentlicht")
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="einreichung_aenderungen")
    post_save.connect(on_uebernahme_saved, sender=Uebernahme, dispatch_uid="uebernahmen_zaehlen_neu")
    post_delete.connect(on_uebernahme_deleted, sender=Uebernahme, dispatch_uid="uebernahmen_zaehlen_entfernt")
    page_published.connect(on_published, sender=PraxisbeispielPage, dispatch_uid="uebernahmen_zaehlen_veroeffentlicht")
    einreichung_abgelehnt.connect(
        on_einreichung_abgelehnt, sender=RedaktionellePruefungTask, dispatch_uid="einreichung_abgelehnt"
    )
