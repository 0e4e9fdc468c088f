"""Member submissions of Praxisbeispiele: draft page, attachments, editorial workflow and e-mails to the submitter.

A submission is a draft PraxisbeispielPage (live=False) in the workflow "Redaktionelle Prüfung". The submitter
is told by e-mail about each step of the workflows she started herself. When Redaktion asks for changes she
revises the draft herself (resubmit) and the same workflow resumes on the same task.
"""

import re
from html import escape, unescape
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, TaskState, Workflow, WorkflowPage, WorkflowState, WorkflowTask
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from konto import sammlungen
from konto.benachrichtigungen import benachrichtigen
from konto.choices import Benachrichtigungsart
from konto.roles import Rolle
from netzwerk_site import mail, uploads
from netzwerk_site.refusals import Refusal
from praxisbeispiele.choices import PraxisEbene
from praxisbeispiele.models import PraxisbeispielIndexPage, PraxisbeispielPage, RedaktionellePruefungTask
from praxisbeispiele.signals import einreichung_abgelehnt

WORKFLOW_NAME = "Redaktionelle Prüfung"
# Body blocks that hold a submitted file.
BLOCKS = {"dokument", "bild"}


class Einreichungsstand(models.TextChoices):
    """What the member sees about her submission on /konto/."""

    IN_PRUEFUNG = "in_pruefung", _("In Prüfung")
    AENDERUNGEN_ANGEFORDERT = "aenderungen_angefordert", _("Änderungen angefordert")
    VEROEFFENTLICHT = "veroeffentlicht", _("Veröffentlicht")
    ABGELEHNT = "abgelehnt", _("Abgelehnt")
    NICHT_VEROEFFENTLICHT = "nicht_veroeffentlicht", _("Nicht veröffentlicht")


UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def ensure_workflow():
    """Create the workflow with its Redaktion task and attach it to the Praxisbeispiel library; safe to repeat."""
    redaktion = Group.objects.get_or_create(name=Rolle.REDAKTION.value)[0]
    task = RedaktionellePruefungTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = RedaktionellePruefungTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(redaktion)
    workflow = Workflow.objects.get_or_create(name=WORKFLOW_NAME)[0]
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in PraxisbeispielIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def create_submission(user, cleaned_data, files):
    """Save the member's proposal as a draft below the library and start the editorial review."""
    index = PraxisbeispielIndexPage.objects.get()
    page = PraxisbeispielPage(
        slug=unique_slug(index, cleaned_data["title"]), live=False, owner=user, eingereicht_von=user
    )
    _apply(page, user, cleaned_data)
    page.body = [("absatz", RichText(paragraphs_html(cleaned_data["description"])))]
    page.body.extend(_attachment_blocks(files, page.title, user))
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    _silence_wagtail_outcome_mails(user)
    workflow_state = ensure_workflow().start(page, user)
    notify_redaktion(page, workflow_state.current_task_state, user, "neu")
    return page


def _apply(page, user, cleaned_data):
    """Copy the form's fields, all but description and attachments, onto page."""
    page.title = cleaned_data["title"]
    page.summary = cleaned_data["summary"]
    page.traeger_name = cleaned_data.get("traeger_name", "")
    page.website = cleaned_data.get("website", "")
    # Without a Kommune the example applies across the Land; Redaktion may correct this before publishing.
    page.ebene = PraxisEbene.KOMMUNAL if cleaned_data.get("kommunen") else PraxisEbene.LAND
    for name, value in _kontakt(user, cleaned_data).items():
        setattr(page, name, value)
    page.themenfelder = list(cleaned_data["themenfelder"])
    page.kommunen = list(cleaned_data.get("kommunen") or [])
    page.zielgruppen = list(cleaned_data.get("zielgruppen") or [])


# -- resubmission after "Änderungen anfordern" ----------------------------------------------------------------------
UEBERARBEITUNG_NICHT_MOEGLICH = _(
    "Diese Einreichung können Sie gerade nicht bearbeiten: Die Redaktion hat keine Änderungen angefordert. "
    "Den Stand Ihrer Einreichungen sehen Sie unter „Mein Konto“."
)


