"""Every CSV export neutralises cells a spreadsheet would run as a formula (OWASP, "CSV Injection")."""

import csv
import io

import pytest

from netzwerk_site import csvexport
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_praxisbeispiel_export_neutralises_formulas_in_every_cell(client, site_tree):
    PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, title='=HYPERLINK("http://x")', summary="@SUM(1+1)"
    ).save_revision().publish()
    PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, title="+49 6131 16-0", summary="-1+1", traeger_name="\tTräger"
    ).save_revision().publish()

    response = client.get("/praxisbeispiele/export.csv", {"sortierung": "titel"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    titel, zusammenfassung, traeger = 0, 2, 6
    assert [(row[titel], row[zusammenfassung], row[traeger]) for row in rows[1:]] == [
        ("'+49 6131 16-0", "'-1+1", "'\tTräger"),
        ('\'=HYPERLINK("http://x")', "'@SUM(1+1)", ""),
    ]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49", "'+49"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Sprachcafé = Treffpunkt", "Sprachcafé = Treffpunkt"),
        (3, 3),
        (None, ""),
    ],
)
def test_cell_neutralises_what_a_spreadsheet_would_run(value, expected):
    assert csvexport.cell(value) == expected
