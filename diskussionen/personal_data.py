"""The member's discussion data for the data export, and anonymisation when an account is deleted."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from diskussionen.models import (
    Abonnement,
    Beitrag,
    Benachrichtigung,
    Benachrichtigungseinstellung,
    Diskussion,
    Lesestand,
    Meldung,
    ThemenfeldAbonnement,
)
from konto.personal_data import EXPORT, FORGET, Datei, PersonalData
from netzwerk_site.mail import absolute_url

LABELS = {
    "diskussionen": _("Diskussionen"),
    "id": _("Nummer"),
    "titel": _("Titel"),
    "url": _("Adresse"),
    "stand": _("Stand"),
    "begonnen_am": _("Begonnen am"),
    "beitraege": _("Beiträge"),
    "diskussion": _("Diskussion"),
    "verfasst_am": _("Verfasst am"),
    "text": _("Text"),
    "geloescht": _("Gelöscht"),
    "fruehere_versionen": _("Frühere Fassungen"),
    "anhaenge": _("Anhänge"),
    "abonnements": _("Abonnierte Diskussionen"),
    "abonniert_am": _("Abonniert am"),
    "themenfeld_abonnements": _("Abonnierte Themenfelder"),
    "meldungen": _("Gemeldete Beiträge"),
    "beitrag": _("Beitrag"),
    "grund": _("Grund"),
    "gemeldet_am": _("Gemeldet am"),
    "benachrichtigungen": _("E-Mail-Benachrichtigungen"),
}


@hooks.register(EXPORT)
def export_for(user):
    """Everything the forum stores about the member; her attachments as files of the export."""
    beitraege = (
        Beitrag.objects.filter(author=user).select_related("diskussion").prefetch_related("anhaenge", "versionen")
    )
    dateien = {}
    for beitrag in beitraege:
        for anhang in beitrag.anhaenge.all():
            dateien[anhang.pk] = Datei.of(anhang.datei, f"diskussionen/beitrag-{beitrag.pk}/{anhang.pk}-{anhang.name}")
    data = _forum_data(user, [_beitrag(b, dateien) for b in beitraege])
    return PersonalData({"diskussionen": data}, list(dateien.values()), LABELS)


def _forum_data(user, beitraege):
    einstellung = Benachrichtigungseinstellung.objects.filter(user=user).first()
    return {
        "diskussionen": [
            {
                "id": d.pk,
                "titel": d.title,
                "url": absolute_url(d.get_absolute_url()),
                "stand": d.get_stand_display(),
                "begonnen_am": d.created_at.isoformat(),
            }
            for d in Diskussion.objects.filter(author=user).order_by("pk")
        ],
        "beitraege": beitraege,
        "abonnements": [
            {
                "titel": a.diskussion.title,
                "url": absolute_url(a.diskussion.get_absolute_url()),
                "abonniert_am": a.created_at.isoformat(),
            }
            for a in Abonnement.objects.filter(user=user).select_related("diskussion").order_by("pk")
        ],
        "themenfeld_abonnements": [
            str(a.themenfeld) for a in ThemenfeldAbonnement.objects.filter(user=user).select_related("themenfeld")
        ],
        "meldungen": [
            {
                "beitrag": m.beitrag_id,
                "diskussion": m.beitrag.diskussion.title,
                "grund": m.grund,
                "gemeldet_am": m.created_at.isoformat(),
            }
            for m in Meldung.objects.filter(gemeldet_von=user).select_related("beitrag__diskussion")
        ],
        "benachrichtigungen": einstellung.get_haeufigkeit_display() if einstellung else None,
    }


def _beitrag(beitrag, dateien):
    return {
        "id": beitrag.pk,
        "diskussion": beitrag.diskussion.title,
        "url": absolute_url(beitrag.get_absolute_url()),
        "verfasst_am": beitrag.created_at.isoformat(),
        "text": beitrag.body,
        "geloescht": beitrag.is_geloescht,
        "fruehere_versionen": [v.body for v in beitrag.versionen.all()],
        "anhaenge": [dateien[anhang.pk].zip_path for anhang in beitrag.anhaenge.all()],
    }


@hooks.register(FORGET)
@transaction.atomic
def anonymize_author(user):
    """Keep the member's posts and threads readable as "ehemaliges Mitglied"; drop everything else about her."""
    Beitrag.objects.filter(author=user).update(author=None)
    Diskussion.objects.filter(author=user).update(author=None)
    Meldung.objects.filter(gemeldet_von=user).update(gemeldet_von=None)
    for model in (Abonnement, ThemenfeldAbonnement, Lesestand, Benachrichtigungseinstellung):
        model.objects.filter(user=user).delete()
    Benachrichtigung.objects.filter(empfaenger=user).delete()
