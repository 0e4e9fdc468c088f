"""Seed step of the Veranstaltungen: the index page and every entry of veranstaltungen.toml.

Entries marked `demo = true` are invented example meetings; only `seed_netzwerk --demo` adds them.

The loader runs load_veranstaltungen(loader) inside its transaction, after the Themenfelder
and Handlungsfelder: pages are found by slug, published through revisions, and remembered with
a digest, so a second run changes nothing and editors' changes are kept.
"""

import datetime

from netzwerk_site.seeding.loader import register_step
from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR, SeedError, SeedFile
from netzwerk_site.seeding.text import paragraphs_html
from veranstaltungen.choices import Art, Sichtbarkeit, Wiederholung
from veranstaltungen.models import VeranstaltungIndexPage, VeranstaltungPage
from veranstaltungen.recurrence import BERLIN

FILENAME = "veranstaltungen.toml"
INDEX_INTRO = (
    "<p>Netzwerktreffen, Workshops, Fachtage, Vernetzungstreffen und Runde Tische von Land und "
    "Kommunen – mit Anmeldung, Kalender zum Abonnieren und der Dokumentation vergangener Treffen.</p>"
)


def read_veranstaltungen(data_dir, themenfeld_slugs, organisation_slugs):
    """The checked entries of the seed file; raises SeedError naming file and entry."""
    file = SeedFile(data_dir, FILENAME)
    entries = file.entries("veranstaltung")
    for entry in entries:
        ident = entry.get("slug", "")
        if not ident.isascii() or ident != ident.lower() or " " in ident or not ident:
            raise SeedError(FILENAME, "Der Kurzname muss klein, ohne Leerzeichen und ASCII sein.", ident)
        file.text(entry, "title", max_length=255)
        file.text(entry, "summary", max_length=600)
        file.choice(entry, "kind", Art)
        file.choice(entry, "sichtbarkeit", Sichtbarkeit)
        file.choice(entry, "wiederholung", Wiederholung, required=False)
        file.refs(entry, "themenfelder", themenfeld_slugs, "themenfelder.toml")
        _check_dates(entry)
        if entry.get("veranstalter", "") and entry["veranstalter"] not in organisation_slugs:
            raise SeedError(FILENAME, f"Den Veranstalter „{entry['veranstalter']}“ gibt es nicht.", ident)
        doku = entry.get("dokumentation_themenfeld", "")
        if doku and doku not in themenfeld_slugs:
            raise SeedError(FILENAME, f"Das Themenfeld „{doku}“ gibt es nicht.", ident)
        if not isinstance(entry.get("demo", False), bool):
            raise SeedError(FILENAME, "„demo“ muss true oder false sein.", ident)
    return entries


def demo_slugs(data_dir=DEFAULT_DATA_DIR):
    """Slugs of the invented example meetings (demo = true), which only `seed_netzwerk --demo` adds."""
    return {entry["slug"] for entry in SeedFile(data_dir, FILENAME).entries("veranstaltung") if entry.get("demo")}


def _check_dates(entry):
    ident = entry["slug"]
    start, end = entry.get("start"), entry.get("end")
    if not isinstance(start, datetime.date) or not isinstance(end, datetime.date) or end < start:
        raise SeedError(FILENAME, "„start“ und „end“ müssen Daten sein, das Ende nicht vor dem Beginn.", ident)
    times = (entry.get("start_time"), entry.get("end_time"))
    if any(t is not None and not isinstance(t, datetime.time) for t in times) or (times[0] is None) != (
        times[1] is None
    ):
        raise SeedError(FILENAME, "„start_time“ und „end_time“ sind beide Uhrzeiten oder fehlen beide.", ident)


def _values(entry, organisationen):
    deadline = entry.get("anmeldeschluss")
    return {
        "title": entry["title"],
        "art": entry["kind"],
        "summary": " ".join(entry["summary"].split()),
        "start_date": entry["start"],
        "start_time": entry.get("start_time"),
        "end_date": entry["end"],
        "end_time": entry.get("end_time"),
        "wiederholung": entry.get("wiederholung", ""),
        "ort": entry.get("ort", ""),
        "online_url": entry.get("online_url", ""),
        "veranstalter": organisationen.get(entry.get("veranstalter", "")),
        "teilnehmerkreis": entry.get("teilnehmerkreis", ""),
        "sichtbarkeit": entry["sichtbarkeit"],
        "anmeldung_aktiv": entry.get("anmeldung", False),
        "plaetze": entry.get("plaetze"),
        "anmeldeschluss": deadline.replace(tzinfo=BERLIN) if deadline else None,
        "teilnehmende_anzahl": entry.get("teilnehmende_anzahl"),
        "protokoll": paragraphs_html(entry.get("protokoll", "")),
    }


@register_step(30)
def load_veranstaltungen(loader):
    """Create or update the VeranstaltungIndexPage below the home page and every seeded Veranstaltung."""
    entries = read_veranstaltungen(loader.data_dir, set(loader.themenfelder), set(loader.organisationen))
    index = loader._page(
        VeranstaltungIndexPage,
        loader.home,
        "veranstaltungen",
        "Seite",
        {"title": "Veranstaltungen", "intro": INDEX_INTRO, "show_in_menus": True},
    )
    for entry in (e for e in entries if loader.demo or not e.get("demo")):
        values = _values(entry, loader.organisationen)
        doku = entry.get("dokumentation_themenfeld", "")
        m2m = {
            "themenfelder": {s: loader.themenfelder[s] for s in entry.get("themenfelder", [])},
            "handlungsfelder": {
                slug: page
                for slug, page in loader.handlungsfelder.items()
                if doku and page.themenfeld_id == loader.themenfelder[doku].pk
            },
        }
        comparable = {**values, "veranstalter": entry.get("veranstalter", "")}
        loader._page(VeranstaltungPage, index, entry["slug"], "Veranstaltung", values, m2m, comparable)
    loader.totals.append(("Veranstaltungen", VeranstaltungPage.objects.count()))
