"""Who hears about a new Beitrag, the e-mails they get (immediately or as a daily digest), and unsubscribe tokens.

The forum's other events (a new Frage an das Land, its assignment, the Antwort des Landes, a reported or hidden
Beitrag) go through konto.benachrichtigungen.benachrichtigen: a row on /konto/benachrichtigungen/ and a mail.

E-mails carry plain text built from the sanitized HTML and an HTML alternative with that sanitized HTML;
the Markdown source never reaches a mail. Unsubscribe links are signed, so they work without login
(RFC 8058 one-click via the List-Unsubscribe-Post header, and a one-button page for the link in the text).
"""

import re
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_tasks import task

from diskussionen.choices import Grund, Haeufigkeit
from diskussionen.models import (
    Abonnement,
    Beitrag,
    Benachrichtigung,
    Benachrichtigungseinstellung,
    Meldung,
    ThemenfeldAbonnement,
)
from diskussionen.rendering import plain_text
from konto.benachrichtigungen import benachrichtigen as konto_benachrichtigen
from konto.choices import Benachrichtigungsart
from konto.roles import MEMBER_GROUPS, redaktion_users
from netzwerk_site import mail

ABBESTELLEN_SALT = "diskussionen.abbestellen"
# "@" followed by a username as Django allows it; trailing dots and dashes end the sentence, not the name.
MENTION_PATTERN = re.compile(r"(?<![\w@.])@([\w.+-]*\w)")


def active_members():
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(Q(is_superuser=True) | Q(groups__name__in=MEMBER_GROUPS)).distinct()


def erwaehnte_mitglieder(text):
    """Active members whose username appears as @username in the text."""
    names = set(MENTION_PATTERN.findall(text or ""))
    if not names:
        return get_user_model().objects.none()
    return active_members().filter(username__in=names)


def empfaenger(beitrag, erwaehnte_ids=(), nur_erwaehnte=False):
    """{user id: Grund} of everyone who should hear about this Beitrag, never its author.

    Later assignments win: a mention outranks a followed Diskussion, which outranks a followed Themenfeld.
    """
    gruende = {} if nur_erwaehnte else _folgende(beitrag.diskussion)
    for user_id in erwaehnte_ids:
        gruende[user_id] = Grund.ERWAEHNUNG
    gruende.pop(beitrag.author_id, None)
    allowed = set(active_members().filter(pk__in=gruende).values_list("pk", flat=True))
    return {user_id: grund for user_id, grund in gruende.items() if user_id in allowed}


def _folgende(diskussion):
    gruende = {}
    if diskussion.themenfeld_id:
        abonnements = ThemenfeldAbonnement.objects.filter(themenfeld_id=diskussion.themenfeld_id)
        gruende.update(dict.fromkeys(abonnements.values_list("user_id", flat=True), Grund.THEMENFELD))
    abonnements = Abonnement.objects.filter(diskussion=diskussion)
    gruende.update(dict.fromkeys(abonnements.values_list("user_id", flat=True), Grund.ABONNEMENT))
    return gruende


def benachrichtigen(beitrag, erwaehnte_ids=(), nur_erwaehnte=False):
    """Record a Benachrichtigung per recipient and e-mail those who want it now; mentions always go out now."""
    gruende = empfaenger(beitrag, erwaehnte_ids, nur_erwaehnte)
    Benachrichtigung.objects.bulk_create(
        [Benachrichtigung(empfaenger_id=user_id, beitrag=beitrag, grund=grund) for user_id, grund in gruende.items()],
        ignore_conflicts=True,
    )
    haeufigkeiten = dict(
        Benachrichtigungseinstellung.objects.filter(user_id__in=gruende).values_list("user_id", "haeufigkeit")
    )
    sofort = [
        user_id
        for user_id, grund in gruende.items()
        if grund == Grund.ERWAEHNUNG or haeufigkeiten.get(user_id, Haeufigkeit.SOFORT) == Haeufigkeit.SOFORT
    ]
    pending = Benachrichtigung.objects.filter(beitrag=beitrag, empfaenger_id__in=sofort, versendet_am__isnull=True)
    for benachrichtigung in pending.select_related("empfaenger", "beitrag__diskussion", "beitrag__author"):
        _send(benachrichtigung.empfaenger, "diskussionen/mail/beitrag", [benachrichtigung])


