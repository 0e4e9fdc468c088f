"""Benchmark content at N × the network's size, created through the site's own code paths.

Scale 1 is about the network today (36 Kommunen): 100 Praxisbeispiele, 20 Veranstaltungen (2 of
them recurring), 50 Diskussionen with 500 Beiträge and 10 members. The default scale 100 gives
10,000 Praxisbeispiele, 2,000 Veranstaltungen (200 recurring, with exceptions), 5,000 Diskussionen
with 50,000 Beiträge and 1,000 members. One more Diskussion with 500 Beiträge is always added for
the thread-page benchmark.

Pages are published through revisions (so the search index and caches follow), the search index
written once per block of BLOCK pages instead of after every page (a Handlungsfeld is reindexed once
per block, not once per example). Each Diskussion is started through diskussionen.beitraege; its
replies are written in one bulk insert with the same rendered and sanitized text, counter, followers
and read state create_beitrag leaves, and the thread is indexed once. What bulk writing leaves out is
the followers' notification rows of each reply: creating them one reply at a time made scale 100
take more than four hours. Registrations go through veranstaltungen.anmeldung. Everything is drawn from a seeded random generator, so the same scale
gives the same content. The text is recombined from the seed content of the Kooperationsstrategie.
"""

import contextlib
import datetime
import functools
import random
import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import OperationalError, transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone

from wagtail.rich_text import RichText

from diskussionen import beitraege
from diskussionen.choices import Haeufigkeit
from diskussionen.models import Abonnement, Beitrag, Benachrichtigungseinstellung, Diskussion, Lesestand
from diskussionen.rendering import render_markdown
from konto.models import User
from konto.roles import Rolle
from konto.setup import ensure_groups
from netzwerk_site.models import HandlungsfeldPage, Kommune, Organisation, Themenfeld, Zielgruppe
from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR, read_seed
from netzwerk_site.seeding.text import paragraphs_html
from praxisbeispiele.choices import PraxisEbene
from praxisbeispiele.models import Foerderung, PraxisbeispielIndexPage, PraxisbeispielPage
from praxisbeispiele.seeding import read_praxisbeispiele
from search import index
from veranstaltungen import anmeldung
from veranstaltungen.choices import Art, AusnahmeArt, Sichtbarkeit, Status, Wiederholung
from veranstaltungen.models import Ausnahme, VeranstaltungIndexPage, VeranstaltungPage
from veranstaltungen.recurrence import series_dates

UNIT = {
    "mitglieder": 10,
    "praxisbeispiele": 100,
    "veranstaltungen": 20,
    "wiederkehrend": 2,
    "diskussionen": 50,
    "beitraege": 500,
}
LANGER_FADEN_BEITRAEGE = 500
LANGER_FADEN_TITEL = "Benchmark: Erfahrungsaustausch Sprachmittlung (500 Beiträge)"
BENCH_PASSWORT = "Bench-Passwort-2026"  # noqa: S105 - benchmark accounts only, documented in bench/README.md
SEED = 20261126
BASE_DATE = datetime.date(2026, 11, 26)
SLUG_PREFIX = "bench-"
# Registrations are dated before any deadline of the generated meetings.
LANGE_VORHER = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
TEILE = ("praxisbeispiele", "veranstaltungen", "diskussionen")
# Pages published between two writes of the search index.
BLOCK = 200

