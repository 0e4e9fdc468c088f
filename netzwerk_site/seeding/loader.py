"""Writes the checked seed data: vocabularies, page tree and pages, published through revisions.

Idempotent: each item is found by its slug. A SeedEintrag remembers the digest
of what the loader last wrote, so a second run changes nothing, a changed seed
file updates the item, and an item that Redaktion has edited since is kept.
"""

import hashlib
import json
from collections import Counter

from django.db import transaction

from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from netzwerk_site.models import (
    HandlungsfeldPage,
    HomePage,
    InhaltsPage,
    Kommune,
    KooperationsstrategiePage,
    Organisation,
    SeedEintrag,
    StrategieabschnittPage,
    Themenfeld,
    ThemenfeldIndexPage,
    ThemenfeldPage,
    Zielgruppe,
)
from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR, read_seed
from netzwerk_site.seeding.text import paragraphs_html
from netzwerk_site.tree import ensure_tree_root

HOME_INTRO = (
    "Die Integrationsverantwortlichen der 36 Landkreise und kreisfreien Städte, die Ministerien des "
    "Landes und die Kommunalen Spitzenverbände teilen hier, was sich bewährt, treffen sich und "
    "bleiben im Gespräch – so wie es die Kooperationsstrategie Integration vereinbart."
)


SEED_STEPS = "netzwerk_seed_steps"


def _stable(value):
    """JSON fallback: vocabulary objects by slug, so that renaming one does not look like a seed change."""
    return getattr(value, "slug", None) or str(value)


def digest(values):
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False, default=_stable).encode()).hexdigest()


