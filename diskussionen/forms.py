from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diskussionen.choices import Haeufigkeit
from netzwerk_site import uploads
from netzwerk_site.choices import OrganisationArt
from netzwerk_site.fields import OneLineField, mit_zeichenzaehler, zu_lang
from netzwerk_site.models import HandlungsfeldPage, Organisation, Themenfeld
from praxisbeispiele.models import PraxisbeispielPage
from veranstaltungen.models import VeranstaltungPage

LAND_ARTEN = [OrganisationArt.MINISTERIUM, OrganisationArt.LANDESBEHOERDE, OrganisationArt.LANDESPROJEKT]
BODY_HELP = _(
    "Sie können Markdown verwenden: **fett**, *kursiv*, Listen mit „-“, Zitate mit „>“ und Links als "
    "[Text](https://…). Mit @Benutzername benachrichtigen Sie ein Mitglied."
)


def _body_field():
    return mit_zeichenzaehler(
        forms.CharField(
            label=_("Ihr Beitrag"),
            max_length=20000,
            widget=forms.Textarea(attrs={"rows": 8}),
            help_text=BODY_HELP,
            error_messages={
                "required": _("Schreiben Sie einen Text für Ihren Beitrag."),
                "max_length": _(
                    "Ihr Beitrag ist zu lang: Er hat %(show_value)d Zeichen. Kürzen Sie ihn auf höchstens "
                    "%(limit_value)d Zeichen."
                ),
            },
        )
    )


class AnhaengeMixin:
    """Attachments checked by content; the cleaned value is a list of (file, Dateityp)."""

    def _anhaenge_field(self):
        return uploads.MultipleFileField(label=_("Anhänge"), required=False, erlaubt=uploads.DOKUMENTE)

    def clean_anhaenge(self):
        return uploads.validate_files(self.cleaned_data["anhaenge"], uploads.DOKUMENTE)


class DiskussionForm(AnhaengeMixin, forms.Form):
    title = mit_zeichenzaehler(
        OneLineField(
            label=_("Titel"),
            max_length=200,
            help_text=_("Fassen Sie Ihre Frage oder Ihr Thema in einem Satz zusammen."),
            error_messages={
                "required": _("Geben Sie einen Titel für die Diskussion ein."),
                "max_length": _(
                    "Der Titel ist zu lang: Er hat %(show_value)d Zeichen. Kürzen Sie ihn auf höchstens "
                    "%(limit_value)d Zeichen."
                ),
            },
        )
    )
    body = _body_field()
    themenfeld = forms.ModelChoiceField(
        label=_("Themenfeld"),
        queryset=Themenfeld.objects.all(),
        required=False,
        empty_label=_("Kein bestimmtes Themenfeld"),
        help_text=_("Wählen Sie das Themenfeld, zu dem Ihre Frage gehört; Mitglieder, die ihm folgen, erfahren davon."),
    )
    is_frage_an_land = forms.BooleanField(
        label=_("Frage an das Land: Das Land soll offiziell antworten."),
        required=False,
        help_text=_("Die Redaktion leitet Ihre Frage an die zuständige Stelle des Landes weiter."),
    )
    handlungsfeld = forms.ModelChoiceField(
        queryset=HandlungsfeldPage.objects.live(), required=False, widget=forms.HiddenInput
    )
    praxisbeispiel = forms.ModelChoiceField(
        queryset=PraxisbeispielPage.objects.live(), required=False, widget=forms.HiddenInput
    )
    veranstaltung = forms.ModelChoiceField(
        queryset=VeranstaltungPage.objects.live(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anhaenge"] = self._anhaenge_field()


class BeitragForm(AnhaengeMixin, forms.Form):
    body = _body_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anhaenge"] = self._anhaenge_field()


class BearbeitenForm(forms.Form):
    body = _body_field()
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MeldungForm(forms.Form):
    grund = mit_zeichenzaehler(
        forms.CharField(
            label=_("Grund der Meldung"),
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Beschreiben Sie kurz, warum die Redaktion diesen Beitrag prüfen soll."),
            error_messages={
                "required": _("Nennen Sie einen Grund, damit die Redaktion die Meldung prüfen kann."),
                "max_length": zu_lang(_("Grund der Meldung")),
            },
        )
    )


class EinstellungForm(forms.Form):
    haeufigkeit = forms.ChoiceField(
        label=_("E-Mail-Benachrichtigungen"), choices=Haeufigkeit.choices, widget=forms.RadioSelect
    )


class ZuweisungForm(forms.Form):
    """Redaktion addresses a question to a Land Organisation."""

    organisation = forms.ModelChoiceField(
        label=_("Stelle des Landes"),
        queryset=Organisation.objects.filter(art__in=LAND_ARTEN),
        help_text=_("Wählen Sie die Stelle des Landes, die die Frage beantworten soll."),
        error_messages={
            "required": _("Wählen Sie die Stelle des Landes aus, die antworten soll."),
            "invalid_choice": _("Fragen an das Land gehen nur an Stellen des Landes. Wählen Sie eine aus der Liste."),
        },
    )
    faellig_am = forms.DateField(
        label=_("Antwort fällig am"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Geben Sie das Datum an, bis zu dem das Land antworten soll."),
        error_messages={
            "required": _("Geben Sie ein Fälligkeitsdatum ein."),
            "invalid": _("Geben Sie das Datum im Format TT.MM.JJJJ ein."),
        },
    )

    def clean_faellig_am(self):
        faellig_am = self.cleaned_data["faellig_am"]
        if faellig_am < timezone.localdate():
            raise forms.ValidationError(_("Das Datum liegt in der Vergangenheit. Wählen Sie ein Datum ab heute."))
        return faellig_am


class ModerationForm(forms.Form):
    begruendung = forms.CharField(
        label=_("Begründung"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Die Begründung steht im Moderationsprotokoll."),
    )
