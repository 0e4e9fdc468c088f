"""The submission form's Kommune choice: grouped by Landkreis, and a typed name works without JavaScript."""

import pytest

from netzwerk_site.choices import KommuneArt
from praxisbeispiele.models import PraxisbeispielPage
from tests.factories.einreichungen import einreichung_data
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

EINREICHEN_URL = "/praxisbeispiele/einreichen/"


@pytest.fixture
def kusel(db):
    return KommuneFactory(name="Kusel", art=KommuneArt.LANDKREIS)


def test_the_form_groups_gemeinden_under_their_landkreis(member_client, workflow, kusel):
    KommuneFactory(name="Altenglan", art=KommuneArt.GEMEINDE, landkreis=kusel)

    response = member_client.get(EINREICHEN_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<label class="kern-label" for="id_kommunen_suche">Kommune suchen</label>' in html
    assert '<span class="kern-title">Landkreis Kusel</span>' in html
    assert html.index(">Landkreis Kusel</label>") < html.index(">Altenglan</label>")
    assert "Strg" not in html


def test_a_typed_kommune_is_stored_with_the_ticked_ones(member_client, workflow, kusel):
    trier = KommuneFactory(name="Trier", art=KommuneArt.KREISFREIE_STADT)
    data = einreichung_data([ThemenfeldFactory()], kommunen=[trier.pk], kommunen_suche="kusel")

    response = member_client.post(EINREICHEN_URL, data)

    assert response.status_code == 302
    assert sorted(PraxisbeispielPage.objects.get().kommunen.all(), key=str) == [kusel, trier]


def test_an_unknown_name_is_refused_and_the_ticked_kommunen_stay_chosen(member_client, workflow, kusel):
    data = einreichung_data([ThemenfeldFactory()], kommunen=[kusel.pk], kommunen_suche="Musterhausen")

    response = member_client.post(EINREICHEN_URL, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "kommunen": [
            "Eine Kommune „Musterhausen“ kennen wir nicht. Prüfen Sie die Schreibweise oder kreuzen Sie die "
            "Kommune in der Liste an."
        ]
    }
    assert f'value="{kusel.pk}" id="id_kommunen_0" checked>' in html
    assert 'name="kommunen_suche" id="id_kommunen_suche" value="Musterhausen"' in html
    assert '<a href="#id_kommunen_suche">' in html
    assert PraxisbeispielPage.objects.count() == 0
