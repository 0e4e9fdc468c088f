from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerk_site import uploads
from netzwerk_site.fields import KommunenField, OneLineField, mit_zeichenzaehler, zu_lang
from netzwerk_site.models import Themenfeld, Zielgruppe


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Checkboxes whose label target is the first box, so the error summary link lands on the group."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class EinreichungForm(forms.Form):
    """A member's proposal for a Praxisbeispiel; becomes a draft page for the Redaktion."""

    title = OneLineField(
        label=_("Titel"),
        max_length=255,
        help_text=_("Nennen Sie das Beispiel so, wie es vor Ort heißt, zum Beispiel „Sprachcafé Musterstadt“."),
        error_messages={
            "required": _("Geben Sie einen Titel für das Praxisbeispiel ein."),
            "max_length": zu_lang(_("Titel")),
        },
    )
    summary = forms.CharField(
        label=_("Zusammenfassung"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fassen Sie das Beispiel in ein bis zwei Sätzen zusammen (höchstens 600 Zeichen)."),
        error_messages={
            "required": _("Fassen Sie das Beispiel in ein bis zwei Sätzen zusammen."),
            "max_length": zu_lang(_("Zusammenfassung")),
        },
    )
    description = forms.CharField(
        label=_("Beschreibung"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Beschreiben Sie Ausgangslage, Vorgehen und Ergebnisse. Trennen Sie Absätze durch eine Leerzeile."),
        error_messages={"required": _("Beschreiben Sie das Beispiel, damit andere Kommunen es nachvollziehen können.")},
    )
    themenfelder = forms.ModelMultipleChoiceField(
        label=_("Themenfelder"),
        queryset=Themenfeld.objects.all(),
        widget=CheckboxGroup,
        help_text=_("Wählen Sie mindestens ein Themenfeld, zu dem das Beispiel passt."),
        error_messages={"required": _("Wählen Sie mindestens ein Themenfeld aus.")},
    )
    kommunen = KommunenField(
        label=_("Kommunen"),
        required=False,
        help_text=_(
            "Kreuzen Sie die Kommunen an, in denen das Beispiel umgesetzt wird; Gemeinden stehen unter ihrem "
            "Landkreis. Lassen Sie das Feld leer, wenn das Beispiel landesweit gilt."
        ),
    )
    zielgruppen = forms.ModelMultipleChoiceField(
        label=_("Zielgruppen"),
        queryset=Zielgruppe.objects.all(),
        required=False,
        widget=CheckboxGroup,
    )
    traeger_name = forms.CharField(
        label=_("Träger"),
        max_length=200,
        required=False,
        help_text=_("Nennen Sie die Stelle oder Organisation, die das Beispiel trägt."),
        error_messages={"max_length": zu_lang(_("Träger"))},
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("Geben Sie eine Adresse an, unter der man mehr erfährt, zum Beispiel https://www.example.org/."),
        error_messages={
            "invalid": _("Geben Sie eine vollständige Internetadresse ein, zum Beispiel https://www.example.org/.")
        },
    )
    kontakt_name = forms.CharField(
        label=_("Ansprechperson"),
        max_length=200,
        required=False,
        help_text=_("Nennen Sie eine Person, die Fragen anderer Mitglieder beantwortet."),
        error_messages={"max_length": zu_lang(_("Ansprechperson"))},
    )
    kontakt_email = forms.EmailField(
        label=_("E-Mail der Ansprechperson"),
        required=False,
        error_messages={"invalid": _("Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.org.")},
    )
    kontakt_telefon = forms.CharField(
        label=_("Telefon der Ansprechperson"),
        max_length=50,
        required=False,
        error_messages={"max_length": zu_lang(_("Telefon der Ansprechperson"))},
    )
    kontakt_einwilligung = forms.BooleanField(
        label=_(
            "Die Ansprechperson ist einverstanden, dass ihre Kontaktdaten den Mitgliedern des Netzwerks angezeigt werden."
        ),
        required=False,
    )
    anhaenge = uploads.MultipleFileField(label=_("Anhänge"), required=False, erlaubt=uploads.PDF_UND_BILDER)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                mit_zeichenzaehler(field)
        self.user = user
        if user.kommune_id:
            self.fields["kommunen"].initial = [user.kommune_id]
        if self.is_bound:
            # A re-rendered form shows a note above the file field: browsers never keep chosen files.
            self.fields["anhaenge"].widget.attrs["aria-describedby"] = "anhaenge-hinweis id_anhaenge_helptext"

    def clean_anhaenge(self):
        # submission.create_submission() detects each type again where it stores the file.
        geprueft = uploads.validate_files(self.cleaned_data["anhaenge"], uploads.PDF_UND_BILDER)
        return [datei for datei, dateityp in geprueft]

    def clean(self):
        cleaned = super().clean()
        has_kontaktdaten = cleaned.get("kontakt_email") or cleaned.get("kontakt_telefon")
        if has_kontaktdaten and not cleaned.get("kontakt_name"):
            self.add_error("kontakt_name", _("Nennen Sie die Person, zu der die Kontaktdaten gehören."))
        if cleaned.get("kontakt_name") and not cleaned.get("kontakt_einwilligung"):
            self.add_error(
                "kontakt_einwilligung",
                _(
                    "Bestätigen Sie, dass die Ansprechperson der Anzeige zugestimmt hat, "
                    "oder lassen Sie die Angaben zur Ansprechperson leer."
                ),
            )
        return cleaned


class UeberarbeitungForm(EinreichungForm):
    """The submission form once more, prefilled from the submission, with a box to remove each attachment.

    anhaenge: (block id, title) of the attachments the submission has now.
    """

    entfernen = forms.MultipleChoiceField(
        label=_("Vorhandene Anhänge"),
        required=False,
        widget=CheckboxGroup,
        help_text=_("Kreuzen Sie die Anhänge an, die Sie entfernen möchten. Alle anderen bleiben erhalten."),
    )

    def __init__(self, *args, anhaenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.vorhandene_anhaenge = len(anhaenge)
        if anhaenge:
            choices = [(block_id, _("„%(titel)s“ entfernen") % {"titel": titel}) for block_id, titel in anhaenge]
            self.fields["entfernen"].choices = choices
        else:
            del self.fields["entfernen"]

    def clean(self):
        cleaned = super().clean()
        neue = cleaned.get("anhaenge") or []
        anzahl = self.vorhandene_anhaenge - len(cleaned.get("entfernen") or []) + len(neue)
        if neue and anzahl > uploads.max_files():
            self.add_error(
                "anhaenge",
                _(
                    "Ihre Einreichung hätte dann %(anzahl)d Anhänge, erlaubt sind höchstens %(max)d. "
                    "Entfernen Sie vorhandene Anhänge oder wählen Sie weniger neue aus."
                )
                % {"anzahl": anzahl, "max": uploads.max_files()},
            )
        return cleaned


class PruefungskommentarForm(forms.Form):
    """The comment Redaktion must give when it requests changes or rejects a submission."""

    comment = forms.CharField(
        label=_("Kommentar"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Der Kommentar geht per E-Mail an das Mitglied, das das Praxisbeispiel eingereicht hat."),
        error_messages={"required": _("Schreiben Sie einen Kommentar, damit das Mitglied weiß, was es tun kann.")},
    )
