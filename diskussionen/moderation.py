"""Moderation by the Redaktion; every action is written to the Moderationsprotokoll in the same transaction."""

from django.db import transaction
from django.utils import timezone

from diskussionen.choices import Aktion
from diskussionen.models import Beitrag, Diskussion, Meldung, Moderationsprotokoll
from diskussionen.notifications import beitrag_gemeldet_melden, beitrag_verborgen_melden, frage_zugewiesen_melden
from diskussionen.search_documents import diskussion_neu_indexieren


def _log(wer, aktion, diskussion=None, beitrag=None, begruendung=""):
    return Moderationsprotokoll.objects.create(
        wer=wer, aktion=aktion, diskussion=diskussion, beitrag=beitrag, begruendung=begruendung
    )


def melden(beitrag, user, grund):
    """A member reports a Beitrag; the Redaktion sees it in the Wagtail admin and is told after the commit."""
    meldung = Meldung.objects.create(beitrag=beitrag, gemeldet_von=user, grund=grund)
    transaction.on_commit(lambda: beitrag_gemeldet_melden(meldung), robust=True)
    return meldung


@transaction.atomic
def verbergen(beitrag, wer, begruendung=""):
    """Hide a Beitrag from members and close its open reports; its author is told why after the commit."""
    Beitrag.objects.filter(pk=beitrag.pk).update(is_verborgen=True)
    diskussion_neu_indexieren(beitrag.diskussion_id)
    _close_reports(beitrag, wer)
    protokoll = _log(wer, Aktion.VERBORGEN, beitrag.diskussion, beitrag, begruendung)
    transaction.on_commit(lambda: beitrag_verborgen_melden(beitrag, protokoll), robust=True)
    return protokoll


@transaction.atomic
def wiederherstellen(beitrag, wer, begruendung=""):
    Beitrag.objects.filter(pk=beitrag.pk).update(is_verborgen=False)
    diskussion_neu_indexieren(beitrag.diskussion_id)
    return _log(wer, Aktion.WIEDERHERGESTELLT, beitrag.diskussion, beitrag, begruendung)


@transaction.atomic
def meldungen_ablehnen(beitrag, wer, begruendung=""):
    """Close a Beitrag's open reports without hiding it."""
    _close_reports(beitrag, wer)
    return _log(wer, Aktion.MELDUNG_ABGELEHNT, beitrag.diskussion, beitrag, begruendung)


def _close_reports(beitrag, wer):
    Meldung.objects.filter(beitrag=beitrag, erledigt_am__isnull=True).update(
        erledigt_am=timezone.now(), erledigt_von=wer
    )


@transaction.atomic
def sperren(diskussion, wer, gesperrt, begruendung=""):
    """Lock (no more replies or edits) or unlock a Diskussion."""
    Diskussion.objects.filter(pk=diskussion.pk).update(is_gesperrt=gesperrt)
    return _log(wer, Aktion.GESPERRT if gesperrt else Aktion.ENTSPERRT, diskussion, begruendung=begruendung)


@transaction.atomic
def zuweisen(diskussion, wer, organisation, faellig_am, begruendung=""):
    """Address a Diskussion to a Land Organisation as "Frage an das Land" with a due date; its members are told."""
    Diskussion.objects.filter(pk=diskussion.pk).update(
        is_frage_an_land=True, zugewiesen_an=organisation, faellig_am=faellig_am, zugewiesen_am=timezone.now()
    )
    text = f"{organisation}, fällig am {faellig_am:%d.%m.%Y}"
    transaction.on_commit(lambda: frage_zugewiesen_melden(diskussion, organisation, faellig_am), robust=True)
    return _log(wer, Aktion.ZUGEWIESEN, diskussion, begruendung=" – ".join(filter(None, [text, begruendung])))
