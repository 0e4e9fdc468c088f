"""A member's own data (GDPR Art. 15, 17, 20): the complete export, and deleting the account.

Each app contributes what it stores about a member through two Wagtail hooks, so this module knows
no feature app: functions registered under EXPORT return PersonalData for the export, functions
registered under FORGET delete or anonymise the member's rows when her account is deleted.
konto's own rows (profile, Benachrichtigungen, Mailabwahlen) and the core's Mailversand rows addressed to her are
collected and deleted here directly.
The ZIP holds daten.json, the same data as uebersicht.html for reading offline, and her files below anhaenge/.
"""

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from axes.models import AccessAttempt

from konto.models import Benachrichtigung, Einladung, Mailabwahl
from netzwerk_site import mail
from netzwerk_site.models import Mailversand

EXPORT = "netzwerk_personal_data_export"
FORGET = "netzwerk_personal_data_forget"
# How every time in daten.json begins (datetime.isoformat()); the overview shows such values as German dates.
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@dataclass(frozen=True)
class Datei:
    """A stored file of the member: its storage, its path there, and its name below anhaenge/ in the ZIP."""

    storage: object
    path: str
    name: str

    @classmethod
    def of(cls, field_file, name):
        """The file of a FileField, exported as name (path segments separated by "/")."""
        return cls(field_file.storage, field_file.name, name)

    @property
    def zip_path(self):
        """Where the file lies in the ZIP; each segment made safe, so no name leaves anhaenge/."""
        return "/".join(["anhaenge", *(get_valid_filename(part) for part in self.name.split("/") if part)])


@dataclass(frozen=True)
class PersonalData:
    """One app's share of the export: top-level keys of daten.json, her files, German labels of the keys."""

    data: dict
    files: list[Datei] = field(default_factory=list)
    labels: dict = field(default_factory=dict)


def collect(user):
    """Everything the portal holds about the member: (JSON-ready data, her files, labels of the keys)."""
    parts = [
        _profil(user),
        _benachrichtigungen(user),
        _mailversand(user),
        *(export(user) for export in hooks.get_hooks(EXPORT)),
    ]
    data = {"erstellt_am": timezone.now().isoformat()}
    labels = {"erstellt_am": _("Erstellt am")}
    for part in parts:
        data.update(part.data)
        labels.update(part.labels)
    return data, [datei for part in parts for datei in part.files], labels


def _profil(user):
    profil = {
        "benutzername": user.username,
        "vorname": user.first_name,
        "nachname": user.last_name,
        "email": user.email,
        "kommune": str(user.kommune) if user.kommune_id else None,
        "organisation": str(user.organisation) if user.organisation_id else None,
        "rollen": list(user.groups.values_list("name", flat=True)),
        "mitglied_seit": user.date_joined.isoformat(),
        "letzte_anmeldung": user.last_login.isoformat() if user.last_login else None,
    }
    return PersonalData({"profil": profil}, labels=PROFIL_LABELS)


PROFIL_LABELS = {
    "profil": _("Profil"),
    "benutzername": _("Benutzername"),
    "vorname": _("Vorname"),
    "nachname": _("Nachname"),
    "email": _("E-Mail"),
    "kommune": _("Kommune"),
    "organisation": _("Organisation"),
    "rollen": _("Rollen"),
    "mitglied_seit": _("Mitglied seit"),
    "letzte_anmeldung": _("Letzte Anmeldung"),
}


def _benachrichtigungen(user):
    benachrichtigungen = [
        {
            "art": b.get_art_display(),
            "betreff": b.betreff,
            "text": b.text,
            "url": b.url,
            "grund": b.grund,
            "erstellt_am": b.erstellt_am.isoformat(),
            "gelesen_am": b.gelesen_am.isoformat() if b.gelesen_am else None,
        }
        for b in Benachrichtigung.objects.filter(user=user).order_by("pk")
    ]
    abwahlen = [str(a.get_art_display()) for a in Mailabwahl.objects.filter(user=user).order_by("art")]
    data = {"benachrichtigungen": benachrichtigungen, "mailabwahlen": abwahlen}
    return PersonalData(data, labels=BENACHRICHTIGUNG_LABELS)


BENACHRICHTIGUNG_LABELS = {
    "benachrichtigungen": _("Benachrichtigungen im Portal"),
    "art": _("Art"),
    "betreff": _("Betreff"),
    "text": _("Text"),
    "url": _("Adresse"),
    "grund": _("Grund"),
    "gelesen_am": _("Gelesen am"),
    "mailabwahlen": _("Keine E-Mail erwünscht bei"),
}


