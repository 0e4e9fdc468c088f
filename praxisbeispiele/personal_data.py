"""The member's submissions and adoptions in her data export, and what deleting her account removes."""

from wagtail import hooks

from konto.personal_data import EXPORT, FORGET, PersonalData
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme


def _iso(value):
    return value.isoformat() if value else None


@hooks.register(EXPORT)
def export_for(user):
    einreichungen = [
        {"titel": p.title, "url": p.url, "veroeffentlicht": p.live, "angelegt_am": _iso(p.first_published_at)}
        for p in PraxisbeispielPage.objects.filter(eingereicht_von=user).order_by("pk")
    ]
    uebernahmen = [
        {"praxisbeispiel": u.praxisbeispiel.title, "kommune": str(u.kommune), "stand": u.stand, "notiz": u.notiz}
        for u in Uebernahme.objects.filter(created_by=user).select_related("praxisbeispiel", "kommune")
    ]
    return PersonalData({"einreichungen": einreichungen, "uebernahmen": uebernahmen})


@hooks.register(FORGET)
def forget(user):
    """Submissions and adoptions stay, without the member's name."""
    Uebernahme.objects.filter(created_by=user).update(created_by=None)
    PraxisbeispielPage.objects.filter(eingereicht_von=user).update(eingereicht_von=None)