@task()
def neuen_beitrag_melden(beitrag_id):
    """benachrichtigen for a new Beitrag and those it mentions; a task enqueued after the post's commit.

    The reply's redirect does not wait for the followers' rows and mails (diskussionen/beitraege.py).
    """
    beitrag = Beitrag.objects.select_related("diskussion").filter(pk=beitrag_id).first()
    if beitrag is None:
        return
    erwaehnte = erwaehnte_mitglieder(beitrag.body).values_list("pk", flat=True)
    benachrichtigen(beitrag, erwaehnte_ids=list(erwaehnte))


# -- events told through konto.benachrichtigen (portal row and mail) -------------------------------------------------
REDAKTION_GRUND = _("Sie erhalten diese Nachricht, weil Sie zur Redaktion gehören.")
FRAGE_GESTELLT = _("Sie erhalten diese Nachricht, weil Sie diese Frage an das Land gestellt haben.")
FOLGEN_GRUENDE = {
    Grund.ABONNEMENT: _("Sie erhalten diese Nachricht, weil Sie dieser Diskussion folgen."),
    Grund.THEMENFELD: _("Sie erhalten diese Nachricht, weil Sie dem Themenfeld „%(themenfeld)s“ folgen."),
}
OHNE_BEGRUENDUNG = _("Die Redaktion hat keine Begründung angegeben.")


def _melden(users, art, **kwargs):
    """konto.benachrichtigen; members who chose "Keine E-Mails" in the forum settings get the portal row only.

    That choice (Haeufigkeit.NIE, also set by every mail's unsubscribe link) means no forum mail at all.
    """
    users = list(users)
    keine_mails = frozenset(
        Benachrichtigungseinstellung.objects.filter(user__in=users, haeufigkeit=Haeufigkeit.NIE).values_list(
            "user_id", flat=True
        )
    )
    return konto_benachrichtigen(users, art, ohne_mail=keine_mails, **kwargs)


def _redaktion_melden(ausser_id, art, **kwargs):
    """_melden to every Redaktion member but the one who caused the event (she knows already)."""
    empfaenger = [user for user in redaktion_users() if user.pk != ausser_id]
    return _melden(empfaenger, art, grund=REDAKTION_GRUND, **kwargs)


def frage_neu_melden(diskussion):
    """Tell the Redaktion of a new Frage an das Land, so that it assigns the question to a Land office."""
    erster = diskussion.beitraege.order_by("created_at", "pk").first()
    zuweisen_url = reverse("diskussionen_moderation:zuweisen", args=[diskussion.pk])
    return _redaktion_melden(
        diskussion.author_id,
        Benachrichtigungsart.FRAGE_NEU,
        betreff=_("Neue Frage an das Land: %(titel)s") % {"titel": diskussion.title},
        template="diskussionen/mail/frage_neu",
        context={
            "diskussion": diskussion,
            "frage_text": plain_text(erster.body_html) if erster else "",
            "zuweisen_url": mail.absolute_url(zuweisen_url),
        },
        url=diskussion.get_absolute_url(),
        schluessel=f"frage-neu:{diskussion.pk}",
    )


def frage_zugewiesen_melden(diskussion, organisation, faellig_am):
    """Tell the members of the Land office the Redaktion assigned a question to, with its due date."""
    return _melden(
        active_members().filter(organisation=organisation).order_by("pk"),
        Benachrichtigungsart.FRAGE_ZUGEWIESEN,
        betreff=_("Frage an Ihre Stelle: %(titel)s – Antwort fällig am %(faellig)s")
        % {"titel": diskussion.title, "faellig": f"{faellig_am:%d.%m.%Y}"},
        template="diskussionen/mail/frage_zugewiesen",
        context={"diskussion": diskussion, "organisation": organisation, "faellig_am": faellig_am},
        url=diskussion.get_absolute_url(),
        grund=_("Sie erhalten diese Nachricht, weil die Redaktion diese Frage Ihrer Stelle %(stelle)s zugewiesen hat.")
        % {"stelle": organisation},
        schluessel=f"frage-zugewiesen:{diskussion.pk}:{organisation.pk}:{faellig_am:%Y%m%d}",
    )


