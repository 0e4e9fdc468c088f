"""Diskussionen are for members only: anonymous and inactive users go to the login, users without a role get 403."""

import pytest

from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LISTE = "/diskussionen/"


def urls(diskussion):
    beitrag = diskussion.beitraege.get()
    return [
        LISTE,
        "/diskussionen/neu/",
        "/diskussionen/einstellungen/",
        f"/diskussionen/{diskussion.pk}/",
        f"/diskussionen/beitrag/{beitrag.pk}/melden/",
    ]


def test_anonymous_visitor_is_sent_to_the_login(client, diskussion):
    responses = {url: client.get(url) for url in urls(diskussion)}

    assert {url: (r.status_code, r["Location"]) for url, r in responses.items()} == {
        url: (302, f"/konto/anmelden/?next={url}") for url in urls(diskussion)
    }


def test_inactive_member_is_sent_to_the_login(client, inactive_member, diskussion):
    client.force_login(inactive_member)

    response = client.get(LISTE)

    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/diskussionen/"


def test_logged_in_user_without_network_role_gets_403(client, diskussion):
    client.force_login(UserFactory())

    statuses = {url: client.get(url).status_code for url in urls(diskussion)}

    assert statuses == dict.fromkeys(urls(diskussion), 403)


@pytest.mark.parametrize("role", ["member", "land_member", "editor"])
def test_every_network_role_reads_and_writes(client, diskussion, role, request):
    client.force_login(request.getfixturevalue(role))

    statuses = {url: client.get(url).status_code for url in urls(diskussion)}

    assert statuses == dict.fromkeys(urls(diskussion), 200)


def test_only_land_members_see_the_questions_page(client, member, land_member, editor):
    statuses = {}
    for user in (member, land_member, editor):
        client.force_login(user)
        statuses[user.username] = client.get("/diskussionen/fragen/").status_code

    assert statuses == {"kommune": 403, "land": 200, editor.username: 403}


def test_only_the_author_may_edit_or_delete(client, diskussion, other_member):
    beitrag = diskussion.beitraege.get()
    client.force_login(other_member)

    edit = client.get(f"/diskussionen/beitrag/{beitrag.pk}/bearbeiten/")
    delete = client.post(f"/diskussionen/beitrag/{beitrag.pk}/loeschen/")

    assert (edit.status_code, delete.status_code) == (403, 403)
    beitrag.refresh_from_db()
    assert beitrag.is_geloescht is False


def test_moderation_admin_is_for_the_redaktion_only(client, member, editor):
    client.force_login(member)
    member_status = client.get("/admin/diskussionen/meldungen/").status_code
    client.force_login(editor)

    editor_statuses = [
        client.get(url).status_code
        for url in ("/admin/diskussionen/meldungen/", "/admin/diskussionen/", "/admin/diskussionen/protokoll/")
    ]

    assert member_status == 302
    assert editor_statuses == [200, 200, 200]