ANTWORTEN = [
    "Bei uns in {kommune} hat sich bewährt, die Sprachmittlung über einen Pool zu organisieren. "
    "Die Abrechnung läuft über das Jugendamt.",
    "Wir haben gute Erfahrungen mit einem **Sprachcafé** gemacht, das Ehrenamtliche einmal pro Woche anbieten.",
    "Die Frage stellt sich bei uns auch. Gibt es dazu schon eine Handreichung des Landes?",
    "Kurzer Hinweis: Die Förderrichtlinie wurde angepasst, Anträge sind jetzt bis *Ende März* möglich.",
    "In {kommune} arbeiten wir mit der Ausländerbehörde eng zusammen:\n\n- feste Ansprechpersonen\n"
    "- gemeinsame Sprechstunde\n- kurze Wege bei Rückfragen",
    "Danke für den Austausch! Wir übernehmen das Modell ab dem nächsten Schuljahr.",
    "Das deckt sich mit unseren Erfahrungen. Entscheidend war die frühe Einbindung der Schulen.",
    "Siehe auch https://integration.rlp.de für die aktuellen Zahlen.",
]
FRAGEN = [
    "Wie organisieren Sie die Sprachstandsfeststellung nach der Zuweisung?",
    "Erfahrungen mit Sprachmittlungspools in ländlichen Räumen?",
    "Wer finanziert bei Ihnen die Migrationsberatung für Erwachsene?",
    "Kita-Plätze für neu zugewanderte Kinder: Wie gehen Sie mit Wartelisten um?",
    "Anerkennung ausländischer Berufsabschlüsse: Zusammenarbeit mit der IQ-Beratung",
    "Ehrenamtliche Integrationslotsen gewinnen und halten",
    "Wohnraum für Geflüchtete: Kooperation mit Wohnungsbaugesellschaften",
    "Psychosoziale Versorgung: Wartezeiten beim PSZ",
]


@dataclass
class Anzahl:
    mitglieder: int
    praxisbeispiele: int
    veranstaltungen: int
    wiederkehrend: int
    diskussionen: int
    beitraege: int

    @classmethod
    def fuer(cls, scale):
        return cls(**{key: max(1, round(value * scale)) for key, value in UNIT.items()})


def _noop(label, done, total):
    pass


def _mit_wiederholung(schritt, aufraeumen=None, versuche=10):
    """Run schritt again while a second bench_data process (a parallel build) holds SQLite's write lock.

    aufraeumen removes what a failed attempt left half-written.
    """
    for versuch in range(versuche):
        try:
            return schritt()
        except OperationalError:
            if versuch == versuche - 1:
                raise
            if aufraeumen is not None:
                aufraeumen()
            time.sleep(1 + versuch)
    return None


def _in_bloecken(total, block=BLOCK):
    """range(total), with the search index written at the end of every block of pages."""
    for start in range(0, total, block):
        with index.batched():
            yield from range(start, min(start + block, total))


def _anmelden(page, user):
    with contextlib.suppress(anmeldung.AnmeldungAbgelehnt):
        anmeldung.anmelden(page, user, now=LANGE_VORHER)


