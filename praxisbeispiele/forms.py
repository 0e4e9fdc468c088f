from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from netzwerk_site.models import Kommune, Themenfeld, Zielgruppe
from praxisbeispiele.validators import detect_attachment_type

MAX_ANHAENGE = 5


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Checkboxes whose label target is the first box, so the error summary link lands on the group."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files (Django docs, "Uploading multiple files")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_file_clean(item, initial) for item in data]
        return [single_file_clean(data, initial)] if data else []


class EinreichungForm(forms.Form):
    """A member's proposal for a Praxisbeispiel; becomes a draft page for the Redaktion."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=255,
        help_text=_("Nennen Sie das Beispiel so, wie es vor Ort heißt, zum Beispiel „Sprachcafé Musterstadt“."),
        error_messages={"required": _("Geben Sie einen Titel für das Praxisbeispiel ein.")},
    )
    summary = forms.CharField(
        label=_("Zusammenfassung"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fassen Sie das Beispiel in ein bis zwei Sätzen zusammen (höchstens 600 Zeichen)."),
        error_messages={"required": _("Fassen Sie das Beispiel in ein bis zwei Sätzen zusammen.")},
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
    kommunen = forms.ModelMultipleChoiceField(
        label=_("Kommunen"),
        queryset=Kommune.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Wählen Sie die Kommunen, in denen das Beispiel umgesetzt wird; mehrere wählen Sie mit gedrückter "
            "Strg-Taste. Lassen Sie das Feld leer, wenn das Beispiel landesweit gilt."
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
    )
    kontakt_email = forms.EmailField(
        label=_("E-Mail der Ansprechperson"),
        required=False,
        error_messages={"invalid": _("Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.org.")},
    )
    kontakt_telefon = forms.CharField(label=_("Telefon der Ansprechperson"), max_length=50, required=False)
    kontakt_einwilligung = forms.BooleanField(
        label=_(
            "Die Ansprechperson ist einverstanden, dass ihre Kontaktdaten den Mitgliedern des Netzwerks angezeigt werden."
        ),
        required=False,
    )
    anhaenge = MultipleFileField(
        label=_("Anhänge"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg,image/gif,image/webp"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.kommune_id:
            self.fields["kommunen"].initial = [user.kommune_id]
        max_bytes = settings.PRAXISBEISPIELE_MAX_ATTACHMENT_BYTES
        self.fields["anhaenge"].help_text = _(
            "Sie können bis zu %(anzahl)d Dateien anhängen: PDF-Dokumente oder Bilder (PNG, JPEG, GIF, WebP), "
            "jede höchstens %(groesse)s groß."
        ) % {"anzahl": MAX_ANHAENGE, "groesse": filesizeformat(max_bytes)}
        if self.is_bound:
            # A re-rendered form shows a note above the file field: browsers never keep chosen files.
            self.fields["anhaenge"].widget.attrs["aria-describedby"] = "anhaenge-hinweis id_anhaenge_helptext"

    def clean_anhaenge(self):
        anhaenge = self.cleaned_data["anhaenge"]
        if len(anhaenge) > MAX_ANHAENGE:
            raise forms.ValidationError(
                _("Sie haben %(anzahl)d Dateien gewählt. Wählen Sie höchstens %(max)d Dateien aus."),
                params={"anzahl": len(anhaenge), "max": MAX_ANHAENGE},
            )
        errors = [error for datei in anhaenge if (error := self._check_attachment(datei))]
        if errors:
            raise forms.ValidationError(errors)
        self.anhangtypen = [detect_attachment_type(datei) for datei in anhaenge]
        return anhaenge

    def _check_attachment(self, datei):
        max_bytes = settings.PRAXISBEISPIELE_MAX_ATTACHMENT_BYTES
        if datei.size > max_bytes:
            return forms.ValidationError(
                _(
                    "Die Datei „%(name)s“ ist %(groesse)s groß. Wählen Sie eine Datei bis %(max)s oder verkleinern Sie sie."
                ),
                params={"name": datei.name, "groesse": filesizeformat(datei.size), "max": filesizeformat(max_bytes)},
            )
        if detect_attachment_type(datei) is None:
            return forms.ValidationError(
                _(
                    "Die Datei „%(name)s“ ist weder ein PDF-Dokument noch ein Bild (PNG, JPEG, GIF, WebP). "
                    "Wählen Sie eine PDF- oder Bilddatei aus."
                ),
                params={"name": datei.name},
            )
        return None

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


class PruefungskommentarForm(forms.Form):
    """The comment Redaktion must give when it requests changes or rejects a submission."""

    comment = forms.CharField(
        label=_("Kommentar"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Der Kommentar geht per E-Mail an das Mitglied, das das Praxisbeispiel eingereicht hat."),
        error_messages={"required": _("Schreiben Sie einen Kommentar, damit das Mitglied weiß, was es tun kann.")},
    )
