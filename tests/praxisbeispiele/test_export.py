import csv
import io
import json

from django.utils import timezone

import pytest

from tests.factories.netzwerk_site import ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def beispiele(site_tree, member):
    bildung, ankommen = ThemenfeldFactory(slug="bildung"), ThemenfeldFactory(slug="ankommen")
    kontakt = {
        "kontakt_name": "Erika Beispiel",
        "kontakt_email": "erika.beispiel@example.org",
        "kontakt_telefon": "06331 123",
        "kontakt_einwilligung_am": timezone.now(),
        "kontakt_einwilligung_von": "Erika Beispiel",
        "eingereicht_von": member,
    }
    parent = site_tree.praxisbeispiele
    return [
        PraxisbeispielPageFactory(parent=parent, title="Kita-Einstieg", themenfelder=[bildung], **kontakt),
        PraxisbeispielPageFactory(parent=parent, title="Brückenbauer", themenfelder=[ankommen], **kontakt),
    ]


def test_json_export_applies_the_same_filters_as_the_list(client, beispiele):
    response = client.get("/praxisbeispiele/export.json", {"themenfeld": "bildung"})

    data = json.loads(response.content)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert [p["titel"] for p in data["praxisbeispiele"]] == ["Kita-Einstieg"]
    assert data["anzahl"] == 1


def test_csv_export_is_semicolon_separated_with_a_header(client, beispiele):
    response = client.get("/praxisbeispiele/export.csv", {"sortierung": "titel"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Disposition"] == 'attachment; filename="praxisbeispiele.csv"'
    assert rows[0][:3] == ["Titel", "Adresse", "Zusammenfassung"]
    assert [row[0] for row in rows[1:]] == ["Brückenbauer", "Kita-Einstieg"]


@pytest.mark.parametrize("url", ["/praxisbeispiele/export.json", "/praxisbeispiele/export.csv"])
@pytest.mark.parametrize("role", ["anonymous", "member", "editor"])
def test_exports_contain_no_members_only_field(request, client, beispiele, url, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    body = client.get(url).content.decode("utf-8-sig")

    for secret in ["Erika", "erika.beispiel@example.org", "06331", "kontakt", "eingereicht"]:
        assert secret not in body


def test_export_ignores_unknown_filters_instead_of_failing(client, beispiele):
    response = client.get("/praxisbeispiele/export.json", {"themenfeld": "atlantis", "seite": "x"})

    assert response.status_code == 200
    assert json.loads(response.content)["anzahl"] == 2


@pytest.mark.parametrize("count", [1, 3])
def test_export_query_count_is_constant(client, site_tree, django_assert_num_queries, count):
    themenfeld = ThemenfeldFactory()
    for _ in range(count):
        PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, themenfelder=[themenfeld])

    # 5 of them route through the page tree: site, home page, library page and its view restrictions.
    with django_assert_num_queries(17):
        client.get("/praxisbeispiele/export.json")


def test_atom_feed_lists_new_praxisbeispiele(client, beispiele):
    for page in beispiele:
        page.save_revision().publish()

    response = client.get("/praxisbeispiele/feed.atom")

    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert body.count("<entry>") == 2
    assert "<title>Kita-Einstieg</title>" in body
    assert "Erika" not in body
