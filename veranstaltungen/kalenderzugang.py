"""The secret address of a member's personal calendar: created, replaced, revoked, looked up."""

import secrets

from konto.models import hash_token
from konto.roles import is_member
from veranstaltungen.models import Kalenderzugang


def regenerate(user):
    """A new token for user; the previous address stops working. Returns the raw token (shown once)."""
    raw = secrets.token_urlsafe(32)
    Kalenderzugang.objects.update_or_create(user=user, defaults={"token_hash": hash_token(raw)})
    return raw


def revoke(user):
    """True if there was an address to revoke."""
    deleted, _ = Kalenderzugang.objects.filter(user=user).delete()
    return bool(deleted)


def user_for(raw_token):
    """The active member the token belongs to, or None (unknown, revoked, or no longer a member)."""
    if not raw_token or len(raw_token) > 100:
        return None
    zugang = Kalenderzugang.objects.select_related("user").filter(token_hash=hash_token(raw_token)).first()
    if zugang is None or not is_member(zugang.user):
        return None
    return zugang.user
