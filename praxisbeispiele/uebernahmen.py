"""Adoption records: a member records that her Kommune has taken up a Praxisbeispiel."""

from django import forms
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from praxisbeispiele.models import PraxisbeispielPage, Uebernahme


class UebernahmeForm(forms.ModelForm):
    class Meta:
        model = Uebernahme
        fields = ["stand", "notiz"]
        widgets = {"notiz": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}
        error_messages = {
            "stand": {
                "required": _("Wählen Sie aus, wie weit Ihre Kommune das Beispiel übernommen hat."),
                "invalid_choice": _("Wählen Sie einen der angebotenen Stände aus."),
            },
            "notiz": {"max_length": _("Kürzen Sie die Notiz auf höchstens 500 Zeichen.")},
        }


def save_uebernahme(praxisbeispiel, user, cleaned_data):
    uebernahme, created = Uebernahme.objects.update_or_create(
        praxisbeispiel=praxisbeispiel,
        kommune_id=user.kommune_id,
        defaults={**cleaned_data, "created_by": user},
    )
    return uebernahme, created


def withdraw_uebernahme(praxisbeispiel, user):
    deleted, _ = Uebernahme.objects.filter(praxisbeispiel=praxisbeispiel, kommune_id=user.kommune_id).delete()
    return bool(deleted)


def zaehlen(*praxisbeispiel_ids):
    """Store on each Praxisbeispiel how many Kommunen took it up (all of them if no id is given).

    One UPDATE with the count as a subquery, so concurrent adoptions of the same example cannot lose one.
    """
    per_beispiel = (
        Uebernahme.objects.filter(praxisbeispiel=OuterRef("pk"))
        .order_by()
        .values("praxisbeispiel")
        .annotate(n=Count("pk"))
        .values("n")
    )
    pages = PraxisbeispielPage.objects.all()
    if praxisbeispiel_ids:
        pages = pages.filter(pk__in=praxisbeispiel_ids)
    return pages.update(uebernahmen_anzahl=Coalesce(Subquery(per_beispiel, output_field=IntegerField()), 0))


def uebernahmen_of(praxisbeispiel):
    return praxisbeispiel.uebernahmen.select_related("kommune").order_by("kommune__name")


def withdraw_kontakt(page, user):
    """Remove the contact person and the consent record, published as a new revision."""
    for field in ("kontakt_name", "kontakt_funktion", "kontakt_email", "kontakt_telefon", "kontakt_einwilligung_von"):
        setattr(page, field, "")
    page.kontakt_einwilligung_am = None
    page.save_revision(user=user, log_action=True).publish(user=user)
