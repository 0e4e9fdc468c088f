"""A member's own data (GDPR Art. 15, 17, 20): the complete export, and deleting the account.

Each app contributes what it stores about a member; this module collects it.
"""

import io
import json
import zipfile

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from axes.models import AccessAttempt

from diskussionen import personal_data as diskussionen_daten
from konto.models import Einladung
from netzwerk_site import mail
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme
from veranstaltungen.models import Anmeldung, Kalenderzugang


def collect(user):
    """Everything the portal holds about the member, as JSON-ready data."""
    zugang = Kalenderzugang.objects.filter(user=user).first()
    return {
        "erstellt_am": timezone.now().isoformat(),
        "profil": {
            "benutzername": user.username,
            "vorname": user.first_name,
            "nachname": user.last_name,
            "email": user.email,
            "kommune": str(user.kommune) if user.kommune_id else None,
            "organisation": str(user.organisation) if user.organisation_id else None,
            "rollen": list(user.groups.values_list("name", flat=True)),
            "mitglied_seit": user.date_joined.isoformat(),
            "letzte_anmeldung": user.last_login.isoformat() if user.last_login else None,
        },
        "einreichungen": [
            {"titel": p.title, "url": p.url, "veroeffentlicht": p.live, "angelegt_am": _iso(p.first_published_at)}
            for p in PraxisbeispielPage.objects.filter(eingereicht_von=user).order_by("pk")
        ],
        "uebernahmen": [
            {"praxisbeispiel": u.praxisbeispiel.title, "kommune": str(u.kommune), "stand": u.stand, "notiz": u.notiz}
            for u in Uebernahme.objects.filter(created_by=user).select_related("praxisbeispiel", "kommune")
        ],
        "anmeldungen": [
            {"veranstaltung": a.veranstaltung.title, "status": a.status, "angemeldet_am": a.created_at.isoformat()}
            for a in Anmeldung.objects.filter(user=user).select_related("veranstaltung")
        ],
        "kalenderzugang": {"erstellt_am": zugang.created_at.isoformat()} if zugang else None,
        "diskussionen": diskussionen_daten.export_for(user),
    }


def _iso(value):
    return value.isoformat() if value else None


def _attachment_paths(data):
    return [path for beitrag in data["diskussionen"]["beitraege"] for path in beitrag["anhaenge"]]


def export_zip(user):
    """data.json plus every attachment the member uploaded, in one ZIP archive (bytes)."""
    data = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("daten.json", json.dumps(data, ensure_ascii=False, indent=2))
        for path in _attachment_paths(data):
            if default_storage.exists(path):
                with default_storage.open(path, "rb") as handle:
                    archive.writestr(f"anhaenge/{path}", handle.read())
    return buffer.getvalue()


@transaction.atomic
def delete_account(user):
    """Remove the member's personal data; her posts stay readable as "ehemaliges Mitglied"."""
    former = f"{user.get_full_name() or user.username} ({user.zugehoerigkeit or 'ohne Zugehörigkeit'})"
    diskussionen_daten.anonymize_author(user)
    Kalenderzugang.objects.filter(user=user).delete()
    Anmeldung.objects.filter(user=user).delete()
    Einladung.objects.filter(user=user).update(user=None)
    Uebernahme.objects.filter(created_by=user).update(created_by=None)
    PraxisbeispielPage.objects.filter(eingereicht_von=user).update(eingereicht_von=None)
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
