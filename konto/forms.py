from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm, UserEditForm

from konto.choices import Benachrichtigungsart
from konto.models import Mailabwahl, User
from konto.roles import Rolle
from netzwerk_site.fields import KommuneField
from netzwerk_site.models import Organisation


class AnmeldeForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Benutzername oder Passwort ist falsch. Achten Sie auf Groß- und Kleinschreibung "
            "und versuchen Sie es erneut."
        ),
        "inactive": _("Dieses Konto ist deaktiviert. Wenden Sie sich bitte an die Redaktion."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # AuthenticationForm sets max_length after the field is built, so its validator is missing: without
        # this, an overlong name would reach authenticate() and the lockout log (a server error on PostgreSQL).
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))


class PasswortAendernForm(PasswordChangeForm):
    """Change the password; the old one is checked through authenticate(), so django-axes counts and locks failures."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": _(
            "Das bisherige Passwort ist falsch. Geben Sie es bitte erneut ein; wenn Sie es vergessen haben, melden "
            "Sie sich ab und nutzen Sie „Passwort vergessen?“."
        ),
        "password_mismatch": _("Die beiden neuen Passwörter stimmen nicht überein. Geben Sie sie bitte erneut ein."),
    }

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if authenticate(self.request, username=self.user.get_username(), password=old_password) is None:
            raise forms.ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password


class EinladungForm(forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    first_name = forms.CharField(label=_("Vorname"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Nachname"), max_length=150, required=False)
    rolle = forms.ChoiceField(label=_("Rolle"), choices=Rolle.choices)
    kommune = KommuneField(label=_("Kommune"), required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.all(), required=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Für diese E-Mail-Adresse gibt es bereits ein Konto."))
        return email

    def clean(self):
        cleaned = super().clean()
        kommune, organisation = cleaned.get("kommune"), cleaned.get("organisation")
        if kommune and organisation:
            raise forms.ValidationError(_("Wählen Sie entweder eine Kommune oder eine Organisation, nicht beides."))
        if cleaned.get("rolle") == Rolle.MITGLIED_KOMMUNE and not kommune:
            self.add_error("kommune", _("Wählen Sie die Kommune, für die das Mitglied spricht."))
        if cleaned.get("rolle") == Rolle.MITGLIED_LAND and not organisation:
            self.add_error("organisation", _("Wählen Sie die Organisation des Landes, für die das Mitglied spricht."))
        return cleaned


class EinladungAnnehmenForm(forms.Form):
    username = forms.CharField(
        label=_("Benutzername"),
        max_length=150,
        help_text=_("Höchstens 150 Zeichen: Buchstaben, Ziffern und @/./+/-/_."),
    )
    password1 = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Passwort wiederholen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self):
        username = self.cleaned_data["username"]
        User.username_validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Dieser Benutzername ist bereits vergeben. Wählen Sie einen anderen."))
        return username

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Die beiden Passwörter stimmen nicht überein. Geben Sie sie erneut ein."))
        elif password1:
            try:
                password_validation.validate_password(password1, User(username=cleaned.get("username", "")))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class WagtailUserEditForm(UserEditForm):
    kommune = KommuneField(required=False, label=_("Kommune"))
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False, label=_("Organisation"))


class WagtailUserCreationForm(UserCreationForm):
    kommune = KommuneField(required=False, label=_("Kommune"))
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False, label=_("Organisation"))


class KontoLoeschenForm(forms.Form):
    password = forms.CharField(
        label=_("Ihr Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Zur Sicherheit bestätigen Sie das Löschen mit Ihrem Passwort."),
    )
    bestaetigung = forms.BooleanField(
        label=_("Ich möchte mein Konto endgültig löschen."),
        help_text=_("Ihre Beiträge bleiben als „ehemaliges Mitglied“ lesbar; alles andere wird entfernt."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("Das Passwort stimmt nicht. Bitte geben Sie es erneut ein."))
        return ""


class MailabwahlForm(forms.Form):
    """Which Arten of Benachrichtigung the member also wants by e-mail; the rest she sees only in the portal."""

    mails = forms.MultipleChoiceField(
        label=_("E-Mail erhalten bei"),
        choices=Benachrichtigungsart.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Entfernen Sie den Haken bei allem, was Sie nicht per E-Mail erhalten möchten. Im Portal sehen Sie jede "
            "Benachrichtigung weiterhin. Sie erhalten ohnehin nur, was Sie betrifft."
        ),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        abgewaehlt = set(Mailabwahl.objects.filter(user=user).values_list("art", flat=True))
        kwargs.setdefault("initial", {"mails": [art for art in Benachrichtigungsart.values if art not in abgewaehlt]})
        super().__init__(*args, **kwargs)

    def save(self):
        gewuenscht = set(self.cleaned_data["mails"])
        abwahlen = [art for art in Benachrichtigungsart.values if art not in gewuenscht]
        Mailabwahl.objects.filter(user=self.user).exclude(art__in=abwahlen).delete()
        Mailabwahl.objects.bulk_create([Mailabwahl(user=self.user, art=art) for art in abwahlen], ignore_conflicts=True)