class Benchdaten:
    def __init__(self, scale, progress=_noop):
        self.anzahl = Anzahl.fuer(scale)
        self.random = random.Random(SEED)
        self.seed = SEED
        self.progress = progress
        self.seed_beispiele = read_praxisbeispiele(DEFAULT_DATA_DIR, read_seed())
        self.themenfelder = list(Themenfeld.objects.order_by("pk"))
        self.kommunen = list(Kommune.objects.order_by("pk"))
        self.organisationen = list(Organisation.objects.order_by("pk"))
        self.zielgruppen = list(Zielgruppe.objects.order_by("pk"))
        self.foerderungen = list(Foerderung.objects.order_by("pk"))
        self.handlungsfelder = list(HandlungsfeldPage.objects.order_by("pk"))
        self.praxis_index = PraxisbeispielIndexPage.objects.get()
        self.veranstaltung_index = VeranstaltungIndexPage.objects.get()

    def _section(self, name):
        """Each section draws from its own generator, so sections can be built separately, even in parallel."""
        self.random = random.Random(f"{self.seed}-{name}")

    def build(self, teile=TEILE):
        # Benchmark authors post far faster than the posting limit allows, and no mail leaves the machine.
        with override_settings(
            DISKUSSIONEN_BEITRAEGE_PRO_MINUTE=10**9,
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        ):
            self._section("mitglieder")
            mitglieder = self.mitglieder()
            if "praxisbeispiele" in teile:
                self._section("praxisbeispiele")
                self.praxisbeispiele()
            if "veranstaltungen" in teile:
                self._section("veranstaltungen")
                veranstaltungen = self.veranstaltungen()
                self.anmeldungen(veranstaltungen, mitglieder)
            if "diskussionen" in teile:
                self._section("diskussionen")
                self.diskussionen(mitglieder)
        return self.anzahl

    # -- members -------------------------------------------------------------------------------------------------
    def mitglieder(self):
        # One password hash for all accounts: hashing 1,000 passwords would take minutes and measure nothing.
        password = make_password(BENCH_PASSWORT)
        ensure_groups()
        groups = {rolle: Group.objects.get(name=rolle) for rolle in Rolle.values}
        land_orgs = [o for o in self.organisationen if o.art in ("ministerium", "landesbehoerde", "landesprojekt")] or (
            self.organisationen
        )
        users = []
        total = self.anzahl.mitglieder
        for i in range(total):
            username = f"bench{i:05d}"
            rolle = Rolle.REDAKTION if i % 50 == 1 else Rolle.MITGLIED_LAND if i % 5 == 4 else Rolle.MITGLIED_KOMMUNE
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "first_name": self.random.choice(["Anna", "Mehmet", "Julia", "Jonas", "Fatma", "Peter", "Olena"]),
                    "last_name": self.random.choice(["Schmitt", "Becker", "Yilmaz", "Weber", "Kovalenko", "Klein"]),
                    "password": password,
                    "kommune": self.random.choice(self.kommunen) if rolle == Rolle.MITGLIED_KOMMUNE else None,
                    "organisation": self.random.choice(land_orgs) if rolle != Rolle.MITGLIED_KOMMUNE else None,
                },
            )
            if created:
                user.groups.add(groups[rolle])
                haeufigkeit = Haeufigkeit.SOFORT if i % 5 == 0 else Haeufigkeit.TAEGLICH
                Benachrichtigungseinstellung.objects.update_or_create(user=user, defaults={"haeufigkeit": haeufigkeit})
            users.append(user)
            self.progress("Mitglieder", i + 1, total)
        return users

    # -- Praxisbeispiele -------------------------------------------------------------------------------------------
    def _publish(self, parent, page):
        page.live = False
        parent.add_child(instance=page)
        page.save_revision(user=None, log_action=True).publish()
        return page

    def praxisbeispiele(self):
        existing = set(PraxisbeispielPage.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True))
        total = self.anzahl.praxisbeispiele
        rnd = self.random
        for i in _in_bloecken(total):
            vorlage = self.seed_beispiele[i % len(self.seed_beispiele)]
            kommune = rnd.choice(self.kommunen)
            # Draw everything before the existence check, so an interrupted run continues with the same content.
            themenfelder = rnd.sample(self.themenfelder, rnd.randint(1, 2))
            zielgruppen = rnd.sample(self.zielgruppen, min(len(self.zielgruppen), rnd.randint(1, 3)))
            foerderungen = rnd.sample(self.foerderungen, rnd.randint(0, 2))
            handlungsfelder = rnd.sample(self.handlungsfelder, rnd.randint(1, 3))
            ebene = rnd.choice(PraxisEbene.values)
            slug = f"{SLUG_PREFIX}pb-{i:05d}"
            if slug not in existing:
                page = PraxisbeispielPage(
                    title=f"{vorlage['title']} in {kommune.name} ({i + 1})"[:255],
                    slug=slug,
                    summary=f"{' '.join(vorlage['summary'].split())[:500]} Umgesetzt in {kommune.name}.",
                    body=[("absatz", RichText(paragraphs_html(p))) for p in vorlage["body"]],
                    ebene=ebene,
                    traeger=rnd.choice(self.organisationen),
                    first_published_at=timezone.make_aware(
                        datetime.datetime.combine(BASE_DATE - datetime.timedelta(days=i % 1500), datetime.time(9))
                    ),
                )
                page.themenfelder = themenfelder
                page.kommunen = [kommune]
                page.zielgruppen = zielgruppen
                page.foerderungen = foerderungen
                page.handlungsfelder = handlungsfelder
                with transaction.atomic():
                    self._publish(self.praxis_index, page)
            self.progress("Praxisbeispiele", i + 1, total)

    # -- Veranstaltungen -----------------------------------------------------------------------------------------
    def veranstaltungen(self):
        total = self.anzahl.veranstaltungen
        wiederkehrend = self.anzahl.wiederkehrend
        existing = {
            p.slug: p for p in VeranstaltungPage.objects.filter(slug__startswith=SLUG_PREFIX).only("pk", "slug")
        }
        rnd = self.random
        pages = []
        arten = Art.values
        for i in _in_bloecken(total):
            is_serie = i < wiederkehrend
            art = arten[i % len(arten)]
            themenfeld = rnd.choice(self.themenfelder)
            kommune = rnd.choice(self.kommunen)
            # Past and future meetings: two years back, one year ahead.
            start = BASE_DATE + datetime.timedelta(days=rnd.randint(-730, 365))
            ganztaegig = art == Art.FACHTAG
            oeffentlich = rnd.random() < 0.7
            abgesagt = rnd.random() < 0.03
            anmeldung_aktiv = rnd.random() < 0.5
            plaetze = rnd.choice([20, 30, 50, 75])
            slug = f"{SLUG_PREFIX}va-{i:05d}"
            if slug in existing:
                pages.append(existing[slug])
                self.progress("Veranstaltungen", i + 1, total)
                continue
            page = VeranstaltungPage(
                title=f"{Art(art).label} „{themenfeld.title}“ in {kommune.name} ({i + 1})"[:255],
                slug=slug,
                art=art,
                summary=f"{Art(art).label} des Netzwerks zu {themenfeld.title}: Austausch von Kommunen und Land.",
                start_date=start,
                end_date=start,
                start_time=None if ganztaegig else datetime.time(10),
                end_time=None if ganztaegig else datetime.time(15, 30),
                ort=f"Kreisverwaltung, Sitzungssaal 1, {kommune.name}",
                online_url="" if rnd.random() < 0.5 else f"https://konferenz.example.org/bench-{i}",
                veranstalter=rnd.choice(self.organisationen),
                teilnehmerkreis="Integrationsbeauftragte der Kommunen und Fachleute des Landes",
                sichtbarkeit=Sichtbarkeit.OEFFENTLICH if oeffentlich else Sichtbarkeit.NETZWERK,
                status=Status.ABGESAGT if abgesagt else Status.GEPLANT,
                anmeldung_aktiv=anmeldung_aktiv,
                plaetze=plaetze if anmeldung_aktiv else None,
                warteliste=anmeldung_aktiv,
            )
            if is_serie:
                page.wiederholung = rnd.choice(
                    [Wiederholung.MONATLICH_WOCHENTAG, Wiederholung.HALBJAEHRLICH, Wiederholung.WOECHENTLICH]
                )
                page.start_date = BASE_DATE - datetime.timedelta(days=rnd.randint(0, 300))
                page.end_date = page.start_date
                page.start_time, page.end_time = datetime.time(14), datetime.time(16)
                page.wiederholung_bis = page.start_date + datetime.timedelta(days=730)
                page.status = Status.GEPLANT
            page.themenfelder = [themenfeld]
            if is_serie:
                page.ausnahmen = self._ausnahmen(page)
            with transaction.atomic():
                pages.append(self._publish(self.veranstaltung_index, page))
            self.progress("Veranstaltungen", i + 1, total)
        return pages

    def _ausnahmen(self, page):
        """One cancelled, one moved and one dropped occurrence per series."""
        dates = list(series_dates(page))[1:4]
        arten = [AusnahmeArt.ABGESAGT, AusnahmeArt.VERSCHOBEN, AusnahmeArt.ENTFAELLT]
        ausnahmen = []
        for datum, art in zip(dates, arten, strict=False):
            ausnahme = Ausnahme(datum=datum, art=art, hinweis="Beispiel für eine Ausnahme im Benchmark.")
            if art == AusnahmeArt.VERSCHOBEN:
                ausnahme.neues_datum = datum + datetime.timedelta(days=1)
            ausnahmen.append(ausnahme)
        return ausnahmen

    def anmeldungen(self, veranstaltungen, mitglieder):
        # Fresh from the database: the instances built above still say live=False.
        offen = list(
            VeranstaltungPage.objects.filter(pk__in=[p.pk for p in veranstaltungen], anmeldung_aktiv=True)
            .exclude(status=Status.ABGESAGT)
            .order_by("pk")
        )
        total = len(offen)
        for n, page in enumerate(offen):
            if not page.anmeldungen.exists():
                for user in self.random.sample(mitglieder, min(len(mitglieder), 5)):
                    _mit_wiederholung(functools.partial(_anmelden, page, user))
            self.progress("Anmeldungen", n + 1, total)

    # -- Diskussionen -------------------------------------------------------------------------------------------------
    def diskussionen(self, mitglieder):
        rnd = self.random
        total = self.anzahl.diskussionen
        pro_faden = max(1, self.anzahl.beitraege // total)
        done = Diskussion.objects.filter(title__startswith="Benchmark").count()
        for i in range(total):
            titel = f"Benchmark {i + 1}: {FRAGEN[i % len(FRAGEN)]}"
            starter = rnd.choice(mitglieder)
            themenfeld = rnd.choice(self.themenfelder)
            antworten = [(rnd.choice(mitglieder), rnd.choice(ANTWORTEN)) for _ in range(pro_faden - 1)]
            if i < done:
                self.progress("Diskussionen", i + 1, total)
                continue
            _mit_wiederholung(
                functools.partial(self._faden, titel, starter, themenfeld, antworten, is_frage_an_land=i % 7 == 0),
                aufraeumen=Diskussion.objects.filter(title=titel).delete,
            )
            self.progress("Diskussionen", i + 1, total)
        if not Diskussion.objects.filter(title=LANGER_FADEN_TITEL).exists():
            antworten = [(rnd.choice(mitglieder), rnd.choice(ANTWORTEN)) for _ in range(LANGER_FADEN_BEITRAEGE - 1)]
            self._faden(LANGER_FADEN_TITEL, mitglieder[0], self.themenfelder[0], antworten)

    def _faden(self, titel, starter, themenfeld, antworten, is_frage_an_land=False):
        # The thread is indexed once at the end instead of after the first post and again for the replies.
        with index.batched():
            return self._faden_schreiben(titel, starter, themenfeld, antworten, is_frage_an_land)

    def _faden_schreiben(self, titel, starter, themenfeld, antworten, is_frage_an_land):
        diskussion = beitraege.create_diskussion(
            starter,
            {
                "title": titel,
                "body": f"{titel}\n\nWir suchen Erfahrungen aus anderen Kommunen. Vielen Dank vorab!",
                "themenfeld": themenfeld,
                "is_frage_an_land": is_frage_an_land,
            },
        )
        if antworten:
            with transaction.atomic():
                _antworten_schreiben(diskussion, antworten)
            index.update_object(diskussion)
        return diskussion


@functools.lru_cache(maxsize=256)
def _html(text):
    return render_markdown(text)


def _antworten_schreiben(diskussion, antworten):
    """What create_beitrag leaves for each reply, in a few bulk statements: posts one second apart, counter,
    last activity, each author following the thread and having read it at the time of their last post."""
    beginn = timezone.now()
    posts, zuletzt = [], {}
    for n, (author, text) in enumerate(antworten, start=1):
        body = text.format(kommune=author.kommune.name if author.kommune_id else "Mainz")
        zeit = beginn + datetime.timedelta(seconds=n)
        posts.append(Beitrag(diskussion=diskussion, author=author, body=body, body_html=_html(body), created_at=zeit))
        zuletzt[author.pk] = zeit
    Beitrag.objects.bulk_create(posts, batch_size=500)
    Diskussion.objects.filter(pk=diskussion.pk).update(
        last_activity_at=posts[-1].created_at, beitrag_count=F("beitrag_count") + len(posts)
    )
    Abonnement.objects.bulk_create(
        [Abonnement(user_id=pk, diskussion=diskussion) for pk in zuletzt], ignore_conflicts=True
    )
    Lesestand.objects.filter(diskussion=diskussion, user_id__in=list(zuletzt)).delete()
    Lesestand.objects.bulk_create(
        [Lesestand(user_id=pk, diskussion=diskussion, gelesen_am=zeit) for pk, zeit in zuletzt.items()]
    )


def build(scale, progress=_noop, teile=TEILE):
    return Benchdaten(scale, progress).build(teile)