class Loader:
    """Shared state of one seed run: the core's checked data, what each step wrote, and the helpers to write."""

    def __init__(self, data, data_dir=DEFAULT_DATA_DIR, *, demo=False):
        self.data = data
        self.data_dir = data_dir
        self.demo = demo
        self.stats = Counter()
        self.totals = []
        self.records = {r.key: r for r in SeedEintrag.objects.all()}

    # -- bookkeeping -------------------------------------------------------
    def _decide(self, key, values, exists, edited):
        """Return 'create', 'update' or None (unchanged, or edited by Redaktion and kept)."""
        record = self.records.get(key)
        new_digest = digest(values)
        if not exists:
            return "create"
        if record is not None and record.digest == new_digest:
            return None
        if edited:
            self.stats[f"{key.split(':')[0]} behalten"] += 1
            return None
        return "update"

    def _remember(self, key, values, action):
        SeedEintrag.objects.update_or_create(key=key, defaults={"digest": digest(values)})
        label = "neu" if action == "create" else "aktualisiert"
        self.stats[f"{key.split(':')[0]} {label}"] += 1

    # -- vocabularies --------------------------------------------------------
    def _vocabulary(self, model, kind, slug, values, key_field="slug"):
        """Create or update a snippet; an editor's change shows as values differing from the record."""
        key = f"{kind}:{slug}"
        obj = model.objects.filter(**{key_field: slug}).first()
        record = self.records.get(key)
        edited = obj is not None and record is not None and record.digest != digest(self._current(obj, values))
        action = self._decide(key, values, obj is not None, edited)
        if action:
            obj = obj or model(**{key_field: slug})
            for field, value in values.items():
                setattr(obj, field, value)
            obj.save()
            self._remember(key, values, action)
        return obj

    @staticmethod
    def _current(obj, values):
        return {field: getattr(obj, field) for field in values}

    def load_vocabularies(self):
        self.themenfelder = {
            e["slug"]: self._vocabulary(
                Themenfeld,
                "Themenfeld",
                e["slug"],
                {"title": e["title"], "description": " ".join(e["description"].split()), "order": e.get("order", 0)},
            )
            for e in self.data.themenfelder
        }
        self.kommunen = {}
        for entry in sorted(self.data.kommunen, key=lambda e: bool(e.get("landkreis"))):
            landkreis = self.kommunen.get(entry.get("landkreis"))
            values = {"name": entry["name"], "art": entry["kind"], "landkreis_id": landkreis.pk if landkreis else None}
            self.kommunen[entry["slug"]] = self._vocabulary(Kommune, "Kommune", entry["slug"], values)
        self.organisationen = {
            e["slug"]: self._vocabulary(
                Organisation,
                "Organisation",
                e["slug"],
                {
                    "name": e["name"],
                    "short_name": e.get("short_name", ""),
                    "art": e["kind"],
                    "website": e.get("website", ""),
                },
            )
            for e in self.data.organisationen
        }
        self.zielgruppen = {
            e["slug"]: self._vocabulary(Zielgruppe, "Zielgruppe", e["slug"], {"name": e["name"]})
            for e in self.data.zielgruppen
        }

    # -- pages -----------------------------------------------------------------
    def _page(self, model, parent, slug, kind, values, m2m=None, comparable=None):
        """Create or update a page below parent and publish it through a revision.

        comparable replaces values in the digest where values hold objects built from seed text.
        """
        m2m = m2m or {}
        key = f"{kind}:{slug}"
        page = model.objects.child_of(parent).filter(slug=slug).first()
        edited = page is not None and page.revisions.exclude(user=None).exists()
        comparable = {**(comparable or values), **{k: sorted(v) for k, v in m2m.items()}}
        action = self._decide(key, comparable, page is not None, edited)
        if action is None:
            return page
        page = page or model(slug=slug)
        for field, value in values.items():
            setattr(page, field, value)
        for field, objects in m2m.items():
            setattr(page, field, list(objects.values()))
        if action == "create":
            page.live = False
            parent.add_child(instance=page)
        page.save_revision(user=None, log_action=True).publish()
        self._remember(key, comparable, action)
        return page

    def load_frame(self):
        """Home page as the site root, plus the fixed index pages."""
        root = ensure_tree_root()
        home = HomePage.objects.first()
        if home is None:
            home = HomePage(title="Netzwerk Integration Rheinland-Pfalz", slug="start", intro=f"<p>{HOME_INTRO}</p>")
            root.add_child(instance=home)
            home.save_revision(user=None).publish()
            self.stats["Seite neu"] += 1
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or site.root_page_id != home.pk:
            old_root = site.root_page if site else None
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Netzwerk Integration"},
            )
            # Wagtail's placeholder page from its first migration has no use once the home page exists.
            if old_root is not None and old_root.specific_class is Page and not old_root.get_children().exists():
                old_root.delete()
        self.home = home
        self.themenfeld_index = self._page(
            ThemenfeldIndexPage,
            home,
            "themenfelder",
            "Seite",
            {
                "title": "Themenfelder",
                "show_in_menus": True,
                "intro": "<p>Die Ergebnisse des Auftaktdialogs in fünf Themenfeldern: was Land und Kommunen "
                "vereinbart haben, wie weit die Umsetzung ist und welche Praxisbeispiele es gibt.</p>",
            },
        )

    def load_themenfelder(self):
        self.handlungsfelder = {}
        for entry in self.data.themenfelder:
            themenfeld = self.themenfelder[entry["slug"]]
            page = self._page(
                ThemenfeldPage,
                self.themenfeld_index,
                entry["slug"],
                "Themenfeld-Seite",
                {"title": entry["title"], "themenfeld": themenfeld, "intro": paragraphs_html(entry.get("intro", ""))},
            )
            entries = [e for e in self.data.handlungsfelder if e["themenfeld"] == entry["slug"]]
            for hf in sorted(entries, key=lambda e: e.get("order", 0)):
                self.handlungsfelder[hf["slug"]] = self._handlungsfeld(page, hf)

    def _handlungsfeld(self, parent, entry):
        values = {
            "title": entry["title"],
            "situation": paragraphs_html(entry["situation"]),
            "zusammenwirken": " ".join(entry["zusammenwirken"].split()),
            "vereinbarung": paragraphs_html(entry["vereinbarung"]),
            "ebene": entry["ebene"],
            "umsetzungsstand": entry["umsetzungsstand"],
        }
        organisationen = {s: self.organisationen[s] for s in entry.get("organisationen", [])}
        return self._page(
            HandlungsfeldPage, parent, entry["slug"], "Handlungsfeld", values, {"organisationen": organisationen}
        )

    def load_seiten(self):
        """Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit and Leichte Sprache."""
        for entry in self.data.seiten:
            self._page(
                InhaltsPage,
                self.home,
                entry["slug"],
                "Seite",
                {
                    "title": entry["title"],
                    "intro": paragraphs_html(entry.get("intro", "")),
                    "body": _section_blocks(entry["abschnitt"]),
                },
                comparable={"title": entry["title"], "intro": entry.get("intro", ""), "body": entry["abschnitt"]},
            )

    def load_strategie(self):
        strategie = self.data.strategie
        parent = self._page(
            KooperationsstrategiePage,
            self.home,
            "kooperationsstrategie",
            "Seite",
            {
                "title": "Kooperationsstrategie Integration",
                "intro": paragraphs_html(strategie["hintergrund"]),
                "show_in_menus": True,
            },
        )
        sections = (
            ("grundverstaendnis", "Gemeinsames Grundverständnis", "", strategie["grundverstaendnis"]),
            (
                "eckpunkte",
                "Eckpunkte für die Zusammenarbeit von Land und Kommunen",
                strategie["eckpunkte_einleitung"],
                strategie["eckpunkt"],
            ),
        )
        for slug, title, intro, punkte in sections:
            blocks = [
                ("punkt", {"number": p["number"], "title": p["title"], "text": RichText(paragraphs_html(p["text"]))})
                for p in punkte
            ]
            self._page(
                StrategieabschnittPage,
                parent,
                slug,
                "Seite",
                {"title": title, "intro": paragraphs_html(intro), "punkte": blocks},
            )


