"""Server errors the input tests found in members-only and admin views, pinned after their fix."""

from django.urls import reverse

import pytest

from tests.factories.diskussionen import BeitragFactory, DiskussionFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_nul_byte_in_the_new_thread_link_leaves_the_themenfeld_empty(member_client):
    response = member_client.get("/diskussionen/neu/?themenfeld=%00")

    assert response.status_code == 200
    assert response.context["form"].initial.get("themenfeld") is None


def test_an_unknown_moderation_action_is_not_found(editor_client, member):
    beitrag = BeitragFactory(diskussion=DiskussionFactory(author=member), author=member)
    url = reverse("diskussionen_meldungen:moderieren", args=[beitrag.pk, "loeschen-alles"])

    response = editor_client.post(url)

    assert response.status_code == 404
    beitrag.refresh_from_db()
    assert not beitrag.is_verborgen


def test_the_api_refuses_an_unknown_search_operator_with_400(client, site_tree):
    response = client.get("/api/v2/pages/?search=sprache&search_operator=weder")

    assert response.status_code == 400


@pytest.mark.parametrize("query", ['"', "((", "sprache*", "NEAR(", "a AND", "\x00"])
def test_the_api_search_answers_syntax_characters_without_server_error(client, site_tree, query):
    response = client.get("/api/v2/pages/", {"search": query})

    assert response.status_code == 200
