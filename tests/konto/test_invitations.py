from datetime import timedelta

from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.menu import admin_menu

import pytest

from konto.invitations import create_invitation
from konto.models import Einladung, User
from konto.roles import Rolle
from tests.factories.netzwerk_site import KommuneFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORD = "Sprachmittlung-2026"


@pytest.fixture
def invitation(groups, editor):
    kommune = KommuneFactory(name="Pirmasens", slug="stadt-pirmasens", art="kreisfreie_stadt")
    return create_invitation(
        email="neu@pirmasens.example.org", rolle=Rolle.MITGLIED_KOMMUNE, created_by=editor, kommune=kommune
    )


def accept(client, raw_token, username="neues-mitglied"):
    url = reverse("konto:einladung", kwargs={"token": raw_token})
    return client.post(url, {"username": username, "password1": PASSWORD, "password2": PASSWORD})


def test_redaktion_sends_an_invitation_from_the_admin(
    editor_client, groups, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://netzwerk.example.org/"
    kommune = KommuneFactory(name="Kusel", slug="landkreis-kusel")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("konto_einladen:index"),
            {"email": "Neu@Kusel.example.org", "rolle": Rolle.MITGLIED_KOMMUNE, "kommune": kommune.pk},
        )

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["neu@kusel.example.org"]]
    assert "\nhttps://netzwerk.example.org/konto/einladung/" in mail.outbox[0].body
    assert Einladung.objects.get().kommune == kommune


def test_member_cannot_send_invitations(member_client):
    response = member_client.post(reverse("konto_einladen:index"), {"email": "x@example.org", "rolle": Rolle.REDAKTION})

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert (Einladung.objects.count(), len(mail.outbox)) == (0, 0)


def admin_menu_labels(user, rf):
    request = rf.get(reverse("wagtailadmin_home"))
    request.user = user
    return [item.label for item in admin_menu.menu_items_for_request(request)]


def test_member_with_admin_access_gets_the_admin_refusal_and_no_menu_item(client, rf, member, editor):
    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(member)

    response = client.post(reverse("konto_einladen:index"), {"email": "x@example.org", "rolle": Rolle.REDAKTION})

    assert (response.status_code, response.url) == (302, "/admin/")
    assert (Einladung.objects.count(), len(mail.outbox)) == (0, 0)
    assert ["Mitglied einladen" in admin_menu_labels(user, rf) for user in (editor, member)] == [True, False]


def test_redaktion_opens_the_menu_item_and_sees_the_sent_invitation(
    editor_client, groups, django_capture_on_commit_callbacks
):
    kommune = KommuneFactory(name="Kusel", slug="landkreis-kusel")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/konto/einladen/",
            {"email": "neu@kusel.example.org", "rolle": Rolle.MITGLIED_KOMMUNE, "kommune": kommune.pk},
            follow=True,
        )

    assert response.redirect_chain == [("/admin/konto/einladen/", 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Die Einladung an neu@kusel.example.org wurde verschickt."
    ]
    assert [e.email for e in response.context["einladungen"]] == ["neu@kusel.example.org"]
    assert [m.to for m in mail.outbox] == [["neu@kusel.example.org"]]


def test_invitation_creates_a_member_of_the_kommune_and_logs_in(client, invitation):
    einladung, raw_token = invitation

    response = accept(client, raw_token)

    user = User.objects.get(username="neues-mitglied")
    assert response.status_code == 302
    assert (user.email, user.kommune, list(user.groups.values_list("name", flat=True))) == (
        "neu@pirmasens.example.org",
        einladung.kommune,
        [Rolle.MITGLIED_KOMMUNE.value],
    )
    assert client.get(reverse("konto:uebersicht")).status_code == 200


def test_used_invitation_link_is_refused(client, invitation):
    _, raw_token = invitation
    accept(client, raw_token)
    client.logout()

    response = accept(client, raw_token, username="zweites-konto")

    assert response.status_code == 410
    assert not User.objects.filter(username="zweites-konto").exists()


def test_expired_invitation_link_is_refused(client, invitation):
    einladung, raw_token = invitation
    Einladung.objects.filter(pk=einladung.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client.get(reverse("konto:einladung", kwargs={"token": raw_token}))

    assert response.status_code == 410
    assert "abgelaufen oder wurde bereits verwendet" in response.content.decode()


def test_unknown_token_is_refused(client, groups):
    response = client.get(reverse("konto:einladung", kwargs={"token": "erfunden"}))

    assert response.status_code == 410


def test_only_the_hash_of_the_token_is_stored(invitation):
    einladung, raw_token = invitation

    assert raw_token not in einladung.token_hash
    assert len(einladung.token_hash) == 64


def test_weak_password_is_refused_with_german_message_and_username_kept(client, invitation):
    _, raw_token = invitation
    url = reverse("konto:einladung", kwargs={"token": raw_token})

    response = client.post(url, {"username": "neues-mitglied", "password1": "12345678", "password2": "12345678"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieses Passwort ist zu kurz" in html
    assert 'value="neues-mitglied"' in html
    assert User.objects.filter(username="neues-mitglied").count() == 0
