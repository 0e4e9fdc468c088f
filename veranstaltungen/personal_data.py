"""The member's registrations and calendar access in her data export, and what deleting her account removes."""

from wagtail import hooks

from konto.personal_data import EXPORT, FORGET, PersonalData
from veranstaltungen.models import Anmeldung, Kalenderzugang


@hooks.register(EXPORT)
def export_for(user):
    zugang = Kalenderzugang.objects.filter(user=user).first()
    anmeldungen = [
        {"veranstaltung": a.veranstaltung.title, "status": a.status, "angemeldet_am": a.created_at.isoformat()}
        for a in Anmeldung.objects.filter(user=user).select_related("veranstaltung")
    ]
    kalenderzugang = {"erstellt_am": zugang.created_at.isoformat()} if zugang else None
    return PersonalData({"anmeldungen": anmeldungen, "kalenderzugang": kalenderzugang})


@hooks.register(FORGET)
def forget(user):
    Kalenderzugang.objects.filter(user=user).delete()
    Anmeldung.objects.filter(user=user).delete()