def needs_changes_state(page):
    """The page's workflow state if Redaktion asked for changes, else a Refusal (409)."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        raise Refusal(UEBERARBEITUNG_NICHT_MOEGLICH, status=409)
    return state


def form_initial(entwurf):
    """The submission form's initial values from the latest revision of a submitted page."""
    absatz = next((block for block in entwurf.body if block.block_type == "absatz"), None)
    return {
        "title": entwurf.title,
        "summary": entwurf.summary,
        "description": plain_text(absatz.value.source) if absatz else "",
        "themenfelder": [item.pk for item in entwurf.themenfelder.all()],
        "kommunen": [item.pk for item in entwurf.kommunen.all()],
        "zielgruppen": [item.pk for item in entwurf.zielgruppen.all()],
        "traeger_name": entwurf.traeger_name,
        "website": entwurf.website,
        "kontakt_name": entwurf.kontakt_name,
        "kontakt_email": entwurf.kontakt_email,
        "kontakt_telefon": entwurf.kontakt_telefon,
        "kontakt_einwilligung": bool(entwurf.kontakt_einwilligung_am),
    }


def attachments(entwurf):
    """(block id, title) of each file the draft shows, in body order."""
    return [(block.id, _attachment(block).title) for block in entwurf.body if _attachment(block)]


def _attachment(block):
    if block.block_type not in BLOCKS:
        return None
    return block.value.get("document") or block.value.get("image")


@transaction.atomic
def resubmit(page, user, cleaned_data, files):
    """Save the revised submission as a new revision and resume its workflow on the same task.

    The description replaces the first paragraph block; attachments ticked in "entfernen" leave the body and,
    while still only in the collection "Einreichungen", storage; new files are appended.
    """
    state = needs_changes_state(page)
    entwurf = page.get_latest_revision_as_object()
    entfernen = set(cleaned_data.get("entfernen") or [])
    removed = [_attachment(block) for block in entwurf.body if block.id in entfernen and _attachment(block)]
    _apply(entwurf, user, cleaned_data)
    entwurf.body = _revised_body(entwurf.body, cleaned_data["description"], entfernen)
    entwurf.body.extend(_attachment_blocks(files, entwurf.title, user))
    entwurf.save_revision(user=user, log_action=True)
    _delete_own_uploads(removed, user)
    state.resume(user=user)
    state.refresh_from_db()
    notify_redaktion(entwurf, state.current_task_state, user, "ueberarbeitet")
    return entwurf


def _revised_body(body, description, entfernen):
    blocks, absatz_done = [], False
    for block in body:
        if block.id in entfernen:
            continue
        if block.block_type == "absatz" and not absatz_done:
            absatz_done = True
            blocks.append(("absatz", RichText(paragraphs_html(description)), block.id))
        else:
            blocks.append((block.block_type, block.value, block.id))
    if not absatz_done:
        blocks.insert(0, ("absatz", RichText(paragraphs_html(description)), None))
    return StreamValue(body.stream_block, blocks)


def _delete_own_uploads(items, user):
    """Delete removed files the member uploaded that Redaktion has not moved out of "Einreichungen"."""
    collection = sammlungen.einreichungen_collection()
    for item in items:
        if item.collection_id == collection.pk and item.uploaded_by_user_id == user.pk:
            # Wagtail removes the file from storage once the transaction commits.
            item.delete()


REDAKTION_ARTEN = {
    "neu": Benachrichtigungsart.EINREICHUNG_NEU,
    "ueberarbeitet": Benachrichtigungsart.EINREICHUNG_UEBERARBEITET,
}


def notify_redaktion(page, task_state, user, nachricht):
    """Tell the Redaktion a member submitted (nachricht "neu") or revised ("ueberarbeitet") page.

    The recipients are those of Wagtail's notice for a submitted task (the task's groups and superusers, not the
    member herself); SubmissionTaskNotifier keeps Wagtail's own notice from going out as a second mail.
    """
    empfaenger = GroupApprovalTaskStateSubmissionEmailNotifier().get_recipient_users(task_state, user=user)
    template = f"praxisbeispiele/mail/einreichung_{nachricht}"
    pruefen = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    context = {"page": page, "mitglied": user, "pruefen_url": mail.absolute_url(pruefen)}
    return benachrichtigen(
        empfaenger.order_by("email", "pk"),
        REDAKTION_ARTEN[nachricht],
        betreff=mail.render_subject(template, context),
        template=template,
        context=context,
        url=pruefen,
        grund=_("Sie erhalten diese Nachricht, weil Sie Einreichungen in der Redaktion prüfen."),
    )


