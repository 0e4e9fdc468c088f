"""The member's submissions and adoptions in her data export, and what deleting her account removes."""

from html import unescape
from pathlib import Path

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from konto.personal_data import EXPORT, FORGET, Datei, PersonalData
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme
from praxisbeispiele.submission import _referenced_ids, einreichungen_von

LABELS = {
    "einreichungen": _("Eingereichte Praxisbeispiele"),
    "titel": _("Titel"),
    "url": _("Adresse"),
    "stand": _("Stand"),
    "kommentar_der_redaktion": _("Kommentar der Redaktion"),
    "angelegt_am": _("Angelegt am"),
    "eingereicht_am": _("Eingereicht am"),
    "zusammenfassung": _("Zusammenfassung"),
    "beschreibung": _("Beschreibung"),
    "traeger": _("Träger"),
    "website": _("Website"),
    "themenfelder": _("Themenfelder"),
    "kommunen": _("Kommunen"),
    "zielgruppen": _("Zielgruppen"),
    "kontakt": _("Ansprechperson"),
    "name": _("Name"),
    "funktion": _("Funktion"),
    "email": _("E-Mail"),
    "telefon": _("Telefon"),
    "einwilligung_am": _("Einwilligung erfasst am"),
    "anhaenge": _("Anhänge"),
    "uebernahmen": _("Übernahmen von Praxisbeispielen"),
    "praxisbeispiel": _("Praxisbeispiel"),
    "kommune": _("Kommune"),
    "notiz": _("Notiz"),
}


def _iso(value):
    return value.isoformat() if value else None


@hooks.register(EXPORT)
def export_for(user):
    einreichungen, files = [], []
    for page in einreichungen_von(user)[::-1]:
        dateien = submitted_files(page, user)
        einreichungen.append(_einreichung(page, dateien))
        files.extend(dateien)
    uebernahmen = [
        {
            "praxisbeispiel": u.praxisbeispiel.title,
            "kommune": str(u.kommune),
            "stand": u.get_stand_display(),
            "notiz": u.notiz,
        }
        for u in Uebernahme.objects.filter(created_by=user).select_related("praxisbeispiel", "kommune")
    ]
    return PersonalData({"einreichungen": einreichungen, "uebernahmen": uebernahmen}, files, LABELS)


def _einreichung(page, dateien):
    """The submission as the member last saved it: its latest revision, not only what is live."""
    first_revision = page.revisions.order_by("created_at", "pk").first()
    inhalt = page.get_latest_revision_as_object()
    return {
        "titel": inhalt.title,
        "url": page.full_url if page.live else None,
        "stand": str(page.stand.label),
        "kommentar_der_redaktion": page.kommentar,
        # A draft submission was never published; its first revision says when it was created.
        "angelegt_am": _iso(first_revision.created_at if first_revision else page.first_published_at),
        "eingereicht_am": _iso(page.eingereicht_am),
        "zusammenfassung": inhalt.summary,
        "beschreibung": "\n\n".join(_text(block.value) for block in inhalt.body if block.block_type == "absatz"),
        "traeger": inhalt.traeger_name or (str(inhalt.traeger) if inhalt.traeger_id else ""),
        "website": inhalt.website,
        "themenfelder": [str(t) for t in inhalt.themenfelder.all()],
        "kommunen": [str(k) for k in inhalt.kommunen.all()],
        "zielgruppen": [str(z) for z in inhalt.zielgruppen.all()],
        "kontakt": {
            "name": inhalt.kontakt_name,
            "funktion": inhalt.kontakt_funktion,
            "email": inhalt.kontakt_email,
            "telefon": inhalt.kontakt_telefon,
            "einwilligung_am": _iso(inhalt.kontakt_einwilligung_am),
        },
        "anhaenge": [datei.zip_path for datei in dateien],
    }


def _text(rich_text):
    """A paragraph block as plain text: paragraphs separated by a blank line, line breaks kept."""
    source = rich_text.source.replace("</p>", "</p>\n\n").replace("<br/>", "\n")
    return unescape(strip_tags(source)).strip()


def submitted_files(page, user):
    """The documents and pictures the member uploaded with her submission page, still stored."""
    dateien = []
    for model, art in ((get_document_model(), "dokument"), (get_image_model(), "bild")):
        uploaded = model.objects.filter(uploaded_by_user=user, pk__in=_referenced_ids(page, model)).order_by("pk")
        for item in uploaded:
            name = f"einreichungen/{page.pk}/{art}-{item.pk}-{item.title}{Path(item.file.name).suffix}"
            dateien.append(Datei.of(item.file, name))
    return dateien


@hooks.register(FORGET)
def forget(user):
    """Submissions and adoptions stay, without the member's name."""
    Uebernahme.objects.filter(created_by=user).update(created_by=None)
    PraxisbeispielPage.objects.filter(eingereicht_von=user).update(eingereicht_von=None)
