"""Invitations: Redaktion invites by e-mail with an expiring one-time link."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from konto.models import Einladung, User, hash_token
from netzwerk_site import mail


def create_invitation(*, email, rolle, created_by, kommune=None, organisation=None, first_name="", last_name=""):
    """Store an invitation and return it with the raw token, which is never stored."""
    raw_token = secrets.token_urlsafe(32)
    einladung = Einladung.objects.create(
        email=email,
        first_name=first_name,
        last_name=last_name,
        rolle=rolle,
        kommune=kommune,
        organisation=organisation,
        created_by=created_by,
        token_hash=hash_token(raw_token),
        expires_at=timezone.now() + timedelta(days=settings.KONTO_EINLADUNG_GUELTIG_TAGE),
    )
    return einladung, raw_token


def send_invitation(einladung, raw_token):
    link = mail.absolute_url(reverse("konto:einladung", kwargs={"token": raw_token}))
    context = {"einladung": einladung, "link": link, "site_name": settings.WAGTAIL_SITE_NAME}
    mail.send("konto/mail/einladung", einladung.email, context)


def find_usable_invitation(raw_token):
    """The unused, unexpired invitation for this token, or None."""
    return Einladung.objects.usable().filter(token_hash=hash_token(raw_token)).first()


@transaction.atomic
def accept_invitation(raw_token, *, username, password):
    """Create the member's account and use up the invitation; None if it is no longer valid."""
    einladung = Einladung.objects.select_for_update().usable().filter(token_hash=hash_token(raw_token)).first()
    if einladung is None:
        return None
    user = User.objects.create_user(
        username=username,
        email=einladung.email,
        password=password,
        first_name=einladung.first_name,
        last_name=einladung.last_name,
        kommune=einladung.kommune,
        organisation=einladung.organisation,
    )
    user.groups.add(Group.objects.get(name=einladung.rolle))
    einladung.used_at = timezone.now()
    einladung.user = user
    einladung.save(update_fields=["used_at", "user"])
    return user
