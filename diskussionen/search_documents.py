"""Diskussionen in the portal search: always members-only, visible posts only."""

from search.choices import DokumentTyp, Sichtbarkeit
from search.documents import Dokument, key_for, plain_text


def diskussion_document(diskussion):
    beitraege = [b for b in diskussion.beitraege.order_by("created_at", "pk") if b.is_sichtbar]
    return Dokument(
        key=key_for(diskussion),
        typ=DokumentTyp.DISKUSSION,
        title=diskussion.title,
        text=plain_text(*(b.body for b in beitraege)),
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

    from diskussionen.models import Beitrag, Diskussion
    from search import documents

    documents.register(Diskussion, diskussion_document)
    post_save.connect(reindex, sender=Diskussion, dispatch_uid="suche_diskussion")
    post_save.connect(reindex, sender=Beitrag, dispatch_uid="suche_beitrag")
    post_delete.connect(remove, sender=Diskussion, dispatch_uid="suche_diskussion_entfernen")