def antwort_des_landes_melden(beitrag, erwaehnte_ids=()):
    """Tell the asker and the followers of the Land's official answer, in place of the new-post mail.

    It goes out at once whatever the digest setting, being one awaited event, but not to members who want no
    forum e-mail. No forum Benachrichtigung is recorded, so the daily digest does not repeat the answer. Members
    mentioned in the answer who get no answer mail get the usual mention mail.
    """
    diskussion = beitrag.diskussion
    gruende = {user_id: _folgen_grund(grund, diskussion) for user_id, grund in _folgende(diskussion).items()}
    if diskussion.author_id:
        gruende[diskussion.author_id] = str(FRAGE_GESTELLT)
    gruende.pop(beitrag.author_id, None)
    je_grund = defaultdict(list)
    for user in active_members().filter(pk__in=gruende).order_by("pk"):
        je_grund[gruende[user.pk]].append(user)
    betreff = _("Antwort des Landes auf „%(titel)s“") % {"titel": diskussion.title}
    context = {
        "diskussion": diskussion,
        "beitrag": beitrag,
        "organisation": diskussion.zugewiesen_an,
        "antwort_text": plain_text(beitrag.body_html),
    }
    benachrichtigt = set()
    for grund, users in je_grund.items():
        gemeldet = _melden(
            users,
            Benachrichtigungsart.ANTWORT_DES_LANDES,
            betreff=betreff,
            template="diskussionen/mail/antwort_des_landes",
            context=context,
            url=beitrag.get_absolute_url(),
            grund=grund,
            schluessel=f"antwort-des-landes:{beitrag.pk}",
        )
        benachrichtigt.update(user.pk for user in gemeldet)
    erwaehnte = set(erwaehnte_ids) - benachrichtigt
    if erwaehnte:
        benachrichtigen(beitrag, erwaehnte_ids=erwaehnte, nur_erwaehnte=True)


def _folgen_grund(grund, diskussion):
    themenfeld = diskussion.themenfeld.title if diskussion.themenfeld_id else ""
    # A mapping leaves a text without the placeholder as it is.
    return str(FOLGEN_GRUENDE[grund]) % {"themenfeld": themenfeld}


def beitrag_gemeldet_melden(meldung):
    """Tell the Redaktion of a reported Beitrag: once while it has open reports, again only after they were closed."""
    beitrag = meldung.beitrag
    # The oldest open report names this round of reports; further reports before it is closed share its key.
    erste_offene = (
        Meldung.objects.filter(beitrag=beitrag, erledigt_am__isnull=True).order_by("pk").values_list("pk", flat=True)
    ).first()
    if erste_offene is None:
        return []
    diskussion = beitrag.diskussion
    return _redaktion_melden(
        meldung.gemeldet_von_id,
        Benachrichtigungsart.BEITRAG_GEMELDET,
        betreff=_("Beitrag gemeldet in „%(titel)s“") % {"titel": diskussion.title},
        template="diskussionen/mail/beitrag_gemeldet",
        context={
            "diskussion": diskussion,
            "beitrag": beitrag,
            "meldung": meldung,
            "beitrag_text": plain_text(beitrag.body_html),
            "beitrag_url": mail.absolute_url(beitrag.get_absolute_url()),
        },
        url=reverse("diskussionen_meldungen:index"),
        schluessel=f"meldung:{beitrag.pk}:{erste_offene}",
    )


def beitrag_verborgen_melden(beitrag, protokoll):
    """Tell the author that the Redaktion hid her Beitrag, with its reason; not when she hid it herself."""
    if beitrag.author_id is None or beitrag.author_id == protokoll.wer_id:
        return []
    diskussion = beitrag.diskussion
    begruendung = protokoll.begruendung or str(OHNE_BEGRUENDUNG)
    return _melden(
        active_members().filter(pk=beitrag.author_id),
        Benachrichtigungsart.BEITRAG_AUSGEBLENDET,
        betreff=_("Ihr Beitrag in „%(titel)s“ wurde ausgeblendet") % {"titel": diskussion.title},
        template="diskussionen/mail/beitrag_ausgeblendet",
        context={
            "diskussion": diskussion,
            "beitrag": beitrag,
            "begruendung": begruendung,
            "redaktion_email": settings.REDAKTION_EMAIL,
        },
        url=beitrag.get_absolute_url(),
        grund=_("Sie erhalten diese Nachricht, weil Sie diesen Beitrag geschrieben haben."),
        schluessel=f"verborgen:{protokoll.pk}",
        text=_("Begründung der Redaktion: %(begruendung)s") % {"begruendung": begruendung},
    )


