"""Writing audit entries: who acted (the request's user or an explicit actor), from where, on what.

The acting user comes from a context variable that AuditMiddleware sets per request, so that signal
handlers deep inside a save() still know who clicked. Outside requests (management commands, the
shell) the actor stays empty unless code wraps the change in `acting_as(user)`.
"""

import ipaddress
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from axes.helpers import get_client_ip_address

from betrieb.models import AuditEintrag

_request = ContextVar("betrieb_audit_request", default=None)
_actor = ContextVar("betrieb_audit_actor", default=None)
_UNSET = object()


@contextmanager
def request_context(request):
    """Make the request's user and address known to the audit log while the request runs."""
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


@contextmanager
def acting_as(user):
    """Attribute every change inside the block to user, also outside a request."""
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor():
    """The explicit actor, else the signed-in user of the current request, else None."""
    actor = _actor.get()
    if actor is not None:
        return actor
    user = getattr(_request.get(), "user", None)
    return user if user is not None and user.is_authenticated else None


def client_ip(request):
    """The client address as django-axes determines it (same address as in lockouts), or None."""
    if request is None:
        return None
    try:
        return str(ipaddress.ip_address(get_client_ip_address(request)))
    except (TypeError, ValueError):
        return None


def describe(obj):
    """A short, stable description: "Mitglied „anna“", "Gruppe „Redaktion“"."""
    return f"{obj._meta.verbose_name} „{label(obj)}“"


def label(obj):
    """Username for users, "app_label.codename" for permissions, else str()."""
    if isinstance(obj, Permission):
        return f"{obj.content_type.app_label}.{obj.codename}"
    if isinstance(obj, get_user_model()):
        return obj.get_username()
    return str(obj)


def record(aktion, target="", details=None, *, actor=_UNSET, request=None):
    """Write one AuditEintrag; actor and address default to those of the current request."""
    if actor is _UNSET:
        actor = current_actor()
    return AuditEintrag.objects.create(
        aktion=aktion,
        actor=actor,
        actor_name=actor.get_username()[:150] if actor is not None else "",
        target=target[:255],
        details=details or {},
        ip_address=client_ip(request or _request.get()),
    )


def delete_expired(days, now=None):
    """Delete entries older than days days (the retention period); returns how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _ = AuditEintrag.objects.filter(created_at__lt=cutoff).delete()
    return deleted
