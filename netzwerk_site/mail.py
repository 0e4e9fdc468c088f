"""The one way out for e-mail: every mail the portal sends goes through send().

A mail is named by its template path without suffix, e.g. "konto/mail/einladung", and consists of three
templates in the sending app's templates folder (core mails in netzwerk_site/templates/mail/):

- ``<name>_betreff.txt``: the subject; whitespace and line breaks collapse to one line, so text a user typed
  can never add a header.
- ``<name>.txt``: the plain-text body.
- ``<name>.html``: the HTML alternative, extending ``mail/base.html`` (lang="de", no external resources).

Both text templates are rendered without HTML escaping; the HTML template escapes as usual. Links in mails
come from absolute_url(), built on the one configured site address WAGTAILADMIN_BASE_URL, because
management commands and signal handlers have no request. A mail is rendered at once, in the caller's context, but
is handed to the task zustellen() only after the surrounding transaction commits, so an action that is rolled back
sends nothing. The task runs at once in development and tests and in the db_worker in production (TASKS).

A failing mail server loses nothing: zustellen() records the refusal in a Mailversand row (shown to the Redaktion
in the admin as "Mailversand: Fehler") and enqueues itself again after a growing pause, up to MAIL_VERSUCHE
attempts; a mail given up on stays there with its last error.
"""

import base64
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from django_tasks import task

from netzwerk_site.fields import one_line
from netzwerk_site.models import Mailversand

logger = logging.getLogger(__name__)


def send(template, to, context, *, attachments=(), headers=None, reply_to=None):
    """Render the mail named template and send it to `to` (one address or several) after the commit.

    attachments are (filename, content, mimetype) tuples. Returns the number of mails queued (0 or 1).
    """
    recipients = _recipients(to)
    if not recipients:
        return 0
    nachricht = {
        "vorlage": template,
        "betreff": render_subject(template, context),
        "text": _render_plain(f"{template}.txt", context),
        "html": render_to_string(f"{template}.html", context),
        "von": settings.DEFAULT_FROM_EMAIL,
        "an": recipients,
        "headers": dict(headers or {}),
        "antwort_an": [reply_to] if isinstance(reply_to, str) else list(reply_to or ()),
        "anhaenge": [_anhang(*attachment) for attachment in attachments],
    }
    transaction.on_commit(lambda: zustellen.enqueue(nachricht), robust=True)
    return 1


def render_subject(template, context):
    """The subject of the mail named template, on one line."""
    return one_line(_render_plain(f"{template}_betreff.txt", context))


def absolute_url(path_or_url):
    """An absolute address for a link in a mail: a path joined to WAGTAILADMIN_BASE_URL; full URLs stay."""
    if urlsplit(path_or_url).scheme:
        return path_or_url
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}/{path_or_url.lstrip('/')}"


def _recipients(to):
    addresses = [to] if isinstance(to, str) else list(to or ())
    return [address for address in addresses if address]


def _render_plain(name, context):
    # Plain text must not show "&amp;" for "&": the Django template is rendered with autoescaping off.
    return get_template(name).template.render(Context(context, autoescape=False))


@task()
def zustellen(nachricht, versuch=1, mailversand_id=None):
    """Send the rendered mail; on a refusal record it and try again later, up to MAIL_VERSUCHE attempts.

    nachricht is what send() rendered, JSON only (the database backend stores it); versuch counts from 1.
    """
    try:
        _message(nachricht).send()
    except OSError as error:
        # SMTP errors are OSErrors; the action itself is committed and stays done. No address in the log.
        _fehlschlag(nachricht, versuch, mailversand_id, error)
        return False
    if mailversand_id is not None:
        Mailversand.objects.filter(pk=mailversand_id).update(
            stand=Mailversand.Stand.ZUGESTELLT, versuche=versuch, updated_at=timezone.now()
        )
    return True


def wartezeit(versuch):
    """The pause before attempt versuch + 1: MAIL_WIEDERHOLEN_NACH, doubled with each failed attempt."""
    return timedelta(seconds=settings.MAIL_WIEDERHOLEN_NACH_SEKUNDEN * 2 ** (versuch - 1))


def _fehlschlag(nachricht, versuch, mailversand_id, error):
    aufgeben = versuch >= settings.MAIL_VERSUCHE
    werte = {
        "versuche": versuch,
        "letzter_fehler": f"{type(error).__name__}: {error}"[:2000],
        "stand": Mailversand.Stand.AUFGEGEBEN if aufgeben else Mailversand.Stand.WIRD_WIEDERHOLT,
        "updated_at": timezone.now(),
    }
    if mailversand_id is None:
        mailversand_id = Mailversand.objects.create(
            empfaenger=", ".join(nachricht["an"]),
            betreff=nachricht["betreff"][:1000],
            vorlage=nachricht["vorlage"],
            nachricht=nachricht,
            **werte,
        ).pk
    else:
        Mailversand.objects.filter(pk=mailversand_id).update(**werte)
    if aufgeben:
        logger.error("Mail %s to %d recipients not sent", nachricht["vorlage"], len(nachricht["an"]))
        return
    naechster = zustellen
    if naechster.get_backend().supports_defer:
        naechster = zustellen.using(run_after=timezone.now() + wartezeit(versuch))
    naechster.enqueue(nachricht, versuch + 1, mailversand_id)


def _message(nachricht):
    message = EmailMultiAlternatives(
        subject=nachricht["betreff"],
        body=nachricht["text"],
        from_email=nachricht["von"],
        to=nachricht["an"],
        headers=nachricht["headers"] or None,
        reply_to=nachricht["antwort_an"] or None,
    )
    message.attach_alternative(nachricht["html"], "text/html")
    for name, inhalt, mimetype, ist_binaer in nachricht["anhaenge"]:
        message.attach(name, base64.b64decode(inhalt) if ist_binaer else inhalt, mimetype)
    return message


def _anhang(name, inhalt, mimetype=None):
    # Task arguments must be JSON: bytes travel as base64 and come back as bytes; text stays text.
    if isinstance(inhalt, bytes):
        return [name, base64.b64encode(inhalt).decode("ascii"), mimetype, True]
    return [name, inhalt, mimetype, False]
