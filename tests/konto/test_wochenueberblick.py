"""The weekly network digest: built from the seed for one member, sent once per ISO week, one-click unsubscribe."""

import datetime
import re
from pathlib import Path

from django.core import signing
from django.urls import reverse
from django.utils import timezone

import pytest

from diskussionen.choices import Stand
from diskussionen.models import Diskussion, ThemenfeldAbonnement
from konto import wochenueberblick
from konto.choices import Benachrichtigungsart
from konto.models import Benachrichtigung, Mailabwahl, User
from konto.roles import Rolle
from netzwerk_site import erinnerungen
from netzwerk_site.models import Kommune, Organisation, Themenfeld
from praxisbeispiele.choices import UebernahmeStand
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme
from tests.factories.konto import UserFactory
from tests.golden import assert_golden

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

GOLDEN = Path(__file__).parent / "golden"
# A Monday: the digest covers Monday 4 to Sunday 10 January 2027 and the meetings from 11 January on.
HEUTE = datetime.date(2027, 1, 11)


def moment(day, hour=9):
    return timezone.make_aware(datetime.datetime(2027, 1, day, hour))


def veroeffentlicht(slug, day, hour=9):
    page = PraxisbeispielPage.objects.get(slug=slug)
    PraxisbeispielPage.objects.filter(pk=page.pk).update(first_published_at=moment(day, hour))
    return page


def beantwortete_frage(title, beantwortet_am, stelle="mffki"):
    return Diskussion.objects.create(
        title=title,
        is_frage_an_land=True,
        stand=Stand.BEANTWORTET,
        zugewiesen_an=Organisation.objects.get(slug=stelle),
        beantwortet_am=beantwortet_am,
    )


@pytest.fixture
def paula(seeded_module):
    """The seeded Pirmasens member, following the Themenfeld Arbeitsmarkt."""
    paula = User.objects.get(username="pirmasens")
    ThemenfeldAbonnement.objects.create(user=paula, themenfeld=Themenfeld.objects.get(slug="arbeitsmarkt"))
    return paula


@pytest.fixture
def woche(paula):
    """This week's content: three new Praxisbeispiele, an adoption by Pirmasens, a question the Land answered."""
    veroeffentlicht("integreat-app", 9)
    veroeffentlicht("sprachziel-deutsch", 8)
    veroeffentlicht("pirmasenser-weg-zur-integration", 4)
    Uebernahme.objects.create(
        praxisbeispiel=PraxisbeispielPage.objects.get(slug="kreuznacher-modell"),
        kommune=paula.kommune,
        stand=UebernahmeStand.UMGESETZT,
    )
    Uebernahme.objects.filter(kommune=paula.kommune).update(created_at=moment(6))
    beantwortete_frage("Wer zahlt die Sprachmittlung im Jobcenter?", moment(7, 15))


def golden_text(body):
    """The body with what changes from run to run (signed token, Diskussion id) replaced by fixed words."""
    body = re.sub(r"/wochenueberblick/abbestellen/[^/]+/", "/wochenueberblick/abbestellen/TOKEN/", body)
    return re.sub(r"/diskussionen/\d+/", "/diskussionen/ID/", body)


def digest_mails(mailoutbox, user):
    return [message for message in mailoutbox if message.to == [user.email]]