def send_digests(now=None):
    """One e-mail per member with daily digest and pending notifications; returns the number of e-mails sent."""
    now = now or timezone.now()
    pending = (
        Benachrichtigung.objects.filter(
            versendet_am__isnull=True,
            empfaenger__is_active=True,
            empfaenger__diskussionseinstellung__haeufigkeit=Haeufigkeit.TAEGLICH,
            beitrag__is_geloescht=False,
            beitrag__is_verborgen=False,
        )
        .select_related("empfaenger", "beitrag__diskussion", "beitrag__author")
        .order_by("empfaenger_id", "beitrag__diskussion_id", "beitrag__created_at", "beitrag_id")
    )
    per_user = defaultdict(list)
    for benachrichtigung in pending:
        per_user[benachrichtigung.empfaenger].append(benachrichtigung)
    sent = 0
    for user, benachrichtigungen in per_user.items():
        sent += _send(user, "diskussionen/mail/zusammenfassung", benachrichtigungen, now=now)
    return sent


def _send(user, template, benachrichtigungen, now=None):
    """Queue one mail about the given notifications and mark them sent; returns the number of mails queued."""
    abbestellen_context, headers = _abbestellen(user)
    context = {"user": user, "eintraege": [_eintrag(b) for b in benachrichtigungen], **abbestellen_context}
    sent = mail.send(template, user.email, context, headers=headers)
    Benachrichtigung.objects.filter(pk__in=[b.pk for b in benachrichtigungen]).update(
        versendet_am=now or timezone.now()
    )
    return sent


def _abbestellen(user):
    """Links that stop or tune a member's forum mail and the unsubscribe headers."""
    alle_url = mail.absolute_url(reverse("diskussionen:abbestellen", args=[abbestellen_token(user)]))
    context = {
        "abbestellen_url": alle_url,
        "einstellungen_url": mail.absolute_url(reverse("diskussionen:einstellungen")),
    }
    # RFC 8058: one-click unsubscribe from the mail client's own button.
    headers = {"List-Unsubscribe": f"<{alle_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return context, headers


def _eintrag(benachrichtigung):
    beitrag = benachrichtigung.beitrag
    diskussion = beitrag.diskussion
    token = abbestellen_token(benachrichtigung.empfaenger, diskussion=diskussion)
    return {
        "benachrichtigung": benachrichtigung,
        "ist_erwaehnung": benachrichtigung.grund == Grund.ERWAEHNUNG,
        "beitrag": beitrag,
        "diskussion": diskussion,
        "text": plain_text(beitrag.body_html),
        "url": mail.absolute_url(beitrag.get_absolute_url()),
        "abbestellen_url": mail.absolute_url(reverse("diskussionen:abbestellen", args=[token])),
    }


# -- unsubscribe -----------------------------------------------------------------------------------------------------
def abbestellen_token(user, diskussion=None, themenfeld=None):
    """A signed token that stops e-mail about one Diskussion, one Themenfeld, or (neither given) all followed ones."""
    payload = {"u": user.pk}
    if diskussion is not None:
        payload["d"] = diskussion.pk
    elif themenfeld is not None:
        payload["t"] = themenfeld.pk
    return signing.dumps(payload, salt=ABBESTELLEN_SALT)


def read_abbestellen_token(token):
    """The payload of a valid token; raises signing.BadSignature for anything forged or garbled."""
    payload = signing.loads(token, salt=ABBESTELLEN_SALT)
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise signing.BadSignature("payload")
    return payload


def abbestellen(payload):
    """Carry out an unsubscribe token's payload; returns the user it belonged to, or None if she no longer exists."""
    user = get_user_model().objects.filter(pk=payload["u"]).first()
    if user is None:
        return None
    if "d" in payload:
        Abonnement.objects.filter(user=user, diskussion_id=payload["d"]).delete()
    elif "t" in payload:
        ThemenfeldAbonnement.objects.filter(user=user, themenfeld_id=payload["t"]).delete()
    else:
        Benachrichtigungseinstellung.objects.update_or_create(user=user, defaults={"haeufigkeit": Haeufigkeit.NIE})
    return user
