"""The weekly network digest ("Wochenüberblick"): one mail per member and ISO week, sections from the feature apps.

konto imports only the core, so each app contributes its sections from its own wochenueberblick.py, imported in
its AppConfig.ready():

    @wochenueberblick.register(10)
    def neue_praxisbeispiele(user, seit, bis):
        return Abschnitt(titel="Neue Praxisbeispiele", eintraege=[Eintrag(titel=..., url=..., zeile=...)])

A section function returns an Abschnitt, or None when it has nothing for the member in [seit, bis); sections
appear in the order of their number; a member gets the digest only if a section with neu=True has entries (the
next meetings alone are no news). senden(today), registered with the daily command `erinnerungen_senden`,
mails each active member who has something new and wants the digest (no Mailabwahl of Art wochenueberblick: on by
default). The schluessel "woche:<ISO year>-W<ISO week>" makes any number of daily runs send once per week.
The mail carries a signed one-click unsubscribe link (RFC 8058 List-Unsubscribe-Post) that needs no login.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from konto.benachrichtigungen import benachrichtigen
from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl
from konto.roles import MEMBER_GROUPS
from netzwerk_site import erinnerungen, mail

TEMPLATE = "konto/mail/wochenueberblick"
ABBESTELLEN_SALT = "konto.wochenueberblick.abbestellen"
TAGE = 7

_sections = []


@dataclass(frozen=True)
class Eintrag:
    """One line of a section: a title, the absolute link, and an optional short detail."""

    titel: str
    url: str
    zeile: str = ""


@dataclass(frozen=True)
class Abschnitt:
    """A section of the digest; neu=False marks a reminder (the next meetings) that alone sends no digest."""

    titel: str
    eintraege: list = field(default_factory=list)
    neu: bool = True


def register(order):
    """Add function(user, seit, bis) -> Abschnitt | None as a section at position order (ascending)."""

    def decorator(function):
        if all(registered is not function for _order, registered in _sections):
            _sections.append((order, function))
            _sections.sort(key=lambda entry: entry[0])
        return function

    return decorator


def zeitraum(today):
    """The week a digest sent on today covers: the seven days before today, as aware datetimes [seit, bis)."""
    bis = timezone.make_aware(datetime.combine(today, time.min))
    return bis - timedelta(days=TAGE), bis


def schluessel(today):
    jahr, woche, _tag = today.isocalendar()
    return f"woche:{jahr}-W{woche:02d}"


def abschnitte(user, today):
    """The member's non-empty sections for the week before today, in their registered order."""
    seit, bis = zeitraum(today)
    result = (function(user, seit, bis) for _order, function in _sections)
    return [abschnitt for abschnitt in result if abschnitt is not None and abschnitt.eintraege]


@erinnerungen.register
def senden(today):
    """Mail this ISO week's digest to every member who wants it and has something new; returns the members mailed.

    Members who turned it off or already got this week's digest are skipped before anything is built.
    """
    key = schluessel(today)
    erledigt = Benachrichtigung.objects.filter(schluessel=key).values("user_id")
    abgewaehlt = Mailabwahl.objects.filter(art=Benachrichtigungsart.WOCHENUEBERBLICK).values("user_id")
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=MEMBER_GROUPS)
        .exclude(pk__in=erledigt)
        .exclude(pk__in=abgewaehlt)
        .distinct()
        .order_by("pk")
    )
    gesendet = []
    for user in members:
        inhalt = abschnitte(user, today)
        if any(abschnitt.neu for abschnitt in inhalt):
            gesendet += _senden(user, inhalt, key)
    return gesendet


def _senden(user, inhalt, key):
    abbestellen_url = mail.absolute_url(reverse("konto:wochenueberblick_abbestellen", args=[abbestellen_token(user)]))
    anzahl = ", ".join(f"{abschnitt.titel}: {len(abschnitt.eintraege)}" for abschnitt in inhalt)
    return benachrichtigen(
        [user],
        Benachrichtigungsart.WOCHENUEBERBLICK,
        betreff=_("Wochenüberblick des Netzwerks Integration"),
        template=TEMPLATE,
        context={"abschnitte": inhalt, "abbestellen_url": abbestellen_url},
        url="/",
        grund=_("Sie erhalten den Wochenüberblick, weil Sie Mitglied des Netzwerks sind."),
        schluessel=key,
        text=anzahl,
        # RFC 8058: the mail client's own unsubscribe button POSTs to this address, without login.
        headers={"List-Unsubscribe": f"<{abbestellen_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def abbestellen_token(user):
    """A signed token that turns off the member's digest; it names only her id and does not expire."""
    return signing.Signer(salt=ABBESTELLEN_SALT).sign_object({"u": user.pk})


def mitglied_id(token):
    """The member id a valid token names, or None for anything forged or garbled."""
    try:
        payload = signing.Signer(salt=ABBESTELLEN_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    user_id = payload.get("u") if isinstance(payload, dict) else None
    return user_id if isinstance(user_id, int) else None


def abbestellen(user_id):
    """Turn off the digest for the member with user_id; returns her, or None if she no longer exists."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:
        Mailabwahl.objects.get_or_create(user=user, art=Benachrichtigungsart.WOCHENUEBERBLICK)
    return user
