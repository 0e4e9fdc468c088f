"""The URLconf walk and one shared set of objects (users per role, pages, threads, tokens) per test module."""

import datetime
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.documents.models import Document
from wagtail.models import Site

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from diskussionen.models import Anhang
from diskussionen.notifications import abbestellen_token
from konto.invitations import create_invitation
from konto.roles import Rolle
from konto.setup import ensure_groups
from netzwerk_site.choices import Umsetzungsstand
from netzwerk_site.tree import ensure_tree_root
from search.models import Begriff
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.einreichungen import PDF_BYTES
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import (
    HandlungsfeldPageFactory,
    HomePageFactory,
    KommuneFactory,
    OrganisationFactory,
    ThemenfeldFactory,
    ThemenfeldIndexPageFactory,
    ThemenfeldPageFactory,
    ZielgruppeFactory,
)
from tests.factories.praxisbeispiele import PraxisbeispielIndexPageFactory, PraxisbeispielPageFactory
from tests.factories.veranstaltungen import VeranstaltungIndexPageFactory, VeranstaltungPageFactory
from veranstaltungen.choices import Sichtbarkeit, Wiederholung
from veranstaltungen.kalenderzugang import regenerate

# Hypothesis caches constants and Unicode tables on disk; keep them in the git-ignored tmp/ like the test media.
set_hypothesis_home_dir(Path(__file__).resolve().parents[2] / "tmp" / "hypothesis")

# The six ways a request can arrive; the inactive member's client called force_login before being refused, and
# `ohne_rolle` is logged in but in no group of the network.
ROLLEN = ("anonym", "mitglied_kommune", "mitglied_land", "redaktion", "inaktiv", "ohne_rolle")


@dataclass(frozen=True)
class Muster:
    """One URL pattern: full route as `resolve().route` spells it, namespaced name, and whether it is ours."""

    route: str
    name: str | None
    eigen: bool


def _join(prefix, route):
    # Same joining as django.urls.resolvers._join_route, so keys equal ResolverMatch.route.
    return route if not prefix else prefix + route.removeprefix("^")


def _view_module(callback):
    view = getattr(callback, "view_class", None) or callback
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    return getattr(view, "__module__", "") or ""


def projekt_apps():
    """Top-level packages of the installed apps that live in this checkout, not in site-packages."""
    basis = Path(settings.BASE_DIR).resolve()
    pfade = {app.name.split(".", 1)[0]: Path(app.path).resolve() for app in apps.get_app_configs()}
    return frozenset(
        name for name, pfad in pfade.items() if pfad.is_relative_to(basis) and "site-packages" not in pfad.parts
    )


def _walk(resolver, eigene_apps, prefix="", namespaces=()):
    urlconf = getattr(resolver.urlconf_module, "__name__", "")
    for entry in resolver.url_patterns:
        route = _join(prefix, str(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry, eigene_apps, route, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else None
            module = (urlconf, _view_module(entry.callback))
            eigen = any(m.split(".", 1)[0] in eigene_apps for m in module)
            yield Muster(route=route, name=name, eigen=eigen)


def url_muster():
    """Every URL pattern of the running URLconf, includes resolved recursively.

    A pattern is ours when its urlconf or its view comes from an app of this checkout, so that views we register
    inside the Wagtail admin count as ours although admin/ belongs to Wagtail.
    """
    return list(_walk(get_resolver(), projekt_apps()))


def client_fuer(rolle, welt, **kwargs):
    client = Client(**kwargs)
    user = {
        "anonym": None,
        "mitglied_kommune": welt.mitglied_kommune,
        "mitglied_land": welt.mitglied_land,
        "redaktion": welt.redaktion,
        "inaktiv": welt.inaktiv,
        "ohne_rolle": welt.ohne_rolle,
    }[rolle]
    if user is not None:
        client.force_login(user)
    return client


def _tree():
    """An empty portal as in the `site_tree` fixture, plus the Veranstaltungen index."""
    home = HomePageFactory(parent=ensure_tree_root())
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return (
        home,
        ThemenfeldIndexPageFactory(parent=home),
        PraxisbeispielIndexPageFactory(parent=home),
        VeranstaltungIndexPageFactory(parent=home),
    )


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def baue_welt():
    """Users of every role and one object behind every URL parameter of the project."""
    ensure_groups()
    home, themen_index, praxis_index, termine_index = _tree()
    themenfeld = ThemenfeldFactory(slug="sicherheit-themenfeld", title="Sicherheit und Teilhabe")
    kommune = KommuneFactory(slug="sicherheit-kommune", name="Musterkreis Sicherheit")
    ministerium = OrganisationFactory(slug="sicherheit-ministerium", name="Ministerium Sicherheit")
    mitglied = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, username="sicherheit-kommune", kommune=kommune)
    land = UserFactory(rolle=Rolle.MITGLIED_LAND, username="sicherheit-land", organisation=ministerium)
    redaktion = UserFactory(rolle=Rolle.REDAKTION, username="sicherheit-redaktion")
    # Resets a password only; never logs in, so that force_login of another role keeps its token valid.
    vergesslich = UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, username="sicherheit-vergesslich")
    diskussion = DiskussionFactory(author=mitglied, themenfeld=themenfeld, title="Sicherheit im Forum")
    beitrag = BeitragFactory(diskussion=diskussion, author=mitglied, body="Ein erster Beitrag.")
    _einladung, einladung_token = create_invitation(
        email="sicherheit-neu@example.org", rolle=Rolle.MITGLIED_KOMMUNE, created_by=redaktion
    )
    return SimpleNamespace(
        home=home,
        themenfeld=themenfeld,
        themenfeld_seite=ThemenfeldPageFactory(parent=themen_index, themenfeld=themenfeld),
        kommune=kommune,
        mitglied_kommune=mitglied,
        mitglied_land=land,
        redaktion=redaktion,
        inaktiv=UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, username="sicherheit-inaktiv", is_active=False),
        ohne_rolle=UserFactory(username="sicherheit-ohne-rolle"),
        praxisbeispiel=_publish(
            PraxisbeispielPageFactory(parent=praxis_index, slug="sicherheit-praxis", themenfelder=[themenfeld])
        ),
        einreichung=PraxisbeispielPageFactory(
            parent=praxis_index, slug="sicherheit-einreichung", live=False, eingereicht_von=mitglied
        ),
        veranstaltung=_publish(
            VeranstaltungPageFactory(parent=termine_index, slug="sicherheit-termin", veranstalter=ministerium)
        ),
        interne_veranstaltung=_publish(
            VeranstaltungPageFactory(parent=termine_index, slug="sicherheit-intern", sichtbarkeit=Sichtbarkeit.NETZWERK)
        ),
        diskussion=diskussion,
        beitrag=beitrag,
        anhang=Anhang.objects.create(
            beitrag=beitrag,
            datei=ContentFile(PDF_BYTES, name="sicherheit.pdf"),
            name="sicherheit.pdf",
            mime="application/pdf",
            groesse=len(PDF_BYTES),
        ),
        dokument=Document.objects.create(title="Sicherheit", file=ContentFile(PDF_BYTES, name="sicherheit.pdf")),
        kalender_token=regenerate(mitglied),
        abbestellen_token=abbestellen_token(mitglied),
        einladung_token=einladung_token,
        reset_uid=urlsafe_base64_encode(force_bytes(vergesslich.pk)),
        reset_token=default_token_generator.make_token(vergesslich),
    )


