from django.test import override_settings
from django.urls import reverse

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_login_form_has_username_and_password_fields_in_german(client, site_tree):
    response = client.get(reverse("konto:anmelden"))

    html = response.content.decode()
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert "Passwort vergessen?" in html


def test_member_logs_in_with_username_and_password(client, member):
    response = client.post(reverse("konto:anmelden"), {"username": member.username, "password": "Geheim-Passwort-123"})

    assert response.status_code == 302
    assert response.url == reverse("konto:uebersicht")


def test_wrong_password_gives_a_german_error(client, member):
    response = client.post(reverse("konto:anmelden"), {"username": member.username, "password": "falsch"})

    assert response.status_code == 200
    assert "Benutzername oder Passwort ist falsch." in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=2)
def test_repeated_failures_lock_the_login(client, member):
    for _ in range(2):
        client.post(reverse("konto:anmelden"), {"username": member.username, "password": "falsch"})

    response = client.post(reverse("konto:anmelden"), {"username": member.username, "password": "Geheim-Passwort-123"})

    assert response.status_code == 429
    assert "zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()


def test_account_page_sends_anonymous_users_to_the_login(client, groups):
    response = client.get(reverse("konto:uebersicht"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("konto:anmelden"))


def test_inactive_user_cannot_log_in(client, inactive_member):
    response = client.post(
        reverse("konto:anmelden"), {"username": inactive_member.username, "password": "Geheim-Passwort-123"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_german_mail(client, member, mailoutbox):
    response = client.post(reverse("konto:passwort_vergessen"), {"email": member.email})

    assert response.status_code == 302
    assert mailoutbox[0].subject == "Neues Passwort für das Netzwerk Integration Rheinland-Pfalz"
    assert "/konto/passwort-neu/" in mailoutbox[0].body
