from django.contrib.auth.models import AnonymousUser

from wagtail.models import PageViewRestriction

import pytest

from search.models import SuchDokument, SuchWort
from search.service import suchen
from tests.factories.netzwerk_site import KommuneFactory, ThemenfeldFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def titles(query, user=None):
    return [hit.title for hit in suchen(query, user or AnonymousUser()).ergebnis.treffer]


def test_publishing_a_praxisbeispiel_makes_it_findable(make_praxisbeispiel):
    make_praxisbeispiel("Sprachpatenschaften Trier", "Ehrenamtliche begleiten Neuzugewanderte zu Ämtern.")

    found = titles("Sprachpatenschaft")

    assert found == ["Sprachpatenschaften Trier"]


def test_index_row_holds_facets_and_no_contact_data(make_praxisbeispiel):
    themenfeld = ThemenfeldFactory(slug="arbeitsmarkt", title="Arbeitsmarkt")
    kommune = KommuneFactory(slug="stadt-trier", name="Trier")

    page = make_praxisbeispiel(
        "Jobcafé",
        "Beratung zu Arbeit und Ausbildung.",
        slug="jobcafe",
        themenfelder=[themenfeld],
        kommunen=[kommune],
        kontakt_name="Erika Geheimname",
        kontakt_email="erika@example.org",
        kontakt_telefon="0651 123456",
    )

    row = SuchDokument.objects.get(key=f"page:{page.pk}")
    indexed = " ".join([row.title, row.text, row.meta, row.title_terms, row.text_terms, row.meta_terms, row.woerter])
    assert (row.typ, row.themenfelder, row.kommunen, row.url) == (
        "praxisbeispiel",
        "arbeitsmarkt",
        "stadt-trier",
        "/praxisbeispiele/jobcafe/",
    )
    assert [word for word in ("geheimname", "erika", "123456", "example") if word in indexed.lower()] == []


def test_unpublishing_removes_the_document_and_its_words(make_praxisbeispiel):
    page = make_praxisbeispiel("Wohnungslotsen", "Lotsen helfen bei der Wohnungssuche.")

    page.unpublish()

    assert titles("Wohnungslotsen") == []
    assert SuchWort.objects.filter(wort="wohnungslotsen").count() == 0


def test_deleting_a_page_removes_it_from_the_index(make_praxisbeispiel):
    page = make_praxisbeispiel("Elterncafé Mayen", "Eltern tauschen sich über Schule aus.")

    page.delete()

    assert SuchDokument.objects.filter(key=f"page:{page.pk}").count() == 0
    assert titles("Elterncafé") == []


def test_moving_a_page_updates_its_url(make_praxisbeispiel, site_tree):
    page = make_praxisbeispiel("Kulturdolmetscher", "Dolmetscher begleiten Familien.", slug="kulturdolmetscher")
    target = site_tree.praxisbeispiele.add_child(
        instance=type(site_tree.praxisbeispiele)(title="Archiv", slug="archiv")
    )

    page.move(target, pos="last-child")

    assert SuchDokument.objects.get(key=f"page:{page.pk}").url == "/praxisbeispiele/archiv/kulturdolmetscher/"


def test_view_restriction_makes_a_page_members_only(make_praxisbeispiel):
    page = make_praxisbeispiel("Interner Austausch", "Nur für das Netzwerk.")

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert SuchDokument.objects.get(key=f"page:{page.pk}").sichtbarkeit == "mitglieder"


def test_rebuild_reproduces_the_index_written_by_signals(make_praxisbeispiel):
    make_praxisbeispiel("Sprachmittlungspool Koblenz", "Ein Pool für Sprachmittlung in Koblenz.")
    before = list(SuchDokument.objects.values_list("key", "title_terms", "text_terms"))

    from search import index

    count = index.rebuild()

    assert count == 1
    assert list(SuchDokument.objects.values_list("key", "title_terms", "text_terms")) == before