def is_member_submission(task_state):
    """True if task_state is the Redaktion's review of a submission the submitting member's workflow started."""
    if not isinstance(task_state.task.specific, RedaktionellePruefungTask):
        return False
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object.specific
    submitter_id = getattr(page, "eingereicht_von_id", None)
    return submitter_id is not None and workflow_state.requested_by_id == submitter_id


class SubmissionTaskNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Wagtail's notice of a submitted group task, except for member submissions: notify_redaktion() tells the
    Redaktion about those in German, in the portal too, so Wagtail's notice would be a second mail."""

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and not is_member_submission(instance)


def reject_submission(task_state, user, comment="", **kwargs):
    """Reject for good: the task is rejected with the comment, the workflow cancelled, the page stays a draft
    and the submitted files are deleted."""
    with transaction.atomic():
        task_state.reject(user=user, update=False, comment=comment)
        task_state.workflow_state.cancel(user=user)
        delete_submitted_files(task_state.workflow_state.content_object)
    einreichung_abgelehnt.send(sender=RedaktionellePruefungTask, task_state=task_state, user=user)


def delete_submitted_files(page):
    """Delete the documents and pictures still in the collection "Einreichungen" that the page's revisions use."""
    collection = sammlungen.einreichungen_collection()
    for model in (get_document_model(), get_image_model()):
        in_review = model.objects.filter(collection=collection, uploaded_by_user_id=page.owner_id)
        for item in in_review.filter(pk__in=_referenced_ids(page, model)):
            item.file.delete(save=False)
            item.delete()


def _referenced_ids(page, model):
    """Ids of the documents or pictures in the "dokument" and "bild" blocks of every revision of page."""
    ids = set()
    for revision in page.revisions.all():
        for block in revision.as_object().body:
            item = block.value.get("document") or block.value.get("image") if block.block_type in BLOCKS else None
            if isinstance(item, model):
                ids.add(item.pk)
    return ids


def einreichungen_von(user):
    """The member's submissions, newest first, each with eingereicht_am, stand and kommentar; two queries."""
    pages = list(PraxisbeispielPage.objects.filter(eingereicht_von=user).order_by("-pk"))
    states = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(page.pk) for page in pages]
        )
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    )
    first, latest = {}, {}
    for state in states:
        first.setdefault(state.object_id, state)
        latest[state.object_id] = state
    for page in pages:
        state = latest.get(str(page.pk))
        page.eingereicht_am = first[str(page.pk)].created_at if state else page.latest_revision_created_at
        page.stand = einreichungsstand(page, state)
        task_state = state.current_task_state if state else None
        page.kommentar = task_state.comment if task_state else ""
    return pages


def einreichungsstand(page, workflow_state):
    """Derive the Einreichungsstand from the page's live flag and its latest workflow state."""
    if page.live:
        return Einreichungsstand.VEROEFFENTLICHT
    status = workflow_state.status if workflow_state else None
    task_state = workflow_state.current_task_state if workflow_state else None
    if status == WorkflowState.STATUS_IN_PROGRESS:
        return Einreichungsstand.IN_PRUEFUNG
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Einreichungsstand.AENDERUNGEN_ANGEFORDERT
    # reject_submission() cancels the workflow after rejecting its task; a cancel while in review leaves no rejection.
    if status == WorkflowState.STATUS_CANCELLED and task_state and task_state.status == TaskState.STATUS_REJECTED:
        return Einreichungsstand.ABGELEHNT
    return Einreichungsstand.NICHT_VEROEFFENTLICHT


