"""Diskussionen in the portal search: always members-only, visible posts and their PDF attachments only."""

from search.choices import DokumentTyp, Sichtbarkeit
from search.documents import Dokument, key_for, pdf_attachment, plain_text

PDF = "application/pdf"


def diskussion_document(diskussion):
    beitraege = diskussion.beitraege.order_by("created_at", "pk").prefetch_related("anhaenge")
    beitraege = [b for b in beitraege if b.is_sichtbar]
    return Dokument(
        key=key_for(diskussion),
        typ=DokumentTyp.DISKUSSION,
        title=diskussion.title,
        text=plain_text(*(part for b in beitraege for part in (b.body, *map(anhang_text, b.anhaenge.all())))),
        url=diskussion.get_absolute_url(),
        themenfelder=[diskussion.themenfeld.slug] if diskussion.themenfeld_id else [],
        sichtbarkeit=Sichtbarkeit.MITGLIEDER,
        datum=diskussion.last_activity_at.date(),
    )


def reindex(sender, instance, created=False, raw=False, **kwargs):
    """A thread follows every change of itself and of its posts (new, edited, hidden, deleted).

    A new visible post is the thread's new last part: only its text is analysed and appended.
    """
    from search.index import append_text, update_object

    if raw:
        return
    diskussion = getattr(instance, "diskussion", instance)
    if created and instance is not diskussion and instance.is_sichtbar:
        append_text(diskussion, plain_text(instance.body), datum=instance.created_at.date())
    else:
        update_object(diskussion)


def anhang_text(anhang):
    """The text of a PDF attachment under the name the member gave it; other files have none."""
    return pdf_attachment(anhang.name, anhang.datei) if anhang.mime == PDF else ""


def anhang_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new attachment of a visible post is a new last part of its thread, like a reply.

    Attached while its post is written (diskussionen/beitraege.py), it comes after the post inside one
    batched() block, which then indexes the thread once, attachments included.
    """
    from search.index import append_text, update_object

    if raw:
        return
    beitrag = instance.beitrag
    if not created:
        update_object(beitrag.diskussion)
    elif beitrag.is_sichtbar:
        append_text(beitrag.diskussion, anhang_text(instance))


def anhang_deleted(sender, instance, **kwargs):
    diskussion_neu_indexieren(instance.beitrag.diskussion_id)


def diskussion_neu_indexieren(diskussion_id):
    """For changes saved with update(), which sends no signal: hiding, withdrawing, editing a post."""
    from diskussionen.models import Diskussion
    from search.index import update_object

    diskussion = Diskussion.objects.filter(pk=diskussion_id).first()
    if diskussion is not None:
        update_object(diskussion)


def remove(sender, instance, **kwargs):
    from search.index import remove_object

    remove_object(instance)


def connect():
    from django.db.models.signals import post_delete, post_save

    from diskussionen.models import Anhang, Beitrag, Diskussion
    from search import documents

    documents.register(Diskussion, diskussion_document)
    post_save.connect(reindex, sender=Diskussion, dispatch_uid="suche_diskussion")
    post_save.connect(reindex, sender=Beitrag, dispatch_uid="suche_beitrag")
    post_save.connect(anhang_saved, sender=Anhang, dispatch_uid="suche_anhang")
    post_delete.connect(anhang_deleted, sender=Anhang, dispatch_uid="suche_anhang_entfernt")
    post_delete.connect(remove, sender=Diskussion, dispatch_uid="suche_diskussion_entfernen")
