"""Adoption records: only members of that Kommune may record or withdraw them."""

from django.urls import reverse

import pytest

from netzwerk_site.choices import KommuneArt
from praxisbeispiele.models import Uebernahme
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, OrganisationFactory, ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def kusel(db):
    return KommuneFactory(slug="landkreis-kusel", name="Kusel")


@pytest.fixture
def beispiel(site_tree):
    return PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, title="Kreuznacher Modell", themenfelder=[ThemenfeldFactory()]
    )


@pytest.fixture
def kusel_member(groups, kusel):
    return UserFactory(rolle="Mitglied (Kommune)", kommune=kusel)


def record(client, beispiel, stand="in_umsetzung", notiz="Angepasst für unsere Grundschulen."):
    url = reverse("praxisbeispiele:uebernahme_speichern", kwargs={"pk": beispiel.pk})
    return client.post(url, {"stand": stand, "notiz": notiz})


def withdraw(client, beispiel):
    return client.post(reverse("praxisbeispiele:uebernahme_zurueckziehen", kwargs={"pk": beispiel.pk}))


def test_member_records_that_her_kommune_adopted_an_example(client, beispiel, kusel_member, kusel):
    client.force_login(kusel_member)

    response = record(client, beispiel)

    assert response.status_code == 302
    assert list(Uebernahme.objects.values_list("kommune", "stand", "notiz", "created_by")) == [
        (kusel.pk, "in_umsetzung", "Angepasst für unsere Grundschulen.", kusel_member.pk)
    ]


def test_recording_again_updates_instead_of_duplicating(client, beispiel, kusel_member):
    client.force_login(kusel_member)
    record(client, beispiel, stand="geplant")

    record(client, beispiel, stand="umgesetzt")

    assert list(Uebernahme.objects.values_list("stand", flat=True)) == ["umgesetzt"]


def test_detail_and_kommune_pages_show_the_adoption(client, beispiel, kusel_member, kusel):
    client.force_login(kusel_member)
    record(client, beispiel)
    client.logout()

    detail = client.get(beispiel.url).content.decode()
    kommune_page = client.get(kusel.get_absolute_url()).content.decode()

    assert "Landkreis Kusel</a>: in Umsetzung" in detail
    assert "Angepasst für unsere Grundschulen." not in detail
    assert f'<a href="{beispiel.url}">Kreuznacher Modell</a>: in Umsetzung' in kommune_page


def test_another_kommune_cannot_withdraw_kusels_adoption(client, groups, beispiel, kusel_member):
    client.force_login(kusel_member)
    record(client, beispiel)
    other = UserFactory(rolle="Mitglied (Kommune)", kommune=KommuneFactory(art=KommuneArt.KREISFREIE_STADT))
    client.force_login(other)

    withdraw(client, beispiel)

    assert Uebernahme.objects.count() == 1


def test_member_withdraws_her_kommunes_adoption(client, beispiel, kusel_member):
    client.force_login(kusel_member)
    record(client, beispiel)

    response = withdraw(client, beispiel)

    assert response.status_code == 302
    assert Uebernahme.objects.count() == 0


def test_land_member_without_kommune_may_not_record(client, groups, beispiel):
    land = UserFactory(rolle="Mitglied (Land)", organisation=OrganisationFactory())
    client.force_login(land)

    response = record(client, beispiel)

    assert response.status_code == 403
    assert Uebernahme.objects.count() == 0


def test_anonymous_is_sent_to_the_login(client, beispiel):
    response = record(client, beispiel)

    assert response.status_code == 302
    assert response.url.startswith("/konto/anmelden/")
    assert Uebernahme.objects.count() == 0


def test_inactive_user_may_not_record(client, groups, beispiel, kusel):
    inactive = UserFactory(rolle="Mitglied (Kommune)", kommune=kusel, is_active=False)
    client.force_login(inactive)

    response = record(client, beispiel)

    assert response.status_code == 302
    assert Uebernahme.objects.count() == 0


def test_invalid_stand_is_refused_with_a_german_message(client, beispiel, kusel_member):
    client.force_login(kusel_member)

    response = record(client, beispiel, stand="vielleicht")

    assert response.status_code == 200
    assert Uebernahme.objects.count() == 0
    assert response.context["uebernahme_form"].errors == {"stand": ["Wählen Sie einen der angebotenen Stände aus."]}


def test_get_is_not_allowed(client, beispiel, kusel_member):
    client.force_login(kusel_member)

    response = client.get(reverse("praxisbeispiele:uebernahme_speichern", kwargs={"pk": beispiel.pk}))

    assert response.status_code == 405