def unique_slug(parent, title):
    """An ASCII slug (ä→ae) that no sibling below parent uses yet."""
    base = slugify(title.translate(UMLAUTE))[:200] or "praxisbeispiel"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def paragraphs_html(text):
    """Plain text as escaped <p> elements: blank lines separate paragraphs, single line breaks are kept."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{'<br/>'.join(escape(line) for line in p.splitlines())}</p>" for p in paragraphs if p)


def plain_text(html):
    """The inverse of paragraphs_html(): paragraphs separated by a blank line, <br> as a line break, no tags."""
    html = re.sub(r"<br\s*/?>", "\n", html)
    paragraphs = re.split(r"</p>\s*", html)
    return "\n\n".join(unescape(strip_tags(p)).strip() for p in paragraphs if strip_tags(p).strip())


def _kontakt(user, cleaned_data):
    kontakt = {
        "kontakt_name": cleaned_data.get("kontakt_name", ""),
        "kontakt_email": cleaned_data.get("kontakt_email", ""),
        "kontakt_telefon": cleaned_data.get("kontakt_telefon", ""),
    }
    kontakt |= {"kontakt_einwilligung_am": None, "kontakt_einwilligung_von": ""}
    if kontakt["kontakt_name"] and cleaned_data.get("kontakt_einwilligung"):
        mitglied = user.get_full_name() or user.username
        kontakt["kontakt_einwilligung_am"] = timezone.now()
        kontakt["kontakt_einwilligung_von"] = f"{kontakt['kontakt_name']}, erfasst von {mitglied} bei der Einreichung"[
            :200
        ]
    return kontakt


def _attachment_blocks(files, title, user):
    """Store PDFs as Documents and pictures as Images; return the body blocks that show them."""
    collection = sammlungen.einreichungen_collection()
    blocks = []
    for datei in files:
        dateityp = uploads.detect_type(datei)
        if dateityp not in uploads.PDF_UND_BILDER.typen:
            raise ValueError(f"Attachment {datei.name!r} was not validated.")
        stem = Path(datei.name).stem[:100] or "anhang"
        # On disk a random name with the detected type's extension; the member's name stays in the title.
        stored = File(datei, name=uploads.random_name(dateityp))
        if not dateityp.is_bild:
            document = get_document_model()(title=stem, file=stored, collection=collection, uploaded_by_user=user)
            document._set_document_file_metadata()
            document.save()
            blocks.append(("dokument", {"document": document, "title": ""}))
        else:
            image = get_image_model()(title=stem, file=stored, collection=collection, uploaded_by_user=user)
            image._set_image_file_metadata()
            image.save()
            # The member gave no image description; the title is the alt text until Redaktion writes a better one.
            blocks.append(("bild", {"image": image, "alt_text": title[:250], "decorative": False, "caption": ""}))
    return blocks


def _silence_wagtail_outcome_mails(user):
    """Members without admin access get the portal's German e-mails instead of Wagtail's admin notifications.

    Wagtail would also tell the requester of a workflow that it was approved or needs changes, with links
    into an admin she cannot open.
    """
    if user.has_perm("wagtailadmin.access_admin"):
        return
    UserProfile.objects.update_or_create(
        user=user, defaults={"approved_notifications": False, "rejected_notifications": False}
    )


# -- notifications to the submitter -------------------------------------------------------------------------------
def notify_submitter(page, nachricht, comment=""):
    """Tell the member who submitted page: nachricht is eingegangen, veroeffentlicht, aenderungen or abgelehnt.

    Returns the number of members notified (0 or 1); the row is recorded even if she turned off these mails.
    """
    submitter = page.eingereicht_von
    if submitter is None:
        return 0
    template = f"praxisbeispiele/mail/einreichung_{nachricht}"
    links = {
        "page_url": page.url or "/",
        "konto_url": reverse("konto:uebersicht"),
        "bearbeiten_url": reverse("einreichung:bearbeiten", args=(page.pk,)),
    }
    context = {
        "page": page,
        "mitglied": submitter,
        "comment": comment,
        **{name: mail.absolute_url(path) for name, path in links.items()},
        "redaktion_email": settings.REDAKTION_EMAIL,
    }
    link = {"veroeffentlicht": "page_url", "aenderungen": "bearbeiten_url"}.get(nachricht, "konto_url")
    notified = benachrichtigen(
        [submitter],
        Benachrichtigungsart.EINREICHUNG_SCHRITT,
        betreff=mail.render_subject(template, context),
        template=template,
        context=context,
        url=links[link],
        grund=_("Sie erhalten diese Nachricht, weil Sie dieses Praxisbeispiel eingereicht haben."),
        text=comment,
    )
    return len(notified)
