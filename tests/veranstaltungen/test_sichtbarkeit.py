"""Internal Veranstaltungen stay behind a view restriction that admits exactly the network's groups."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from konto.roles import MEMBER_GROUPS
from konto.setup import ensure_groups
from tests.factories.konto import UserFactory
from veranstaltungen.choices import Sichtbarkeit


def restriction_groups(page):
    return sorted(PageViewRestriction.objects.get(page=page).groups.values_list("name", flat=True))


def test_saving_repairs_a_restriction_that_admits_no_group(make_veranstaltung, groups):
    page = make_veranstaltung("intern", sichtbarkeit=Sichtbarkeit.NETZWERK)
    PageViewRestriction.objects.get(page=page).groups.clear()

    page.save()

    assert restriction_groups(page) == sorted(MEMBER_GROUPS)


def test_member_groups_created_after_an_internal_event_are_let_in(make_veranstaltung, db):
    Group.objects.filter(name__in=MEMBER_GROUPS).delete()
    page = make_veranstaltung("intern", sichtbarkeit=Sichtbarkeit.NETZWERK)

    ensure_groups()

    assert restriction_groups(page) == sorted(MEMBER_GROUPS)


def test_public_events_carry_no_restriction(make_veranstaltung, groups):
    page = make_veranstaltung("offen", sichtbarkeit=Sichtbarkeit.NETZWERK)

    page.sichtbarkeit = Sichtbarkeit.OEFFENTLICH
    page.save()

    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_visitors_of_an_internal_event_are_sent_to_the_portal_login(client, make_veranstaltung, groups):
    page = make_veranstaltung("intern", sichtbarkeit=Sichtbarkeit.NETZWERK)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"] == f"/konto/anmelden/?next={page.url}"


def test_a_signed_in_user_without_a_network_role_gets_the_refusal_page(client, make_veranstaltung, groups):
    page = make_veranstaltung("intern", sichtbarkeit=Sichtbarkeit.NETZWERK)
    client.force_login(UserFactory())

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 403
    assert '<header class="site-header"' in html
    assert "Diese Seite ist nur für Mitglieder des Netzwerks Integration sichtbar." in html