def _ergaenze_inhalte(welt):
    """More content for the input tests, so that facets, filters, calendars and search have data to work on."""
    zweites = ThemenfeldFactory(slug="sicherheit-sprache", title="Sprache und Bildung")
    zielgruppe = ZielgruppeFactory(slug="sicherheit-zielgruppe", name="Neuzugewanderte")
    praxis_index = welt.praxisbeispiel.get_parent()
    for nummer, themenfelder in enumerate(([welt.themenfeld], [zweites], [welt.themenfeld, zweites])):
        seite = PraxisbeispielPageFactory(
            parent=praxis_index,
            slug=f"sicherheit-praxis-{nummer}",
            title=f"Sprachcafé Nummer {nummer}",
            themenfelder=themenfelder,
            kommunen=[welt.kommune],
            zielgruppen=[zielgruppe],
        )
        _publish(seite)
    termine_index = welt.veranstaltung.get_parent()
    for nummer, (start, wiederholung) in enumerate(
        (
            (datetime.date(2026, 1, 15), Wiederholung.MONATLICH_WOCHENTAG),
            (datetime.date(2024, 5, 2), Wiederholung.KEINE),
        )
    ):
        _publish(
            VeranstaltungPageFactory(
                parent=termine_index,
                slug=f"sicherheit-reihe-{nummer}",
                start_date=start,
                wiederholung=wiederholung,
                themenfelder=[zweites],
            )
        )
    zweite = ThemenfeldPageFactory(parent=welt.themenfeld_seite.get_parent(), themenfeld=zweites)
    for themenfeld_seite, stand in (
        (welt.themenfeld_seite, Umsetzungsstand.UMGESETZT),
        (zweite, Umsetzungsstand.IN_PRUEFUNG),
    ):
        HandlungsfeldPageFactory(parent=themenfeld_seite, umsetzungsstand=stand)
    Begriff.objects.create(abkuerzung="SGB II", langform="Zweites Buch Sozialgesetzbuch", synonyme="Bürgergeld")
    return welt


def _welt_in_transaction(django_db_blocker, ergaenzen=None):
    dateien = []
    with django_db_blocker.unblock():
        cache.clear()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            welt = baue_welt()
            dateien += [welt.anhang.datei.name, welt.dokument.file.name]
            if ergaenzen:
                ergaenzen(welt)
            yield welt
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()
            for name in dateien:
                default_storage.delete(name)


@pytest.fixture(scope="module")
def welt(django_db_setup, django_db_blocker):
    """Built once per module inside an outer transaction; each test rolls back to this state."""
    yield from _welt_in_transaction(django_db_blocker)


@pytest.fixture(scope="module")
def inhaltsreiche_welt(django_db_setup, django_db_blocker):
    """`welt` plus more Praxisbeispiele, Veranstaltungen, Handlungsfelder and a Glossar entry."""
    yield from _welt_in_transaction(django_db_blocker, ergaenzen=_ergaenze_inhalte)
