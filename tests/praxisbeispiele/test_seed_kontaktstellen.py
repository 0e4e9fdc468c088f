"""Seeded Kontaktstellen: only the organisations the Kooperationsstrategie names as responsible for an example."""

import pytest

from praxisbeispiele.models import PraxisbeispielPage

pytestmark = pytest.mark.integration

# Each passage of the document's appendix that names the organisation running the example or the place to ask.
KONTAKTSTELLEN = {
    "beratungsstellen-frau-und-beruf": ["beratungsstellen-frau-und-beruf"],
    "civi-kune-rlp": ["fluechtlingsrat-rlp"],
    "dialog-und-beratungsstelle-sprachbildung": ["dialog-und-beratungsstelle-sprachbildung"],
    "fachstelle-interkulturelle-psychosoziale-gesundheit": ["fachstelle-interkulturelle-psychosoziale-gesundheit"],
    "haus-der-sprachmittlung": ["haus-der-sprachmittlung"],
    "kausa-landesstelle-rlp": ["kausa-landesstelle-rlp"],
    "kultursensible-beratungsstellen-fuer-frauen": ["rahma", "solwodi-rlp", "utamara"],
    "land-in-bewegung": ["land-in-bewegung"],
    "landesprojekt-fgm-c": ["psz-mainz"],
    "psychosoziale-zentren": ["psz"],
    "sprachziel-deutsch": ["add", "mffki"],
}


@pytest.mark.django_db
def test_seeded_kontaktstellen_exist_only_where_the_document_names_one(seeded_module):
    seeded = {
        page.slug: sorted(page.kontaktstellen.values_list("slug", flat=True))
        for page in PraxisbeispielPage.objects.order_by("slug")
    }

    assert {slug: orgs for slug, orgs in seeded.items() if orgs} == KONTAKTSTELLEN


@pytest.mark.django_db
def test_seeded_examples_carry_no_contact_person(seeded_module):
    named = PraxisbeispielPage.objects.exclude(kontakt_name="", kontakt_email="", kontakt_telefon="")

    assert list(named.values_list("slug", flat=True)) == []
