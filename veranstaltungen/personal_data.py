"""The member's registrations and calendar access in her data export, and what deleting her account removes."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from konto.personal_data import EXPORT, FORGET, PersonalData
from veranstaltungen.models import Anmeldung, Kalenderzugang

LABELS = {
    "anmeldungen": _("Anmeldungen zu Veranstaltungen"),
    "veranstaltung": _("Veranstaltung"),
    "url": _("Adresse"),
    "status": _("Status"),
    "angemeldet_am": _("Angemeldet am"),
    "kalenderzugang": _("Persönlicher Kalender-Abonnementlink"),
    "erstellt_am": _("Erstellt am"),
}


@hooks.register(EXPORT)
def export_for(user):
    zugang = Kalenderzugang.objects.filter(user=user).first()
    anmeldungen = [
        {
            "veranstaltung": a.veranstaltung.title,
            "url": a.veranstaltung.full_url,
            "status": a.get_status_display(),
            "angemeldet_am": a.created_at.isoformat(),
        }
        for a in Anmeldung.objects.filter(user=user).select_related("veranstaltung").order_by("pk")
    ]
    kalenderzugang = {"erstellt_am": zugang.created_at.isoformat()} if zugang else None
    return PersonalData({"anmeldungen": anmeldungen, "kalenderzugang": kalenderzugang}, labels=LABELS)


@hooks.register(FORGET)
def forget(user):
    Kalenderzugang.objects.filter(user=user).delete()
    Anmeldung.objects.filter(user=user).delete()
