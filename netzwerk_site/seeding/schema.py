"""Reads the curated seed files and checks them completely before anything is written.

Every problem names the file and the entry, so that a broken data file can be
fixed without a debugger.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from netzwerk_site.choices import Ebene, KommuneArt, OrganisationArt, Umsetzungsstand

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "seed"

FILES = {
    "themenfeld": "themenfelder.toml",
    "handlungsfeld": "handlungsfelder.toml",
    "kommune": "kommunen.toml",
    "organisation": "organisationen.toml",
    "zielgruppe": "zielgruppen.toml",
    "strategie": "strategie.toml",
    "seite": "seiten.toml",
}


class SeedError(Exception):
    """A seed file is missing, unreadable or inconsistent."""

    def __init__(self, filename, message, entry=None):
        self.filename, self.entry = filename, entry
        where = f"{filename}, Eintrag „{entry}“" if entry else filename
        super().__init__(f"{where}: {message}")


@dataclass
class SeedData:
    """The core's checked seed files: vocabularies, Themenfelder and Handlungsfelder, strategy, pages."""

    themenfelder: list
    handlungsfelder: list
    kommunen: list
    organisationen: list
    zielgruppen: list
    strategie: dict
    seiten: list


class SeedFile:
    """One seed file's entries plus the checks that report against it."""

    def __init__(self, data_dir, filename):
        self.filename = filename
        path = Path(data_dir) / filename
        try:
            with path.open("rb") as handle:
                self.data = tomllib.load(handle)
        except FileNotFoundError:
            raise SeedError(filename, "Die Datei fehlt.") from None
        except tomllib.TOMLDecodeError as error:
            raise SeedError(filename, f"Die Datei ist kein gültiges TOML ({error}).") from None

    def entries(self, table):
        entries = self.data.get(table)
        if not isinstance(entries, list) or not entries:
            raise SeedError(self.filename, f"Die Liste [[{table}]] fehlt oder ist leer.")
        seen = set()
        for position, entry in enumerate(entries, start=1):
            ident = entry.get("slug") or entry.get("abkuerzung") or entry.get("number") or f"Nr. {position}"
            if ident in seen:
                raise SeedError(self.filename, "Dieser Kurzname kommt mehrfach vor.", ident)
            seen.add(ident)
        return entries

    def text(self, entry, key, *, required=True, max_length=None):
        value = entry.get(key, "")
        if not isinstance(value, str):
            raise SeedError(self.filename, f"„{key}“ muss ein Text sein.", self.ident(entry))
        value = value.strip()
        if required and not value:
            raise SeedError(self.filename, f"Das Feld „{key}“ fehlt oder ist leer.", self.ident(entry))
        if max_length and len(value) > max_length:
            raise SeedError(self.filename, f"„{key}“ ist länger als {max_length} Zeichen.", self.ident(entry))
        return value

    def unique_titles(self, entries, max_length=255):
        """Every entry's title is there, not too long, and no two entries share one."""
        seen = set()
        for entry in entries:
            title = self.text(entry, "title", max_length=max_length)
            if title in seen:
                raise SeedError(self.filename, "Dieser Titel kommt mehrfach vor.", self.ident(entry))
            seen.add(title)

    def choice(self, entry, key, choices, *, required=True):
        value = entry.get(key, "")
        if not value and not required:
            return ""
        if value not in choices.values:
            allowed = ", ".join(choices.values)
            raise SeedError(self.filename, f"„{key}“ ist „{value}“; erlaubt sind: {allowed}.", self.ident(entry))
        return value

    def refs(self, entry, key, known, target_file, *, required=False):
        values = entry.get(key, [])
        if not isinstance(values, list):
            raise SeedError(self.filename, f"„{key}“ muss eine Liste sein.", self.ident(entry))
        if required and not values:
            raise SeedError(self.filename, f"„{key}“ darf nicht leer sein.", self.ident(entry))
        for value in values:
            if value not in known:
                raise SeedError(
                    self.filename, f"„{value}“ in „{key}“ gibt es nicht in {target_file}.", self.ident(entry)
                )
        return values

    def integer(self, entry, key):
        value = entry.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise SeedError(self.filename, f"„{key}“ muss eine ganze Zahl ab 0 sein.", self.ident(entry))
        return value

    @staticmethod
    def ident(entry):
        return entry.get("slug") or entry.get("abkuerzung") or entry.get("number")


def check_slugs(file, entries):
    for entry in entries:
        slug = file.text(entry, "slug", max_length=80)
        if not slug.isascii() or slug != slug.lower() or " " in slug:
            raise SeedError(file.filename, "Der Kurzname muss klein, ohne Leerzeichen und ASCII sein.", slug)


