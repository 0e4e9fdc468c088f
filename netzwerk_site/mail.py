"""The one way out for e-mail: every mail the portal sends goes through send().

A mail is named by its template path without suffix, e.g. "konto/mail/einladung", and consists of three
templates in the sending app's templates folder (core mails in netzwerk_site/templates/mail/):

- ``<name>_betreff.txt``: the subject; whitespace and line breaks collapse to one line, so text a user typed
  can never add a header.
- ``<name>.txt``: the plain-text body.
- ``<name>.html``: the HTML alternative, extending ``mail/base.html`` (lang="de", no external resources).

Both text templates are rendered without HTML escaping; the HTML template escapes as usual. Links in mails
come from absolute_url(), built on the one configured site address WAGTAILADMIN_BASE_URL, because
management commands and signal handlers have no request. A mail is rendered at once but leaves only after
the surrounding transaction commits, so an action that is rolled back sends nothing.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string

from netzwerk_site.fields import one_line

logger = logging.getLogger(__name__)


def send(template, to, context, *, attachments=(), headers=None, reply_to=None):
    """Render the mail named template and send it to `to` (one address or several) after the commit.

    attachments are (filename, content, mimetype) tuples. Returns the number of mails queued (0 or 1).
    """
    recipients = _recipients(to)
    if not recipients:
        return 0
    message = EmailMultiAlternatives(
        subject=render_subject(template, context),
        body=_render_plain(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        headers=headers,
        reply_to=[reply_to] if isinstance(reply_to, str) else reply_to,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    for attachment in attachments:
        message.attach(*attachment)
    transaction.on_commit(lambda: _deliver(message, template), robust=True)
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


def _deliver(message, template):
    try:
        message.send()
    except OSError:
        # SMTP errors are OSErrors; the action itself is committed and stays done. No address in the log.
        logger.exception("Mail %s to %d recipients not sent", template, len(message.to))
