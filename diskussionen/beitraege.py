"""What members do with Diskussionen and Beiträge: start, reply, edit, delete, answer, close, follow, read."""

import contextlib

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diskussionen.choices import Stand
from diskussionen.models import Abonnement, Anhang, Beitrag, BeitragVersion, Diskussion, Lesestand, ThemenfeldAbonnement
from diskussionen.notifications import (
    antwort_des_landes_melden,
    benachrichtigen,
    erwaehnte_mitglieder,
    neuen_beitrag_melden,
)
from diskussionen.permissions import (
    may_answer_as_land,
    may_close,
    may_delete,
    may_edit,
    may_mark_answer,
    may_reply,
)
from diskussionen.ratelimit import check_rate_limit
from diskussionen.rendering import render_markdown
from diskussionen.search_documents import diskussion_neu_indexieren
from netzwerk_site import persoenlich, uploads
from netzwerk_site.refusals import Refusal
from search.index import batched

NUR_EIGENE_BEARBEITEN = _(
    "Sie können nur Ihre eigenen, sichtbaren Beiträge in offenen Diskussionen bearbeiten. Antworten Sie stattdessen "
    "in der Diskussion."
)
NUR_EIGENE_LOESCHEN = _(
    "Sie können nur Ihre eigenen Beiträge löschen, die noch nicht gelöscht sind. Einen Beitrag, der gegen die Regeln "
    "verstößt, melden Sie bitte der Redaktion."
)
GESPERRT = _(
    "Diese Diskussion ist gesperrt. Neue Beiträge sind nicht möglich; bei Fragen wenden Sie sich an die Redaktion."
)
NUR_LAND_MARKIERT = _(
    "Nur Mitglieder des Landes können einen Beitrag des Landes als Antwort markieren. Antworten Sie stattdessen "
    "in der Diskussion."
)
NUR_ZUGEWIESENE_STELLE = _(
    "Nur Mitglieder der Stelle, der die Redaktion diese Frage zugewiesen hat, können als Antwort des Landes "
    "antworten. Senden Sie Ihren Text als gewöhnlichen Beitrag."
)
NUR_STARTER_ERLEDIGT = _(
    "Nur wer die Diskussion begonnen hat oder die Redaktion kann sie als erledigt markieren. Schreiben Sie in der "
    "Diskussion, wenn Sie sie für erledigt halten."
)


class Bearbeitungskonflikt(Refusal):
    """Someone changed the Beitrag since the editor opened it; carries the current version."""

    status = 409

    def __init__(self, aktuell):
        self.aktuell = aktuell
        super().__init__(
            _("Jemand hat den Beitrag inzwischen geändert. Prüfen Sie die neue Fassung und speichern Sie dann erneut.")
        )


# -- writing ---------------------------------------------------------------------------------------------------------
def create_diskussion(user, cleaned_data, dateien=()):
    """Start a Diskussion with its first Beitrag; the starter follows it."""
    with _schreiben():
        check_rate_limit(user)
        diskussion = Diskussion.objects.create(
            title=cleaned_data["title"],
            author=user,
            themenfeld=cleaned_data.get("themenfeld"),
            handlungsfeld=cleaned_data.get("handlungsfeld"),
            praxisbeispiel=cleaned_data.get("praxisbeispiel"),
            veranstaltung=cleaned_data.get("veranstaltung"),
            is_frage_an_land=cleaned_data.get("is_frage_an_land", False),
        )
        beitrag = _add_beitrag(diskussion, user, cleaned_data["body"], dateien)
    _notify_new(beitrag)
    return diskussion


@contextlib.contextmanager
def _schreiben():
    """One transaction; the thread's search document is written after its commit.

    Indexing reads and analyses the whole thread. Inside the transaction that would hold SQLite's
    write lock for all of it, and every other post of every worker would wait.
    """
    with batched(), transaction.atomic():
        yield


def create_beitrag(diskussion, user, body, dateien=()):
    """Reply to a Diskussion; concurrent replies are separate inserts, and the counters move by F() so none is lost."""
    if not may_reply(user, diskussion):
        raise Refusal(GESPERRT)
    with _schreiben():
        check_rate_limit(user)
        beitrag = _add_beitrag(diskussion, user, body, dateien)
    _notify_new(beitrag)
    return beitrag


def answer_as_land(diskussion, user, body, dateien=()):
    """Post the Land's official answer in one step: the Beitrag, marked as answer, the Diskussion beantwortet.

    The asker and the followers get the mail "Antwort des Landes" instead of the new-post mail.
    """
    if not may_answer_as_land(user, diskussion):
        raise Refusal(NUR_ZUGEWIESENE_STELLE)
    with _schreiben():
        check_rate_limit(user)
        beitrag = _add_beitrag(diskussion, user, body, dateien)
        _als_antwort(beitrag, beitrag.created_at)
    beitrag.is_antwort_des_landes = True
    antwort_des_landes_melden(beitrag, erwaehnte_ids=list(erwaehnte_mitglieder(body).values_list("pk", flat=True)))
    return beitrag


def _add_beitrag(diskussion, user, body, dateien):
    now = timezone.now()
    beitrag = Beitrag.objects.create(diskussion=diskussion, author=user, body=body, created_at=now)
    for datei, dateityp in dateien:
        # On disk a random name with the detected type's extension; the member's name is kept for display.
        stored = File(datei, name=uploads.random_name(dateityp))
        Anhang.objects.create(
            beitrag=beitrag, datei=stored, name=datei.name[:255], mime=dateityp.mime, groesse=datei.size
        )
    Diskussion.objects.filter(pk=diskussion.pk).update(last_activity_at=now, beitrag_count=F("beitrag_count") + 1)
    Abonnement.objects.get_or_create(user=user, diskussion=diskussion)
    Lesestand.objects.update_or_create(user=user, diskussion=diskussion, defaults={"gelesen_am": now})
    return beitrag


