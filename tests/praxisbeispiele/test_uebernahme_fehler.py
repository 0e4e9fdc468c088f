"""An adoption saved with errors comes back with each error at its field and in a focusable summary (WCAG 3.3.1)."""

from django.urls import reverse

import pytest

from praxisbeispiele.models import Uebernahme
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

STAND_FEHLT = "Wählen Sie aus, wie weit Ihre Kommune das Beispiel übernommen hat."


@pytest.fixture
def beispiel(site_tree):
    return PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, title="Kreuznacher Modell", themenfelder=[ThemenfeldFactory()]
    )


@pytest.fixture
def kusel_member(client, groups):
    user = UserFactory(rolle="Mitglied (Kommune)", kommune=KommuneFactory(slug="landkreis-kusel", name="Kusel"))
    client.force_login(user)
    return user


def save_without_stand(client, beispiel):
    url = reverse("praxisbeispiele:uebernahme_speichern", kwargs={"pk": beispiel.pk})
    return client.post(url, {"stand": "", "notiz": "Angepasst für unsere Grundschulen."})


def test_adoption_without_stand_saves_nothing_and_shows_the_page_again(client, beispiel, kusel_member):
    response = save_without_stand(client, beispiel)

    assert response.status_code == 200
    assert response.templates[0].name == "praxisbeispiele/praxisbeispiel_page.html"
    assert Uebernahme.objects.count() == 0
    assert [str(m) for m in response.wsgi_request._messages] == []


def test_missing_stand_is_marked_at_its_field(client, beispiel, kusel_member):
    response = save_without_stand(client, beispiel)

    html = response.content.decode()
    assert 'aria-invalid="true" aria-describedby="id_stand_error" id="id_stand"' in html
    assert '<div class="kern-error" id="id_stand_error">' in html
    assert f'<ul class="feld__fehler"><li>{STAND_FEHLT}</li></ul>' in html


def test_error_summary_links_to_the_field_and_takes_focus(client, beispiel, kusel_member):
    response = save_without_stand(client, beispiel)

    html = response.content.decode()
    assert (
        '<div class="kern-alert kern-alert--danger fehlerzusammenfassung" role="alert" tabindex="-1" id="fehler" '
        'aria-labelledby="fehler-titel">'
    ) in html
    assert f'<li><a href="#id_stand">Stand: {STAND_FEHLT}</a></li>' in html
    assert 'src="/static/js/netzwerk.js"' in html


def test_entered_note_is_kept_after_an_error(client, beispiel, kusel_member):
    response = save_without_stand(client, beispiel)

    html = response.content.decode()
    assert '<textarea name="notiz" cols="40" rows="3" maxlength="500"' in html
    assert ">\nAngepasst für unsere Grundschulen.</textarea>" in html
