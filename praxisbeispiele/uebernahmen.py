"""Adoption records: a member records that her Kommune has taken up a Praxisbeispiel."""

from django import forms

from praxisbeispiele.models import Uebernahme


class UebernahmeForm(forms.ModelForm):
    class Meta:
        model = Uebernahme
        fields = ["stand", "notiz"]
        widgets = {"notiz": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}


def may_record(user):
    """Only active members who speak for a Kommune record adoptions, and only for that Kommune."""
    from konto.roles import is_member

    return is_member(user) and user.kommune_id is not None


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


def uebernahmen_of(praxisbeispiel):
    return praxisbeispiel.uebernahmen.select_related("kommune").order_by("kommune__name")


def may_withdraw_kontakt(page, user):
    """Redaktion, and the member who submitted the example, may withdraw the contact person's consent."""
    from konto.roles import is_member, is_redaktion

    return is_redaktion(user) or (is_member(user) and page.eingereicht_von_id == user.pk)


def withdraw_kontakt(page, user):
    """Remove the contact person and the consent record, published as a new revision."""
    for field in ("kontakt_name", "kontakt_funktion", "kontakt_email", "kontakt_telefon", "kontakt_einwilligung_von"):
        setattr(page, field, "")
    page.kontakt_einwilligung_am = None
    page.save_revision(user=user, log_action=True).publish(user=user)
