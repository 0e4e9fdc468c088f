"""Barriere melden: an anonymous feedback form with spam protection that needs no third party.

Two checks replace a CAPTCHA: a honeypot field that people leave empty, and a
signed timestamp that shows the form was open for a few seconds at least.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from netzwerk_site import mail
from netzwerk_site.models import Barrieremeldung

SIGNING_SALT = "barriere-melden"
MAX_FORM_AGE_SECONDS = 24 * 60 * 60


class BarriereForm(forms.ModelForm):
    # Honeypot: hidden from sight, labelled for screen readers, must stay empty.
    homepage = forms.CharField(
        label=_("Dieses Feld bitte leer lassen (Schutz vor Spam)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    zeitstempel = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Barrieremeldung
        fields = ["seite", "beschreibung", "name", "email"]
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}
        help_texts = {
            "beschreibung": _("Beschreiben Sie, was nicht funktioniert und welche Hilfsmittel Sie nutzen."),
            "name": _("Freiwillig."),
            "email": _("Freiwillig. Nur wenn Sie eine Antwort und eine Eingangsbestätigung möchten."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["zeitstempel"] = signing.Signer(salt=SIGNING_SALT).sign(str(time.time()))

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(_("Dieses Feld muss leer bleiben. Bitte löschen Sie den Inhalt."))
        return ""

    def clean_zeitstempel(self):
        try:
            opened_at = float(signing.Signer(salt=SIGNING_SALT).unsign(self.cleaned_data["zeitstempel"]))
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(_("Das Formular ist ungültig. Bitte laden Sie die Seite neu.")) from None
        age = time.time() - opened_at
        if age < settings.BARRIERE_MELDEN_MIN_SEKUNDEN:
            raise forms.ValidationError(
                _(
                    "Das Formular wurde sehr schnell abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie es erneut."
                )
            )
        if age > MAX_FORM_AGE_SECONDS:
            raise forms.ValidationError(_("Das Formular war zu lange geöffnet. Bitte senden Sie es erneut."))
        return self.cleaned_data["zeitstempel"]


def save_and_notify(form):
    """Store the report, tell Redaktion, and confirm to the sender if she left an address."""
    meldung = form.save()
    context = {"meldung": meldung, "site_name": settings.WAGTAIL_SITE_NAME}
    mail.send("mail/barriere_redaktion", settings.REDAKTION_EMAIL, context)
    mail.send("mail/barriere_bestaetigung", meldung.email, context)
    return meldung
