from datetime import date, timedelta

import pytest

from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_admin_listing_filters_by_themenfeld_and_marks_reviews_due(editor_client, site_tree):
    bildung, ankommen = ThemenfeldFactory(), ThemenfeldFactory()
    parent = site_tree.praxisbeispiele
    PraxisbeispielPageFactory(parent=parent, title="Geprüft", themenfelder=[bildung], zuletzt_geprueft=date.today())
    PraxisbeispielPageFactory(
        parent=parent, title="Veraltet", themenfelder=[bildung], zuletzt_geprueft=date.today() - timedelta(days=400)
    )
    PraxisbeispielPageFactory(parent=parent, title="Anderes Thema", themenfelder=[ankommen])

    response = editor_client.get("/admin/praxisbeispiele/", {"themenfelder": bildung.pk, "pruefung_faellig": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Veraltet" in html
    assert "Geprüft" not in html
    assert "Anderes Thema" not in html
    assert "Prüfung fällig" in html


def test_members_cannot_open_the_admin_listing(member_client, site_tree):
    response = member_client.get("/admin/praxisbeispiele/")

    assert response.status_code == 302
