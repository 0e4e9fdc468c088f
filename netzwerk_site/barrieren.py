"""Barriere melden: an anonymous feedback form with spam protection that needs no third party.

Instead of a CAPTCHA: a honeypot field that people leave empty; a signed token per form display that
shows the form was open for a few seconds and can be sent once; and limits per client address and per
recipient of the confirmation. The confirmation goes to an address nobody verified, so it repeats
nothing the sender typed: the form cannot carry a stranger's text to a stranger's mailbox.
"""

import hashlib
import secrets
import time
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerk_site import ereignisse, erinnerungen, mail
from netzwerk_site.models import Barrieremeldung

SIGNING_SALT = "barriere-melden"
MAX_FORM_AGE_SECONDS = 2 * 60 * 60
LIMIT_SECONDS = 60 * 60
CACHE_PREFIX = "barriere-melden"
# Six weeks, as the portal's Erklärung zur Barrierefreiheit promises (docs/accessibility.md gives the source);
# the setting BARRIEREMELDUNG_ANTWORTFRIST_TAGE overrides it.
ANTWORTFRIST_TAGE = 42
# The Redaktion is reminded this many days before the answer deadline of an open report.
ERINNERUNG_TAGE_VORHER = 7

UNGUELTIG = _("Das Formular ist ungültig oder abgelaufen. Prüfen Sie Ihre Angaben und senden Sie es erneut.")
ZU_SCHNELL = _("Das Formular wurde sehr schnell abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie es erneut.")
SCHON_GESENDET = _("Dieses Formular wurde bereits abgeschickt. Prüfen Sie Ihre Angaben und senden Sie es erneut.")
ZU_VIELE_VON_HIER = _(
    "Von Ihrem Anschluss sind in der letzten Stunde bereits %(limit)d Meldungen eingegangen. Senden Sie Ihre Meldung "
    "bitte später erneut oder schreiben Sie der Redaktion eine E-Mail."
)
ZU_VIELE_AN_EMPFAENGER = _(
    "An diese E-Mail-Adresse wurden in der letzten Stunde bereits %(limit)d Eingangsbestätigungen geschickt. Lassen "
    "Sie das Feld „E-Mail-Adresse“ leer oder senden Sie Ihre Meldung später erneut."
)


def new_token(shown_at=None):
    """A signed token for one form display: a random nonce and the time it was shown."""
    return signing.dumps({"n": secrets.token_urlsafe(16), "t": shown_at or time.time()}, salt=SIGNING_SALT)


class BarriereForm(forms.ModelForm):
    # Honeypot: hidden from sight, labelled for screen readers, must stay empty.
    homepage = forms.CharField(
        label=_("Dieses Feld bitte leer lassen (Schutz vor Spam)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # Errors of this hidden field go to the form as a whole: its name means nothing to the sender.
    formular = forms.CharField(required=False, widget=forms.HiddenInput)

    status = 200

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
        if not self.is_bound:
            self.initial["formular"] = new_token()

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(_("Dieses Feld muss leer bleiben. Bitte löschen Sie den Inhalt."))
        return ""

    def clean(self):
        cleaned_data = super().clean()
        try:
            token = signing.loads(cleaned_data.get("formular", ""), salt=SIGNING_SALT, max_age=MAX_FORM_AGE_SECONDS)
            self.nonce, opened_at = str(token["n"]), float(token["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(UNGUELTIG) from None
        if time.time() - opened_at < settings.BARRIERE_MELDEN_MIN_SEKUNDEN:
            raise forms.ValidationError(ZU_SCHNELL)
        return cleaned_data

    def renew(self):
        """Give the form shown again a fresh token, so that the sender can correct it and send it once more."""
        self.data = self.data.copy()
        self.data[self.add_prefix("formular")] = new_token()


def melden(form, address):
    """Store the report and send the mails if the form is valid, its display unused and no limit reached.

    Otherwise the reason is on the form, which carries a fresh token; returns the Barrieremeldung or None.
    """
    if form.is_valid():
        refusal = _spend(form.nonce) or _over_limit(form, address)
        if refusal is None:
            return save_and_notify(form)
        form.add_error(None, refusal)
    form.renew()
    return None


def save_and_notify(form):
    """Store the report, tell Redaktion, and confirm to the sender if she left an address."""
    meldung = form.save()
    frist = antwortfrist(meldung)
    if not any(ereignisse.emit("barriere_gemeldet", meldung=meldung, frist=frist)):
        # No Redaktion member was told (none yet, or no handler): the team's mailbox gets the report.
        context = {"meldung": meldung, "frist": frist, "site_name": settings.WAGTAIL_SITE_NAME}
        mail.send("mail/barriere_redaktion", settings.REDAKTION_EMAIL, context)
    if meldung.email:
        bestaetigung = {"eingegangen_am": meldung.created_at, "site_name": settings.WAGTAIL_SITE_NAME}
        mail.send("mail/barriere_bestaetigung", meldung.email, {**bestaetigung, "kontakt": settings.REDAKTION_EMAIL})
    return meldung


def antwortfrist(meldung):
    """The last day for answering meldung: BITV 2.0 § 7 and Directive (EU) 2016/2102 Art. 7(1)(b) ask for an
    answer within a reasonable period; the portal promises six weeks."""
    tage = getattr(settings, "BARRIEREMELDUNG_ANTWORTFRIST_TAGE", ANTWORTFRIST_TAGE)
    return timezone.localdate(meldung.created_at) + timedelta(days=tage)


@erinnerungen.register
def barriere_erinnern(today=None):
    """Remind the Redaktion of each open report whose deadline is at most ERINNERUNG_TAGE_VORHER days away.

    Safe to run any number of times a day: the handler passes one schluessel per report, so each is reminded once.
    Returns the reports reminded about.
    """
    today = today or timezone.localdate()
    tage = getattr(settings, "BARRIEREMELDUNG_ANTWORTFRIST_TAGE", ANTWORTFRIST_TAGE)
    eingang_bis = today - timedelta(days=tage - ERINNERUNG_TAGE_VORHER)
    faellig = list(
        Barrieremeldung.objects.filter(erledigt=False, created_at__date__lte=eingang_bis).order_by("created_at")
    )
    for meldung in faellig:
        ereignisse.emit(
            "barriere_erinnerung",
            meldung=meldung,
            frist=antwortfrist(meldung),
            schluessel=f"barriere:{meldung.pk}:erinnerung",
        )
    return faellig


def _spend(nonce):
    """None the first time a form display is sent; cache.add is atomic, so a parallel replay loses."""
    if cache.add(f"{CACHE_PREFIX}:formular:{nonce}", True, timeout=MAX_FORM_AGE_SECONDS):
        return None
    return SCHON_GESENDET


def _over_limit(form, address):
    """The message for a used-up hourly limit of the client address or of the confirmation's recipient, else None."""
    limit = settings.BARRIERE_MELDEN_PRO_STUNDE
    if _count(f"{CACHE_PREFIX}:adresse:{address}") > limit:
        form.status = 429
        return ZU_VIELE_VON_HIER % {"limit": limit}
    email = form.cleaned_data.get("email", "").strip().lower()
    if email and _count(f"{CACHE_PREFIX}:empfaenger:{hashlib.sha256(email.encode()).hexdigest()}") > limit:
        form.status = 429
        return ZU_VIELE_AN_EMPFAENGER % {"limit": limit}
    return None


def _count(key):
    """One more within the hour; add and incr are atomic in a shared cache, so parallel reports all count."""
    cache.add(key, 0, timeout=LIMIT_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.add(key, 1, timeout=LIMIT_SECONDS)
        return 1
