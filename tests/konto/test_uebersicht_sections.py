import datetime

from django.urls import reverse

import pytest

from diskussionen.choices import Haeufigkeit
from diskussionen.models import Abonnement, Benachrichtigungseinstellung
from konto.roles import Rolle
from praxisbeispiele.models import Uebernahme
from tests.factories.diskussionen import DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory
from tests.factories.praxisbeispiele import PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import AnmeldungStatus, Status
from veranstaltungen.models import Anmeldung

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

KOMMENDE = datetime.date(2027, 3, 9)
VERGANGENE = datetime.date(2025, 3, 9)


@pytest.fixture
def veranstaltungen_index(site_tree):
    return VeranstaltungIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def mitglied(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=KommuneFactory(name="Landkreis Mainz-Bingen"))


@pytest.fixture
def anderes_mitglied(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=KommuneFactory(name="Landkreis Cochem-Zell"))


def anmelden(user, index, title, start_date=KOMMENDE, anmeldung_status=AnmeldungStatus.BESTAETIGT, **kwargs):
    veranstaltung = VeranstaltungPageFactory(parent=index, title=title, start_date=start_date, **kwargs)
    return Anmeldung.objects.create(veranstaltung=veranstaltung, user=user, status=anmeldung_status)


def folgen(user, title):
    diskussion = DiskussionFactory(title=title)
    Abonnement.objects.create(user=user, diskussion=diskussion)
    return diskussion


def uebernehmen(user, site_tree, title, stand="geplant"):
    praxisbeispiel = PraxisbeispielPageFactory(parent=site_tree.praxisbeispiele, title=title)
    return Uebernahme.objects.create(praxisbeispiel=praxisbeispiel, kommune=user.kommune, stand=stand, created_by=user)


def von_jeder_art(user, site_tree, index, anzahl, name):
    for nummer in range(anzahl):
        anmelden(user, index, f"Treffen {nummer} von {name}", start_date=KOMMENDE + datetime.timedelta(days=nummer))
        DiskussionFactory(author=user, title=f"Frage {nummer} von {name}")
        folgen(user, f"Gefolgt {nummer} von {name}")
        uebernehmen(user, site_tree, f"Beispiel {nummer} von {name}")


def uebersicht(client, user, query=""):
    client.force_login(user)
    return client.get(reverse("konto:uebersicht") + query)


def titles(ausschnitt, attribut=None):
    return [getattr(eintrag, attribut).title if attribut else eintrag.title for eintrag in ausschnitt.eintraege]


def test_registrations_list_coming_dates_first_then_past_ones_with_status(
    client, site_tree, veranstaltungen_index, mitglied
):
    anmelden(mitglied, veranstaltungen_index, "Fachtag 2025", start_date=VERGANGENE)
    anmelden(mitglied, veranstaltungen_index, "Dialogforum April", start_date=datetime.date(2027, 4, 1))
    anmelden(mitglied, veranstaltungen_index, "Netzwerktreffen März", anmeldung_status=AnmeldungStatus.WARTELISTE)
    anmelden(
        mitglied,
        veranstaltungen_index,
        "Runder Tisch Mai",
        start_date=datetime.date(2027, 5, 3),
        status=Status.ABGESAGT,
    )

    response = uebersicht(client, mitglied)

    anmeldungen = response.context["anmeldungen"]
    assert titles(anmeldungen, "veranstaltung") == [
        "Netzwerktreffen März",
        "Dialogforum April",
        "Runder Tisch Mai",
        "Fachtag 2025",
    ]
    html = response.content.decode()
    assert '<td data-label="Status">Warteliste</td>' in html
    assert '<td data-label="Status">Bestätigt (Abgesagt)</td>' in html
    assert '<td data-label="Status">Vergangen</td>' in html


def test_registrations_offer_cancelling_only_for_coming_dates(client, site_tree, veranstaltungen_index, mitglied):
    kommend = anmelden(mitglied, veranstaltungen_index, "Netzwerktreffen März")
    vergangen = anmelden(mitglied, veranstaltungen_index, "Fachtag 2025", start_date=VERGANGENE)

    html = uebersicht(client, mitglied).content.decode()

    assert html.count(reverse("veranstaltungen:abmelden", args=[kommend.veranstaltung.pk])) == 1
    assert html.count(reverse("veranstaltungen:abmelden", args=[vergangen.veranstaltung.pk])) == 0


def test_cancelling_from_the_overview_removes_the_registration(client, site_tree, veranstaltungen_index, mitglied):
    anmeldung = anmelden(mitglied, veranstaltungen_index, "Netzwerktreffen März")
    uebersicht(client, mitglied)

    response = client.post(reverse("veranstaltungen:abmelden", args=[anmeldung.veranstaltung.pk]))

    assert response.status_code == 302
    assert Anmeldung.objects.filter(user=mitglied).count() == 0