def _mailversand(user):
    """The mails to her address the mail server refused and that are still retried or were given up on."""
    offen = [m for m in _mailversand_an(user) if m.stand != Mailversand.Stand.ZUGESTELLT]
    mails = [
        {
            "betreff": m.betreff,
            "stand": str(m.get_stand_display()),
            "versuche": m.versuche,
            "letzter_fehler": m.letzter_fehler,
            "erster_versuch": m.created_at.isoformat(),
            "letzter_versuch": m.updated_at.isoformat(),
            "text": m.nachricht.get("text", ""),
        }
        for m in offen
    ]
    return PersonalData({"mailversand": mails}, labels=MAILVERSAND_LABELS)


MAILVERSAND_LABELS = {
    "mailversand": _("Nicht zugestellte E-Mails"),
    "stand": _("Stand"),
    "versuche": _("Versuche"),
    "letzter_fehler": _("Letzter Fehler"),
    "erster_versuch": _("Erster Versuch"),
    "letzter_versuch": _("Letzter Versuch"),
}


def _mailversand_an(user):
    """Mailversand rows with her address among the recipients (a row may name several), oldest first."""
    if not user.email:
        return []
    adresse = user.email.lower()
    kandidaten = Mailversand.objects.filter(empfaenger__icontains=adresse).order_by("pk")
    return [m for m in kandidaten if adresse in (a.lower() for a in _adressen(m))]


def _adressen(mailversand):
    return [adresse.strip() for adresse in mailversand.empfaenger.split(",") if adresse.strip()]


def _forget_mailversand(user):
    """Delete the mails to her alone, whatever their Stand; a mail to several keeps the others' addresses only."""
    adresse = user.email.lower()
    for m in _mailversand_an(user):
        uebrige = [a for a in _adressen(m) if a.lower() != adresse]
        if not uebrige:
            m.delete()
            continue
        nachricht = {**m.nachricht, "an": [a for a in m.nachricht.get("an", []) if a.lower() != adresse]}
        Mailversand.objects.filter(pk=m.pk).update(empfaenger=", ".join(uebrige), nachricht=nachricht)


def export_zip(user):
    """daten.json, the same as uebersicht.html, and every file the member uploaded, in one ZIP archive (bytes)."""
    data, files, labels = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("daten.json", json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr("uebersicht.html", render_overview(data, labels))
        for datei in files:
            if datei.storage.exists(datei.path):
                with datei.storage.open(datei.path, "rb") as handle:
                    archive.writestr(datei.zip_path, handle.read())
    return buffer.getvalue()


def render_overview(data, labels):
    """The export as one self-contained HTML page: a section per top-level key, nested values as lists."""
    sections = [(labels.get(key, key), _node(value, labels)) for key, value in data.items() if key != "erstellt_am"]
    context = {"erstellt_am": _lesbar(data["erstellt_am"]), "sections": sections}
    return render_to_string("konto/datenauskunft.html", context)


def _node(value, labels):
    """A value of daten.json as {"kind": "dict"|"list"|"text", ...} for the recursive template."""
    if isinstance(value, dict):
        return {"kind": "dict", "items": [(labels.get(k, k), _node(v, labels)) for k, v in value.items()]}
    if isinstance(value, list):
        return {"kind": "list", "items": [_node(v, labels) for v in value]}
    return {"kind": "text", "text": _lesbar(value)}


def _lesbar(value):
    """A scalar of daten.json as a person reads it: ja/nein, a dash for nothing, times in German local time."""
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if value in (None, ""):
        return "–"
    if isinstance(value, str) and ISO_TIME.match(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if timezone.is_aware(moment):
            return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    return value


@transaction.atomic
def delete_account(user):
    """Remove the member's personal data; her posts stay readable as "ehemaliges Mitglied"."""
    former = f"{user.get_full_name() or user.username} ({user.zugehoerigkeit or 'ohne Zugehörigkeit'})"
    for forget in hooks.get_hooks(FORGET):
        forget(user)
    Einladung.objects.filter(user=user).update(user=None)
    Benachrichtigung.objects.filter(user=user).delete()
    Mailabwahl.objects.filter(user=user).delete()
    _forget_mailversand(user)
    AccessAttempt.objects.filter(username=user.username).delete()
    user.groups.clear()
    user.username = f"ehemalig-{user.pk}"
    user.email = f"ehemalig-{user.pk}@invalid.example"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    context = {"ehemalig": former, "geloescht_am": timezone.now()}
    mail.send("konto/mail/konto_geloescht", settings.REDAKTION_EMAIL, context)
