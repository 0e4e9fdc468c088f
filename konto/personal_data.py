"""A member's own data (GDPR Art. 15, 17, 20): the complete export, and deleting the account.

Each app contributes what it stores about a member through two Wagtail hooks, so this module knows
no feature app: functions registered under EXPORT return PersonalData for the export, functions
registered under FORGET delete or anonymise the member's rows when her account is deleted.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from wagtail import hooks

from axes.models import AccessAttempt

from konto.models import Einladung
from netzwerk_site import mail

EXPORT = "netzwerk_personal_data_export"
FORGET = "netzwerk_personal_data_forget"


@dataclass(frozen=True)
class PersonalData:
    """One app's share of the export: top-level keys of daten.json, and storage paths of uploaded files."""

    data: dict
    files: list = field(default_factory=list)


def collect(user):
    """Everything the portal holds about the member: (JSON-ready data, storage paths of her files)."""
    parts = [_profil(user), *(export(user) for export in hooks.get_hooks(EXPORT))]
    data = {"erstellt_am": timezone.now().isoformat()}
    for part in parts:
        data.update(part.data)
    return data, [path for part in parts for path in part.files]


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
    return PersonalData({"profil": profil})


def export_zip(user):
    """data.json plus every attachment the member uploaded, in one ZIP archive (bytes)."""
    data, files = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("daten.json", json.dumps(data, ensure_ascii=False, indent=2))
        for path in files:
            if default_storage.exists(path):
                with default_storage.open(path, "rb") as handle:
                    archive.writestr(f"anhaenge/{path}", handle.read())
    return buffer.getvalue()


@transaction.atomic
def delete_account(user):
    """Remove the member's personal data; her posts stay readable as "ehemaliges Mitglied"."""
    former = f"{user.get_full_name() or user.username} ({user.zugehoerigkeit or 'ohne Zugehörigkeit'})"
    for forget in hooks.get_hooks(FORGET):
        forget(user)
    Einladung.objects.filter(user=user).update(user=None)
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
