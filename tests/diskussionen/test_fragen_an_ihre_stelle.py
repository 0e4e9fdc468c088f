"""The questions assigned to a Land member's Stelle on her overview (/konto/) and in the page header."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

import pytest

from diskussionen.choices import Stand
from diskussionen.context_processors import fragen
from konto.roles import group_names
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.netzwerk_site import OrganisationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def offene_frage(organisation, title="Frage", tage=14):
    """An open question to the Land assigned to organisation, due in `tage` days (negative: overdue)."""
    faellig_am = timezone.localdate() + timedelta(days=tage)
    return DiskussionFactory(title=title, is_frage_an_land=True, zugewiesen_an=organisation, faellig_am=faellig_am)


def overview(client, user, query=""):
    client.force_login(user)
    return client.get(f"/konto/{query}")


def test_land_member_sees_her_stelles_open_questions_overdue_first(client, site_tree, land_member, ministerium):
    spaeter = offene_frage(ministerium, "Später fällig", tage=20)
    ueberfaellig = offene_frage(ministerium, "Überfällige Frage", tage=-9)
    bald = offene_frage(ministerium, "Bald fällig", tage=2)
    DiskussionFactory(title="Beantwortet", is_frage_an_land=True, zugewiesen_an=ministerium, stand=Stand.BEANTWORTET)
    offene_frage(OrganisationFactory(), "Andere Stelle", tage=-3)

    response = overview(client, land_member)

    html = response.content.decode()
    faellig = f"{timezone.localdate() - timedelta(days=9):%d.%m.%Y}"
    assert response.context["fragen_an_ihre_stelle"].eintraege == [ueberfaellig, bald, spaeter]
    assert f"Antwort fällig am {faellig},\n" in html
    assert "<strong>überfällig seit 9 Tagen</strong>" in html
    assert html.count("überfällig seit") == 1
    assert f'<a href="/diskussionen/{ueberfaellig.pk}/">Überfällige Frage</a>' in html


def test_land_member_without_open_questions_is_told_so(client, site_tree, land_member):
    response = overview(client, land_member)

    html = response.content.decode()
    assert response.context["fragen_an_ihre_stelle"].eintraege == []
    assert "Ihrer Stelle sind zurzeit keine offenen Fragen zugewiesen." in html


def test_kommune_member_gets_no_fragen_section(client, site_tree, member, ministerium):
    offene_frage(ministerium, "Nur für das Land")

    response = overview(client, member)

    assert "fragen_an_ihre_stelle" not in response.context
    assert "Fragen an Ihre Stelle" not in response.content.decode()


def test_section_shows_ten_questions_and_links_to_all(client, site_tree, land_member, ministerium):
    for nummer in range(11):
        offene_frage(ministerium, f"Frage {nummer}", tage=nummer)

    erste = overview(client, land_member).context["fragen_an_ihre_stelle"]
    alle = client.get("/konto/?alle=fragen").context["fragen_an_ihre_stelle"]

    assert [frage.title for frage in erste.eintraege] == [f"Frage {nummer}" for nummer in range(10)]
    assert erste.alle_url == "/konto/?alle=fragen#fragen"
    assert len(alle.eintraege) == 11
    assert alle.alle_url == ""


@pytest.mark.parametrize("anzahl", [1, 3])
def test_land_members_overview_runs_a_fixed_number_of_queries(
    client, site_tree, land_member, ministerium, anzahl, django_assert_num_queries
):
    for nummer in range(anzahl):
        offene_frage(ministerium, f"Frage {nummer}", tage=nummer - 1)
    client.force_login(land_member)

    # Session, user, groups, the sections of every app (one of them the open questions), site and menu pages;
    # +1 the header's unread notification count, +1 the header's count of open questions (not cached).
    with django_assert_num_queries(17):
        response = client.get("/konto/")

    assert len(response.context["fragen_an_ihre_stelle"].eintraege) == anzahl
    assert f"Fragen an Ihre Stelle ({anzahl} offen)" in response.content.decode()


def test_header_links_land_member_to_her_open_questions(client, site_tree, land_member, ministerium):
    offene_frage(ministerium, "Erste")
    offene_frage(ministerium, "Zweite")
    DiskussionFactory(title="Beantwortet", is_frage_an_land=True, zugewiesen_an=ministerium, stand=Stand.BEANTWORTET)
    client.force_login(land_member)

    html = client.get("/diskussionen/").content.decode()

    assert '<li><a href="/diskussionen/fragen/">Fragen an Ihre Stelle (2 offen)</a></li>' in html


def test_header_shows_no_questions_link_without_open_questions(client, site_tree, land_member):
    client.force_login(land_member)

    html = client.get("/diskussionen/").content.decode()

    assert "offen)</a>" not in html


def test_header_on_the_questions_page_marks_it_current_without_a_count(client, site_tree, land_member, ministerium):
    offene_frage(ministerium)
    client.force_login(land_member)

    html = client.get("/diskussionen/fragen/").content.decode()

    assert '<li><a href="/diskussionen/fragen/" aria-current="page">Fragen an Ihre Stelle</a></li>' in html
    assert "(1 offen)" not in html


@pytest.mark.parametrize(
    ("rolle", "abfragen", "erwartet"),
    [("land_member", 1, (True, 1, 1)), ("member", 0, (False, 0, 0)), ("editor", 0, (False, 0, 0))],
)
def test_header_count_costs_one_query_for_land_members_and_none_for_others(
    request, ministerium, rolle, abfragen, erwartet, django_assert_num_queries
):
    user = request.getfixturevalue(rolle)
    offene_frage(ministerium)
    group_names(user)  # Known before: konto.context_processors.portal asks for the groups earlier in every request.
    anfrage = RequestFactory().get("/")
    anfrage.user = user

    with django_assert_num_queries(abfragen):
        context = fragen(anfrage)
        anzahl = context["offene_fragen_an_ihre_stelle"]()
        noch_einmal = context["offene_fragen_an_ihre_stelle"]()

    assert (context["is_land_member"], anzahl, noch_einmal) == erwartet


def test_header_count_costs_no_query_for_visitors(django_assert_num_queries):
    anfrage = RequestFactory().get("/")
    anfrage.user = AnonymousUser()

    with django_assert_num_queries(0):
        context = fragen(anfrage)

    assert context == {"is_land_member": False, "offene_fragen_an_ihre_stelle": 0}