def test_digest_mail_of_the_seeded_member_matches_golden_files(
    paula, woche, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        wochenueberblick.senden(HEUTE)

    [message] = digest_mails(mailoutbox, paula)
    assert message.subject == "Wochenüberblick des Netzwerks Integration"
    assert_golden(GOLDEN / "wochenueberblick.txt", golden_text(message.body).encode())
    assert_golden(GOLDEN / "wochenueberblick.html", golden_text(message.alternatives[0].content).encode())


def test_praxisbeispiele_of_followed_themenfelder_come_first_then_the_newest(paula, woche):
    [abschnitt, *_rest] = wochenueberblick.abschnitte(paula, HEUTE)

    assert (abschnitt.titel, [eintrag.titel for eintrag in abschnitt.eintraege]) == (
        "Neue Praxisbeispiele",
        ["Pirmasenser Weg zur Integration", "Integreat-App", "Sprachziel: Deutsch"],
    )


def test_digest_shows_only_what_the_member_may_see_and_only_this_week(paula, woche):
    entwurf = veroeffentlicht("civi-kune-rlp", 5)
    PraxisbeispielPage.objects.filter(pk=entwurf.pk).update(live=False)
    veroeffentlicht("haus-der-sprachmittlung", 3)
    beantwortete_frage("Letzte Woche beantwortet", moment(3))
    Uebernahme.objects.create(
        praxisbeispiel=PraxisbeispielPage.objects.get(slug="integreat-app"),
        kommune=Kommune.objects.exclude(pk=paula.kommune_id).first(),
        stand=UebernahmeStand.UMGESETZT,
        created_at=moment(6),
    )

    titel = {a.titel: [e.titel for e in a.eintraege] for a in wochenueberblick.abschnitte(paula, HEUTE)}

    assert titel["Neue Praxisbeispiele"] == ["Pirmasenser Weg zur Integration", "Integreat-App", "Sprachziel: Deutsch"]
    assert titel["Vom Land beantwortete Fragen"] == ["Wer zahlt die Sprachmittlung im Jobcenter?"]
    assert titel["Übernahmen durch Ihre Kommune"] == ["Kreuznacher Modell"]


def test_member_who_turned_the_digest_off_gets_none(paula, woche, mailoutbox, django_capture_on_commit_callbacks):
    Mailabwahl.objects.create(user=paula, art=Benachrichtigungsart.WOCHENUEBERBLICK)

    with django_capture_on_commit_callbacks(execute=True):
        gesendet = wochenueberblick.senden(HEUTE)

    assert (paula in gesendet, digest_mails(mailoutbox, paula)) == (False, [])


def test_member_with_only_upcoming_meetings_gets_no_digest(paula, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        gesendet = wochenueberblick.senden(HEUTE)

    assert (gesendet, mailoutbox) == ([], [])


def test_second_run_in_the_same_week_sends_nothing(paula, woche, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        wochenueberblick.senden(HEUTE)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        gesendet = wochenueberblick.senden(HEUTE + datetime.timedelta(days=3))

    assert (gesendet, mailoutbox) == ([], [])
    assert Benachrichtigung.objects.filter(user=paula, schluessel="woche:2027-W02").count() == 1


def test_digest_carries_one_click_unsubscribe_headers(paula, woche, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        wochenueberblick.senden(HEUTE)

    [message] = digest_mails(mailoutbox, paula)
    url = reverse("konto:wochenueberblick_abbestellen", args=[wochenueberblick.abbestellen_token(paula)])
    assert message.extra_headers == {
        "List-Unsubscribe": f"<http://127.0.0.1:8000{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def test_one_click_post_unsubscribes_without_login(client, paula):
    url = reverse("konto:wochenueberblick_abbestellen", args=[wochenueberblick.abbestellen_token(paula)])

    response = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert list(Mailabwahl.objects.filter(user=paula).values_list("art", flat=True)) == ["wochenueberblick"]


def test_unsubscribe_link_asks_before_it_unsubscribes(client, paula):
    url = reverse("konto:wochenueberblick_abbestellen", args=[wochenueberblick.abbestellen_token(paula)])

    response = client.get(url)

    assert response.status_code == 200
    assert '<span class="kern-label">Wochenüberblick abbestellen</span></button>' in response.content.decode()
    assert Mailabwahl.objects.filter(user=paula).count() == 0


def test_tampered_unsubscribe_token_is_refused(client, paula):
    andere = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)
    _payload, signatur = wochenueberblick.abbestellen_token(paula).split(":")
    fremde_nutzlast = signing.b64_encode(f'{{"u":{andere.pk}}}'.encode()).decode()
    tokens = [f"{fremde_nutzlast}:{signatur}", wochenueberblick.abbestellen_token(paula)[:-2] + "xx"]

    responses = [client.post(reverse("konto:wochenueberblick_abbestellen", args=[token])) for token in tokens]

    assert [response.status_code for response in responses] == [400, 400]
    assert Mailabwahl.objects.count() == 0
    assert "Dieser Link ist ungültig" in responses[0].content.decode()


def member_with(anzahl, groups):
    """A member of Pirmasens with anzahl new Praxisbeispiele, adoptions and answered questions this week."""
    user = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, kommune=Kommune.objects.get(slug="stadt-pirmasens"))
    ThemenfeldAbonnement.objects.create(user=user, themenfeld=Themenfeld.objects.get(slug="arbeitsmarkt"))
    pages = PraxisbeispielPage.objects.order_by("pk")[:anzahl]
    for day, page in enumerate(pages, start=4):
        PraxisbeispielPage.objects.filter(pk=page.pk).update(first_published_at=moment(day))
        Uebernahme.objects.create(praxisbeispiel=page, kommune=user.kommune, stand=UebernahmeStand.UMGESETZT)
        beantwortete_frage(f"Frage {day}", moment(day))
    Uebernahme.objects.filter(kommune=user.kommune).update(created_at=moment(5))
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize("anzahl", [1, 3])
def test_building_one_members_digest_takes_a_fixed_number_of_queries(
    seeded_module, groups, anzahl, django_assert_num_queries
):
    user = member_with(anzahl, groups)

    # +1 on the first digest of the day: it asks once whether a stored next occurrence of an event has passed.
    with django_assert_num_queries(12):
        abschnitte = wochenueberblick.abschnitte(user, HEUTE)

    assert [len(abschnitt.eintraege) for abschnitt in abschnitte] == [anzahl, 3, anzahl, anzahl]


def test_the_daily_reminder_command_runs_the_digest():
    assert wochenueberblick.senden in erinnerungen.registered()
