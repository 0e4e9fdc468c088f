"""Sign-ins, sign-outs, failed attempts and django-axes lockouts land in the audit log."""

from django.test import override_settings
from django.urls import reverse

import pytest

from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag
from tests.betrieb.conftest import eintraege

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORT = "Geheim-Passwort-123"


def test_login_records_the_member_and_the_address(client, member):
    client.post(reverse("konto:anmelden"), {"username": member.username, "password": PASSWORT})

    eintrag = AuditEintrag.objects.get(aktion=AuditAktion.ANMELDUNG)
    assert (eintrag.actor, eintrag.actor_name, eintrag.target) == (
        member,
        member.username,
        f"Mitglied „{member.username}“",
    )
    assert eintrag.ip_address == "127.0.0.1"


def test_failed_login_stores_the_attempted_username_but_never_the_password(client, member):
    client.post(reverse("konto:anmelden"), {"username": member.username, "password": "Falsches-Passwort-9"})

    eintrag = AuditEintrag.objects.get(aktion=AuditAktion.ANMELDUNG_FEHLGESCHLAGEN)
    assert (eintrag.actor, eintrag.target, eintrag.details) == (
        None,
        f"Benutzername „{member.username}“",
        {"benutzername": member.username},
    )
    assert "Falsches-Passwort-9" not in f"{eintrag.target} {eintrag.details} {eintrag.actor_name}"


def test_logout_records_who_signed_out(client, member):
    client.force_login(member)

    client.post(reverse("konto:abmelden"))

    assert eintraege(AuditAktion.ABMELDUNG) == [(member.username, f"Mitglied „{member.username}“", {})]


@override_settings(AXES_FAILURE_LIMIT=2)
def test_axes_lockout_is_recorded_with_the_username(client, member):
    for _ in range(2):
        client.post(reverse("konto:anmelden"), {"username": member.username, "password": "falsch"})

    assert eintraege(AuditAktion.GESPERRT) == [
        ("", f"Benutzername „{member.username}“", {"benutzername": member.username})
    ]
    assert AuditEintrag.objects.get(aktion=AuditAktion.GESPERRT).ip_address == "127.0.0.1"
