from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.test import Client, override_settings
from django.urls import reverse

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORT = "Geheim-Passwort-123"
NEUES_PASSWORT = "Neues-Netzwerk-Passwort-456"
FALSCHES_PASSWORT_FEHLER = (
    "Das bisherige Passwort ist falsch. Geben Sie es bitte erneut ein; wenn Sie es vergessen haben, melden "
    "Sie sich ab und nutzen Sie „Passwort vergessen?“."
)


def aendern(client, alt=PASSWORT, neu=NEUES_PASSWORT, wiederholt=NEUES_PASSWORT):
    data = {"old_password": alt, "new_password1": neu, "new_password2": wiederholt}
    return client.post(reverse("konto:passwort_aendern"), data)


def test_change_form_is_in_the_site_layout_in_german(member_client, site_tree):
    response = member_client.get(reverse("konto:passwort_aendern"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="kern-heading-x-large">Passwort ändern</h1>' in html
    assert 'class="site-header"' in html
    assert 'name="old_password"' in html
    assert 'name="new_password1"' in html
    assert 'name="new_password2"' in html


def test_anonymous_visitors_are_sent_to_the_login(client, site_tree):
    response = client.get(reverse("konto:passwort_aendern"))

    assert response.status_code == 302
    assert response.url == f"{reverse('konto:anmelden')}?next={reverse('konto:passwort_aendern')}"


def test_correct_old_password_changes_it_and_keeps_the_session(member_client, member, site_tree):
    response = aendern(member_client)

    assert response.status_code == 302
    assert response.url == reverse("konto:uebersicht")
    member.refresh_from_db()
    assert member.check_password(NEUES_PASSWORT)
    assert member_client.session[SESSION_KEY] == str(member.pk)
    assert member_client.get(reverse("konto:uebersicht")).status_code == 200
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Ihr Passwort ist geändert. Sie bleiben angemeldet."
    ]


def test_wrong_old_password_is_reported_at_its_field_and_in_the_summary(member_client, member, site_tree):
    response = aendern(member_client, alt="falsch")

    assert response.status_code == 200
    assert response.context["form"].errors == {"old_password": [FALSCHES_PASSWORT_FEHLER]}
    html = response.content.decode()
    assert 'class="kern-alert kern-alert--danger fehlerzusammenfassung" role="alert" tabindex="-1" id="fehler"' in html
    assert '<a href="#id_old_password">' in html
    assert '<div class="kern-error" id="id_old_password_error">' in html
    assert f'<ul class="feld__fehler"><li>{FALSCHES_PASSWORT_FEHLER}</li></ul>' in html
    member.refresh_from_db()
    assert member.check_password(PASSWORT)


def test_new_passwords_that_differ_are_reported_at_the_repetition(member_client, member, site_tree):
    response = aendern(member_client, wiederholt="Anderes-Passwort-789")

    assert response.context["form"].errors == {
        "new_password2": ["Die beiden neuen Passwörter stimmen nicht überein. Geben Sie sie bitte erneut ein."]
    }
    member.refresh_from_db()
    assert member.check_password(PASSWORT)


@override_settings(AXES_FAILURE_LIMIT=2)
def test_repeated_wrong_old_passwords_lock_like_the_login(member_client, member, site_tree):
    for _ in range(2):
        aendern(member_client, alt="falsch")

    response = aendern(member_client)

    assert response.status_code == 429
    assert "zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORT)


def test_change_without_csrf_token_is_refused(member, site_tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = aendern(client)

    assert response.status_code == 403
    member.refresh_from_db()
    assert member.check_password(PASSWORT)