def read_seed(data_dir=DEFAULT_DATA_DIR):
    """Read and cross-check the core's seed files; raises SeedError on the first problem.

    Each app reads and checks its own files in its seed step (netzwerk_site/seeding/loader.py).
    """
    themenfelder = _read_themenfelder(data_dir)
    kommunen = _read_kommunen(data_dir)
    organisationen = _read_organisationen(data_dir)
    zielgruppen = _read_zielgruppen(data_dir)
    handlungsfelder = _read_handlungsfelder(data_dir, themenfelder, organisationen)
    return SeedData(
        themenfelder=themenfelder,
        handlungsfelder=handlungsfelder,
        kommunen=kommunen,
        organisationen=organisationen,
        zielgruppen=zielgruppen,
        strategie=_read_strategie(data_dir),
        seiten=_read_seiten(data_dir),
    )


def _read_themenfelder(data_dir):
    file = SeedFile(data_dir, FILES["themenfeld"])
    entries = file.entries("themenfeld")
    check_slugs(file, entries)
    for entry in entries:
        file.text(entry, "title", max_length=120)
        file.text(entry, "description")
        file.text(entry, "intro", required=False)
        file.integer(entry, "order")
    return entries


def _read_kommunen(data_dir):
    file = SeedFile(data_dir, FILES["kommune"])
    entries = file.entries("kommune")
    check_slugs(file, entries)
    landkreise = {e["slug"] for e in entries if e.get("kind") == KommuneArt.LANDKREIS}
    for entry in entries:
        file.text(entry, "name", max_length=120)
        kind = file.choice(entry, "kind", KommuneArt)
        landkreis = entry.get("landkreis", "")
        if kind in (KommuneArt.LANDKREIS, KommuneArt.KREISFREIE_STADT) and landkreis:
            raise SeedError(
                file.filename, "Ein Landkreis oder eine kreisfreie Stadt hat keinen Landkreis.", entry["slug"]
            )
        if kind not in (KommuneArt.LANDKREIS, KommuneArt.KREISFREIE_STADT) and landkreis not in landkreise:
            raise SeedError(file.filename, f"Der Landkreis „{landkreis}“ fehlt oder ist unbekannt.", entry["slug"])
    return entries


def _read_organisationen(data_dir):
    file = SeedFile(data_dir, FILES["organisation"])
    entries = file.entries("organisation")
    check_slugs(file, entries)
    for entry in entries:
        file.text(entry, "name", max_length=200)
        file.text(entry, "short_name", required=False, max_length=30)
        file.choice(entry, "kind", OrganisationArt)
        file.text(entry, "website", required=False)
    return entries


def _read_zielgruppen(data_dir):
    file = SeedFile(data_dir, FILES["zielgruppe"])
    entries = file.entries("zielgruppe")
    check_slugs(file, entries)
    for entry in entries:
        file.text(entry, "name", max_length=120)
    return entries


def _read_handlungsfelder(data_dir, themenfelder, organisationen):
    file = SeedFile(data_dir, FILES["handlungsfeld"])
    entries = file.entries("handlungsfeld")
    check_slugs(file, entries)
    known_themenfelder = {e["slug"] for e in themenfelder}
    known_organisationen = {e["slug"] for e in organisationen}
    file.unique_titles(entries)
    for entry in entries:
        if entry.get("themenfeld") not in known_themenfelder:
            raise SeedError(file.filename, f"Das Themenfeld „{entry.get('themenfeld')}“ gibt es nicht.", entry["slug"])
        file.text(entry, "situation")
        file.text(entry, "zusammenwirken", max_length=500)
        file.text(entry, "vereinbarung")
        file.choice(entry, "ebene", Ebene)
        file.choice(entry, "umsetzungsstand", Umsetzungsstand)
        file.refs(entry, "organisationen", known_organisationen, FILES["organisation"])
        file.integer(entry, "order")
    return entries


def _read_strategie(data_dir):
    file = SeedFile(data_dir, FILES["strategie"])
    for table, expected in (("grundverstaendnis", 6), ("eckpunkt", 4)):
        entries = file.entries(table)
        if len(entries) != expected:
            raise SeedError(file.filename, f"[[{table}]] muss genau {expected} Punkte haben, nicht {len(entries)}.")
        for entry in entries:
            file.integer(entry, "number")
            file.text(entry, "title", max_length=300)
            file.text(entry, "text")
    for key in ("hintergrund", "eckpunkte_einleitung"):
        if not isinstance(file.data.get(key), str) or not file.data[key].strip():
            raise SeedError(file.filename, f"Der Text „{key}“ fehlt.")
    return file.data


def _read_seiten(data_dir):
    file = SeedFile(data_dir, FILES["seite"])
    entries = file.entries("seite")
    check_slugs(file, entries)
    for entry in entries:
        file.text(entry, "title", max_length=255)
        file.text(entry, "intro", required=False)
        sections = entry.get("abschnitt")
        if not isinstance(sections, list) or not sections:
            raise SeedError(file.filename, "Die Seite braucht mindestens einen [[seite.abschnitt]].", entry["slug"])
        for section in sections:
            if not isinstance(section.get("ueberschrift"), str) or not isinstance(section.get("text"), str):
                raise SeedError(file.filename, "Jeder Abschnitt braucht „ueberschrift“ und „text“.", entry["slug"])
    return entries
