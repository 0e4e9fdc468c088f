"""Prompts on a Praxisbeispiel page appear only where they hold: login for a contact, adoption for other Kommunen."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

import pytest

from praxisbeispiele.pruefung import is_review_due, review_due_before
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, OrganisationFactory, ThemenfeldFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LOGIN_HINWEIS = "Mitglieder des Netzwerks sehen hier die Ansprechperson."
UEBERNAHME_FRAGE = "Ihre Kommune hat das Beispiel übernommen?"


@pytest.fixture
def kusel(db):
    return KommuneFactory(slug="landkreis-kusel", name="Kusel")


@pytest.fixture
def beispiel(site_tree, kusel):
    return PraxisbeispielPageFactory(
        parent=site_tree.praxisbeispiele, themenfelder=[ThemenfeldFactory()], kommunen=[kusel]
    )


def test_login_prompt_is_shown_where_a_contact_person_exists(client, beispiel):
    beispiel.kontakt_name = "Erika Beispiel"
    beispiel.kontakt_einwilligung_am = timezone.now()
    beispiel.save_revision().publish()

    html = client.get(beispiel.url).content.decode()

    assert html.count(LOGIN_HINWEIS) == 1


def test_no_login_prompt_without_a_contact_person(client, beispiel):
    html = client.get(beispiel.url).content.decode()

    assert LOGIN_HINWEIS not in html


def test_public_kontaktstelle_is_shown_to_everyone_without_login_prompt(client, beispiel):
    organisation = OrganisationFactory(name="Haus der Sprachmittlung", short_name="", website="https://example.org/")
    beispiel.kontaktstellen = [organisation]
    beispiel.save_revision().publish()

    html = client.get(beispiel.url).content.decode()

    assert '<li><a href="https://example.org/" rel="noopener">Haus der Sprachmittlung</a></li>' in html
    assert LOGIN_HINWEIS not in html


def test_own_kommune_is_not_offered_the_adoption_prompt(client, groups, beispiel, kusel):
    client.force_login(UserFactory(rolle="Mitglied (Kommune)", kommune=kusel))

    response = client.get(beispiel.url)

    assert UEBERNAHME_FRAGE not in response.content.decode()
    assert "uebernahme_form" not in response.context


def test_own_kommune_cannot_post_an_adoption(client, groups, beispiel, kusel):
    client.force_login(UserFactory(rolle="Mitglied (Kommune)", kommune=kusel))

    response = client.post(f"/aktionen/praxisbeispiele/{beispiel.pk}/uebernahme/", {"stand": "umgesetzt"})

    assert response.status_code == 403
    assert beispiel.uebernahmen.count() == 0


def test_other_kommune_is_offered_the_adoption_prompt(client, groups, beispiel):
    client.force_login(UserFactory(rolle="Mitglied (Kommune)", kommune=KommuneFactory(name="Pirmasens")))

    html = client.get(beispiel.url).content.decode()

    assert html.count(UEBERNAHME_FRAGE) == 1


def published_at(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def test_review_is_not_due_for_an_example_published_today():
    today = date(2026, 12, 5)

    assert is_review_due(None, published_at(today), today=today) is False


def test_review_is_not_due_exactly_twelve_months_after_first_publication():
    today = date(2026, 12, 5)

    assert is_review_due(None, published_at(date(2025, 12, 5)), today=today) is False


def test_review_is_due_a_day_more_than_twelve_months_after_first_publication():
    today = date(2026, 12, 5)

    assert is_review_due(None, published_at(date(2025, 12, 4)), today=today) is True


def test_last_review_counts_instead_of_first_publication():
    today = date(2026, 12, 5)
    long_ago = published_at(date(2020, 1, 1))

    assert [
        is_review_due(date(2025, 12, 5), long_ago, today=today),
        is_review_due(date(2025, 12, 4), long_ago, today=today),
    ] == [False, True]


def test_unpublished_never_reviewed_example_is_not_due():
    assert is_review_due(None, None, today=date(2026, 12, 5)) is False


def test_twelve_months_before_29_february_is_28_february():
    assert review_due_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_admin_listing_marks_only_examples_due_for_review(editor_client, site_tree):
    themenfeld = ThemenfeldFactory()
    parent = site_tree.praxisbeispiele
    PraxisbeispielPageFactory(parent=parent, title="Frisch veröffentlicht", themenfelder=[themenfeld])
    alt = PraxisbeispielPageFactory(parent=parent, title="Lange nicht geprüft", themenfelder=[themenfeld])
    alt.first_published_at = published_at(review_due_before()) - timedelta(days=1)
    alt.save()

    response = editor_client.get("/admin/praxisbeispiele/", {"pruefung_faellig": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Lange nicht geprüft" in html
    assert "Frisch veröffentlicht" not in html