def _notify_new(beitrag):
    """The followers and those mentioned hear of the new Beitrag in a task after the commit, not before the redirect."""
    transaction.on_commit(lambda: neuen_beitrag_melden.enqueue(beitrag.pk), robust=True)


def edit_beitrag(beitrag, user, body, expected_version):
    """Save a new text if nobody changed it since expected_version; otherwise raise Bearbeitungskonflikt."""
    if not may_edit(user, beitrag):
        raise Refusal(NUR_EIGENE_BEARBEITEN)
    alte_erwaehnte = set(erwaehnte_mitglieder(beitrag.body).values_list("pk", flat=True))
    with _schreiben():
        current = Beitrag.objects.get(pk=beitrag.pk)
        if current.version != expected_version:
            raise Bearbeitungskonflikt(current)
        BeitragVersion.objects.create(
            beitrag=current,
            version=current.version,
            body=current.body,
            body_html=current.body_html,
            created_at=current.edited_at or current.created_at,
        )
        # The version condition makes the write itself refuse a concurrent edit that passed the check above.
        updated = Beitrag.objects.filter(pk=beitrag.pk, version=expected_version).update(
            body=body, body_html=render_markdown(body), version=F("version") + 1, edited_at=timezone.now()
        )
        if not updated:
            raise Bearbeitungskonflikt(Beitrag.objects.get(pk=beitrag.pk))
        diskussion_neu_indexieren(beitrag.diskussion_id)
    beitrag.refresh_from_db()
    neue = set(erwaehnte_mitglieder(body).values_list("pk", flat=True)) - alte_erwaehnte
    if neue:
        benachrichtigen(beitrag, erwaehnte_ids=neue, nur_erwaehnte=True)
    return beitrag


def delete_beitrag(beitrag, user):
    """The author withdraws her Beitrag; it stays in the thread as a placeholder so replies keep their context."""
    if not may_delete(user, beitrag):
        raise Refusal(NUR_EIGENE_LOESCHEN)
    Beitrag.objects.filter(pk=beitrag.pk).update(is_geloescht=True, geloescht_am=timezone.now())
    diskussion_neu_indexieren(beitrag.diskussion_id)


def mark_antwort(beitrag, user):
    """Mark the Land's official answer; the Diskussion becomes beantwortet (answer time counts from the first)."""
    if not may_mark_answer(user, beitrag):
        raise Refusal(NUR_LAND_MARKIERT)
    with transaction.atomic():
        _als_antwort(beitrag, timezone.now())


def _als_antwort(beitrag, beantwortet_am):
    Beitrag.objects.filter(pk=beitrag.pk).update(is_antwort_des_landes=True)
    diskussion = Diskussion.objects.select_for_update().get(pk=beitrag.diskussion_id)
    if diskussion.stand == Stand.OFFEN:
        diskussion.stand = Stand.BEANTWORTET
    diskussion.beantwortet_am = diskussion.beantwortet_am or beantwortet_am
    diskussion.save(update_fields=["stand", "beantwortet_am"])


def mark_erledigt(diskussion, user):
    if not may_close(user, diskussion):
        raise Refusal(NUR_STARTER_ERLEDIGT)
    Diskussion.objects.filter(pk=diskussion.pk).update(stand=Stand.ERLEDIGT, erledigt_am=timezone.now())


# -- following and reading -------------------------------------------------------------------------------------------
def set_folgen(user, diskussion, folgen):
    if folgen:
        Abonnement.objects.get_or_create(user=user, diskussion=diskussion)
    else:
        Abonnement.objects.filter(user=user, diskussion=diskussion).delete()


def set_themenfeld_folgen(user, themenfeld, folgen):
    if folgen:
        ThemenfeldAbonnement.objects.get_or_create(user=user, themenfeld=themenfeld)
    else:
        ThemenfeldAbonnement.objects.filter(user=user, themenfeld=themenfeld).delete()


_UNBEKANNT = object()
# The member's read state, for the parts of cached pages that show it (diskussionen/persoenlich.py).
LESESTAND = "lesestand"


def mark_read(user, diskussion, gelesen_am=_UNBEKANNT):
    """Note the visit, but write only when the thread has news for the user.

    A thread counts as unread while gelesen_am < last_activity_at (queries.diskussionen_fuer). Reading a
    thread again without news needs no write; on SQLite every write waits for the one write lock.
    gelesen_am: the member's read state if the caller loaded it already (None: never read).
    """
    if gelesen_am is _UNBEKANNT:
        gelesen_am = (
            Lesestand.objects.filter(user=user, diskussion=diskussion).values_list("gelesen_am", flat=True).first()
        )
    now = timezone.now()
    if gelesen_am is None:
        # A second tab may have written it meanwhile: then its time stands, which is as good.
        Lesestand.objects.bulk_create(
            [Lesestand(user=user, diskussion=diskussion, gelesen_am=now)], ignore_conflicts=True
        )
        persoenlich.neuer_stand(user, LESESTAND)
    elif gelesen_am < diskussion.last_activity_at:
        Lesestand.objects.filter(user=user, diskussion=diskussion).update(gelesen_am=now)
        persoenlich.neuer_stand(user, LESESTAND)


def mark_permissions(beitraege, user, diskussion):
    """Set may_edit, may_delete and may_mark_answer on each Beitrag of a page, without queries."""
    for beitrag in beitraege:
        beitrag.diskussion = diskussion
        beitrag.may_edit = may_edit(user, beitrag)
        beitrag.may_delete = may_delete(user, beitrag)
        beitrag.may_mark_answer = may_mark_answer(user, beitrag)
    return beitraege
