"""E-mails to the member who submitted a Praxisbeispiel, at each step of the editorial workflow."""

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from praxisbeispiele.models import PraxisbeispielPage, RedaktionellePruefungTask
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
    einreichung_abgelehnt.connect(
        on_einreichung_abgelehnt, sender=RedaktionellePruefungTask, dispatch_uid="einreichung_abgelehnt"
    )