def test_threads_started_and_followed_are_listed_newest_activity_first(client, site_tree, mitglied):
    DiskussionFactory(
        author=mitglied, title="Ältere Frage", last_activity_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    DiskussionFactory(
        author=mitglied, title="Neuere Frage", last_activity_at=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
    )
    gefolgt = folgen(mitglied, "Sprachcafés im ländlichen Raum")

    response = uebersicht(client, mitglied)

    assert titles(response.context["eigene_diskussionen"]) == ["Neuere Frage", "Ältere Frage"]
    assert titles(response.context["gefolgte_diskussionen"]) == ["Sprachcafés im ländlichen Raum"]
    assert reverse("diskussionen:folgen", args=[gefolgt.pk]) in response.content.decode()


def test_unfollowing_from_the_overview_ends_the_subscription(client, site_tree, mitglied):
    gefolgt = folgen(mitglied, "Sprachcafés im ländlichen Raum")
    uebersicht(client, mitglied)

    client.post(reverse("diskussionen:folgen", args=[gefolgt.pk]), {"folgen": "0"})

    assert titles(uebersicht(client, mitglied).context["gefolgte_diskussionen"]) == []


def test_adoptions_of_the_members_kommune_are_listed_with_their_stand(client, site_tree, mitglied):
    kollegin = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=mitglied.kommune)
    uebernehmen(kollegin, site_tree, "Kreuznacher Modell", stand="umgesetzt")

    response = uebersicht(client, mitglied)

    assert titles(response.context["uebernahmen"], "praxisbeispiel") == ["Kreuznacher Modell"]
    assert "umgesetzt" in response.content.decode()


def test_land_members_see_no_adoption_section(client, site_tree, land_member):
    response = uebersicht(client, land_member)

    assert "Übernahmen Ihrer Kommune" not in response.content.decode()


def test_another_members_data_is_never_shown(client, site_tree, veranstaltungen_index, mitglied, anderes_mitglied):
    von_jeder_art(anderes_mitglied, site_tree, veranstaltungen_index, 1, "Max")
    von_jeder_art(mitglied, site_tree, veranstaltungen_index, 1, "Erika")

    response = uebersicht(client, mitglied)

    assert titles(response.context["anmeldungen"], "veranstaltung") == ["Treffen 0 von Erika"]
    assert titles(response.context["eigene_diskussionen"]) == ["Frage 0 von Erika"]
    assert titles(response.context["gefolgte_diskussionen"]) == ["Gefolgt 0 von Erika"]
    assert titles(response.context["uebernahmen"], "praxisbeispiel") == ["Beispiel 0 von Erika"]
    assert "von Max" not in response.content.decode()


def test_each_list_shows_ten_and_links_to_all(client, site_tree, mitglied):
    for nummer in range(11):
        DiskussionFactory(author=mitglied, title=f"Frage {nummer:02d}")

    response = uebersicht(client, mitglied)

    eigene = response.context["eigene_diskussionen"]
    assert len(eigene.eintraege) == 10
    assert eigene.alle_url == "/konto/?alle=diskussionen#diskussionen"
    assert 'href="/konto/?alle=diskussionen#diskussionen"' in response.content.decode()


def test_the_all_link_shows_the_whole_list(client, site_tree, mitglied):
    for nummer in range(11):
        DiskussionFactory(author=mitglied, title=f"Frage {nummer:02d}")

    response = uebersicht(client, mitglied, "?alle=diskussionen")

    eigene = response.context["eigene_diskussionen"]
    assert len(eigene.eintraege) == 11
    assert eigene.alle_url == ""


def test_notification_setting_shows_the_members_current_choice(client, site_tree, mitglied):
    Benachrichtigungseinstellung.objects.create(user=mitglied, haeufigkeit=Haeufigkeit.TAEGLICH)

    response = uebersicht(client, mitglied)

    assert response.context["einstellung_form"]["haeufigkeit"].value() == Haeufigkeit.TAEGLICH
    html = response.content.decode()
    assert f'action="{reverse("diskussionen:einstellungen")}"' in html
    assert 'value="taeglich" id="id_haeufigkeit_1" required class="kern-form-check__radio" checked' in html


def test_notification_setting_saved_from_the_overview_form(client, site_tree, mitglied):
    uebersicht(client, mitglied)

    client.post(reverse("diskussionen:einstellungen"), {"haeufigkeit": Haeufigkeit.NIE})

    assert Benachrichtigungseinstellung.objects.get(user=mitglied).haeufigkeit == Haeufigkeit.NIE


def test_password_change_link_leads_to_the_change_form(client, site_tree, mitglied):
    html = uebersicht(client, mitglied).content.decode()

    assert f'href="{reverse("konto:passwort_aendern")}"' in html
    assert reverse("konto:passwort_vergessen") not in html


# Sixteen queries, however many entries: session, user, group names, site, navigation pages, the member's
# Kommune and groups (facts), the Praxisbeispiel view restrictions and the Übernahmen, the submissions, the
# Anmeldungen, her own and her followed Diskussionen, the e-mail setting, the site root paths for page links,
# and the calendar access.
@pytest.mark.parametrize("anzahl", [1, 3])
def test_overview_with_every_section_runs_a_fixed_number_of_queries(
    client, site_tree, veranstaltungen_index, mitglied, anzahl, django_assert_num_queries
):
    von_jeder_art(mitglied, site_tree, veranstaltungen_index, anzahl, "Erika")
    client.force_login(mitglied)

    # +1: the header's unread notification count (konto.context_processors), cached per member after this request.
    with django_assert_num_queries(17):
        response = client.get(reverse("konto:uebersicht"))

    assert len(response.context["anmeldungen"].eintraege) == anzahl
    assert len(response.context["eigene_diskussionen"].eintraege) == anzahl
    assert len(response.context["gefolgte_diskussionen"].eintraege) == anzahl
    assert len(response.context["uebernahmen"].eintraege) == anzahl
