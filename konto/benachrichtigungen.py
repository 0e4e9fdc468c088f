"""The one way the apps tell a member something: benachrichtigen() records it in the portal and mails it.

Every event (a new Frage an das Land, a reminder, an answer, a moved Veranstaltung) calls

    benachrichtigen(users, Benachrichtigungsart.FRAGE_NEU, betreff=..., template="diskussionen/mail/frage_neu",
                    context={...}, url=frage.get_absolute_url(), grund="Sie gehören zur Redaktion.",
                    schluessel=f"frage-{frage.pk}-neu")

Each active recipient gets a Benachrichtigung row (shown on /konto/benachrichtigungen/ and counted in the header),
and a mail through netzwerk_site.mail.send unless she turned off mails of that Art (Mailabwahl). The row is
recorded even then, so nothing is lost for people whose mail filters eat it. A schluessel already recorded for a
member skips her entirely, which makes periodic reminder commands idempotent.

The mail context gets `user`, `betreff`, `url` (absolute), `grund` and `einstellungen_url` (absolute), so each
mail can say why the member gets it and where to change that: include "konto/mail/_fuss.txt" / "_fuss.html".
"""

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from konto.models import Benachrichtigung, Mailabwahl
from netzwerk_site import mail

UNGELESEN_KEY = "konto:ungelesen:{}"
# The header count may lag this long behind a change the cache did not hear of (e.g. a row deleted in the admin).
UNGELESEN_TIMEOUT = 300


def benachrichtigen(
    users,
    art,
    *,
    betreff,
    template,
    context,
    url,
    grund,
    schluessel=None,
    text="",
    attachments=(),
    ohne_mail=frozenset(),
    headers=None,
):
    """Record art for each active user and mail those who did not turn it off; returns the users notified.

    Users who already have a Benachrichtigung with this schluessel are skipped (no row, no mail). Users whose pk is
    in ohne_mail get the row but no mail (e.g. the forum's "Keine E-Mails"). attachments go to every mail as
    mail.send takes them, and so do headers (e.g. List-Unsubscribe). Queries: one for the recorded keys (only with
    a schluessel), one for the mail opt-outs, one bulk insert.
    """
    empfaenger = _active_unique(users)
    if schluessel and empfaenger:
        recorded = set(
            Benachrichtigung.objects.filter(user__in=empfaenger, schluessel=schluessel).values_list(
                "user_id", flat=True
            )
        )
        empfaenger = [user for user in empfaenger if user.pk not in recorded]
    if not empfaenger:
        return []
    abgewaehlt = set(ohne_mail)
    abgewaehlt.update(Mailabwahl.objects.filter(user__in=empfaenger, art=art).values_list("user_id", flat=True))
    Benachrichtigung.objects.bulk_create(
        [
            Benachrichtigung(
                user=user, art=art, betreff=betreff, text=text, url=url, grund=grund, schluessel=schluessel or ""
            )
            for user in empfaenger
        ],
        ignore_conflicts=bool(schluessel),
    )
    mail_context = {
        "text": text,
        **context,
        "betreff": betreff,
        "url": mail.absolute_url(url),
        "grund": grund,
        "einstellungen_url": mail.absolute_url(reverse("konto:benachrichtigungen")),
    }
    for user in empfaenger:
        if user.pk not in abgewaehlt:
            mail.send(template, [user.email], {**mail_context, "user": user}, attachments=attachments, headers=headers)
    _forget_counts([user.pk for user in empfaenger])
    return empfaenger


def ungelesen(user):
    """How many Benachrichtigungen the member has not read yet; cached per member until one is added or read."""
    key = UNGELESEN_KEY.format(user.pk)
    count = cache.get(key)
    if count is None:
        count = Benachrichtigung.objects.filter(user=user, gelesen_am__isnull=True).count()
        cache.set(key, count, UNGELESEN_TIMEOUT)
    return count


def als_gelesen_markieren(user, pk=None):
    """Mark the member's unread Benachrichtigungen (or only the one with pk) as read now; returns how many changed."""
    unread = Benachrichtigung.objects.filter(user=user, gelesen_am__isnull=True)
    if pk is not None:
        unread = unread.filter(pk=pk)
    changed = unread.update(gelesen_am=timezone.now())
    if changed:
        _forget_counts([user.pk])
    return changed


def _active_unique(users):
    seen, result = set(), []
    for user in users:
        if user.is_active and user.pk not in seen:
            seen.add(user.pk)
            result.append(user)
    return result


def _forget_counts(user_ids):
    # After the commit: a request reading the count before it would otherwise cache the old number again.
    keys = [UNGELESEN_KEY.format(pk) for pk in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys), robust=True)
