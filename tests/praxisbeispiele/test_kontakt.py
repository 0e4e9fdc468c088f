"""Contact persons are for network members only, and only with recorded consent."""

from django.utils import timezone

import pytest

from tests.factories.netzwerk_site import ThemenfeldPageFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def beispiel(site_tree):
    themenfeld = ThemenfeldPageFactory(parent=site_tree.themenfelder).themenfeld
    return PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele,
        themenfelder=[themenfeld],
        kontakt_name="Erika Beispiel",
        kontakt_email="erika.beispiel@example.org",
        kontakt_einwilligung_am=timezone.now(),
        kontakt_einwilligung_von="Erika Beispiel, erfasst von der Redaktion",
    )


def test_anonymous_visitor_does_not_see_the_contact_person(client, beispiel):
    html = client.get(beispiel.url).content.decode()

    assert "Erika Beispiel" not in html
    assert "erika.beispiel@example.org" not in html
    assert "Melden Sie sich an" in html


@pytest.mark.parametrize("role", ["member", "land_member", "editor"])
def test_members_see_the_contact_person(request, client, beispiel, role):
    client.force_login(request.getfixturevalue(role))

    html = client.get(beispiel.url).content.decode()

    assert "Erika Beispiel" in html
    assert "mailto:erika.beispiel@example.org" in html


def test_inactive_user_does_not_see_the_contact_person(client, beispiel, inactive_member):
    client.force_login(inactive_member)

    assert "Erika Beispiel" not in client.get(beispiel.url).content.decode()


def test_contact_without_consent_is_never_shown(client, beispiel, member):
    beispiel.kontakt_einwilligung_am = None
    beispiel.save()
    client.force_login(member)

    assert "Erika Beispiel" not in client.get(beispiel.url).content.decode()


def test_api_never_exposes_contact_fields(client, beispiel):
    response = client.get(f"/api/v2/pages/{beispiel.pk}/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "kontakt" not in body
    assert "Erika" not in body


def test_redaktion_withdraws_the_contact_persons_consent(client, beispiel, editor):
    client.force_login(editor)

    response = client.post(f"/aktionen/praxisbeispiele/{beispiel.pk}/kontakt/widerrufen/")

    beispiel.refresh_from_db()
    assert response.status_code == 302
    assert (beispiel.kontakt_name, beispiel.kontakt_einwilligung_am) == ("", None)


def test_other_members_cannot_withdraw_the_consent(client, beispiel, member):
    client.force_login(member)

    response = client.post(f"/aktionen/praxisbeispiele/{beispiel.pk}/kontakt/widerrufen/")

    beispiel.refresh_from_db()
    assert response.status_code == 403
    assert beispiel.kontakt_name == "Erika Beispiel"
