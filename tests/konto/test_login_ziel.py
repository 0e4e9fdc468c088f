from django.urls import reverse

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORT = "Geheim-Passwort-123"


def anmelden(client, user, next_url=None):
    data = {"username": user.username, "password": PASSWORT}
    if next_url is not None:
        data["next"] = next_url
    return client.post(reverse("konto:anmelden"), data)


def test_redaktion_lands_in_the_wagtail_admin(client, editor, site_tree):
    response = anmelden(client, editor)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_redaktion_follows_a_safe_next(client, editor, site_tree):
    response = anmelden(client, editor, "/diskussionen/")

    assert response.url == "/diskussionen/"


def test_redaktion_ignores_a_next_to_another_site(client, editor, site_tree):
    response = anmelden(client, editor, "https://angreifer.example/admin/")

    assert response.url == reverse("wagtailadmin_home")


def test_members_keep_landing_on_their_account(client, member, site_tree):
    response = anmelden(client, member)

    assert response.url == reverse("konto:uebersicht")


def test_members_follow_a_safe_next(client, member, site_tree):
    response = anmelden(client, member, "/diskussionen/")

    assert response.url == "/diskussionen/"


def test_land_members_land_on_their_account(client, land_member, site_tree):
    response = anmelden(client, land_member)

    assert response.url == reverse("konto:uebersicht")


def test_logged_in_redaktion_opening_the_login_goes_to_the_admin(editor_client, site_tree):
    response = editor_client.get(reverse("konto:anmelden"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
