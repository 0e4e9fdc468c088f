"""The member's discussion data for the data export, and anonymisation when an account is deleted."""

from django.db import transaction

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
from konto.personal_data import EXPORT, FORGET, PersonalData


@hooks.register(EXPORT)
def export_for(user):
    """Everything the forum stores about the member; her attachments as files of the export."""
    data = _forum_data(user)
    files = [path for beitrag in data["beitraege"] for path in beitrag["anhaenge"]]
    return PersonalData({"diskussionen": data}, files)


def _forum_data(user):
    einstellung = Benachrichtigungseinstellung.objects.filter(user=user).first()
    return {
        "diskussionen": [
            {"id": d.pk, "titel": d.title, "begonnen_am": d.created_at.isoformat()}
            for d in Diskussion.objects.filter(author=user).order_by("pk")
        ],
        "beitraege": [
            _beitrag(b) for b in Beitrag.objects.filter(author=user).prefetch_related("anhaenge", "versionen")
        ],
        "abonnements": list(Abonnement.objects.filter(user=user).values_list("diskussion_id", flat=True)),
        "themenfeld_abonnements": list(
            ThemenfeldAbonnement.objects.filter(user=user).values_list("themenfeld__slug", flat=True)
        ),
        "meldungen": [
            {"beitrag": m.beitrag_id, "grund": m.grund, "gemeldet_am": m.created_at.isoformat()}
            for m in Meldung.objects.filter(gemeldet_von=user)
        ],
        "benachrichtigungen": einstellung.haeufigkeit if einstellung else None,
    }


def _beitrag(beitrag):
    return {
        "id": beitrag.pk,
        "diskussion": beitrag.diskussion_id,
        "verfasst_am": beitrag.created_at.isoformat(),
        "text": beitrag.body,
        "geloescht": beitrag.is_geloescht,
        "fruehere_versionen": [v.body for v in beitrag.versionen.all()],
        "anhaenge": [anhang.datei.name for anhang in beitrag.anhaenge.all()],
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