def _section_blocks(sections):
    blocks = []
    for section in sections:
        blocks.append(("zwischenueberschrift", {"text": section["ueberschrift"], "level": "h2"}))
        blocks.append(("absatz", RichText(paragraphs_html(section["text"]))))
    return blocks


def load(data_dir=DEFAULT_DATA_DIR, *, demo=False):
    """Check the core's files, then run every seed step in one transaction; returns the Loader.

    demo adds what only serves trying the portal out (demo accounts, invented example meetings);
    each step that writes such material reads loader.demo.

    The steps are Wagtail hooks under SEED_STEPS, ordered by their `order`: the core's below, and each
    app's own (Glossar, Praxisbeispiele, Veranstaltungen, demo accounts) in its seeding module. A step
    reads and checks its own files first; an error rolls the whole run back.
    """
    data = read_seed(data_dir)
    with transaction.atomic():
        loader = Loader(data, data_dir, demo=demo)
        for step in hooks.get_hooks(SEED_STEPS):
            step(loader)
    return loader


def register_step(order):
    """Decorator for an app's seed step: step(loader), run at this position (core: 0-2 and 50-59)."""
    return hooks.register(SEED_STEPS, order=order)


@register_step(0)
def vocabularies(loader):
    loader.load_vocabularies()


@register_step(1)
def frame(loader):
    loader.load_frame()


@register_step(2)
def themenfelder(loader):
    loader.load_themenfelder()
    loader.totals += [
        ("Themenfelder", Themenfeld.objects.count()),
        ("Themenfeld-Seiten", ThemenfeldPage.objects.count()),
        ("Handlungsfelder", HandlungsfeldPage.objects.count()),
        ("Kommunen", Kommune.objects.count()),
        ("Organisationen", Organisation.objects.count()),
        ("Zielgruppen", Zielgruppe.objects.count()),
    ]


@register_step(50)
def strategie(loader):
    loader.load_strategie()


@register_step(51)
def seiten(loader):
    loader.load_seiten()
