"""Seed step of the Praxisbeispiele: the library page, the Förderarten, every example of praxisbeispiele.toml.

Runs inside the seed loader's transaction after the Themenfelder and Handlungsfelder
(netzwerk_site/seeding/loader.py); pages are found by slug and published through revisions.
"""

from wagtail.rich_text import RichText

from netzwerk_site.seeding.loader import register_step
from netzwerk_site.seeding.schema import FILES, SeedError, SeedFile, check_slugs
from netzwerk_site.seeding.text import paragraphs_html
from praxisbeispiele.choices import Foerderart, PraxisEbene
from praxisbeispiele.models import Foerderung, PraxisbeispielIndexPage, PraxisbeispielPage
from praxisbeispiele.submission import ensure_workflow

FILENAME = "praxisbeispiele.toml"
INDEX_INTRO = "<p>Beispiele guter Praxis aus den Kommunen und vom Land, wie sie im Auftaktdialog genannt wurden.</p>"


@register_step(20)
def load_praxisbeispiele(loader):
    entries = read_praxisbeispiele(loader.data_dir, loader.data)
    index = loader._page(
        PraxisbeispielIndexPage,
        loader.home,
        "praxisbeispiele",
        "Seite",
        {"title": "Praxisbeispiele", "show_in_menus": True, "intro": INDEX_INTRO},
    )
    foerderungen = {value: Foerderung.objects.get_or_create(slug=value)[0] for value in Foerderart.values}
    for entry in entries:
        values = {
            "title": entry["title"],
            "summary": " ".join(entry["summary"].split()),
            "body": [("absatz", RichText(paragraphs_html(p))) for p in entry["body"]],
            "traeger": loader.organisationen.get(entry.get("traeger", "")),
            "traeger_name": entry.get("traeger_name", ""),
            "ebene": entry["ebene"],
            "website": entry.get("website", ""),
            "alter_von": entry.get("alter_von"),
            "alter_bis": entry.get("alter_bis"),
        }
        m2m = {
            "themenfelder": {s: loader.themenfelder[s] for s in entry["themenfelder"]},
            "kommunen": {s: loader.kommunen[s] for s in entry.get("kommunen", [])},
            "zielgruppen": {s: loader.zielgruppen[s] for s in entry.get("zielgruppen", [])},
            "foerderungen": {s: foerderungen[s] for s in entry.get("foerderung", [])},
            "handlungsfelder": {s: loader.handlungsfelder[s] for s in entry["handlungsfelder"]},
            "kontaktstellen": {s: loader.organisationen[s] for s in entry.get("kontaktstellen", [])},
        }
        comparable = {**values, "body": entry["body"], "traeger": entry.get("traeger", "")}
        loader._page(PraxisbeispielPage, index, entry["slug"], "Praxisbeispiel", values, m2m, comparable)
    ensure_workflow()
    loader.totals.append(("Praxisbeispiele", PraxisbeispielPage.objects.count()))


def read_praxisbeispiele(data_dir, core):
    """The checked entries of praxisbeispiele.toml, cross-checked against the core's seed data."""
    file = SeedFile(data_dir, FILENAME)
    entries = file.entries("praxisbeispiel")
    check_slugs(file, entries)
    known = {
        "themenfelder": ({e["slug"] for e in core.themenfelder}, FILES["themenfeld"]),
        "handlungsfelder": ({e["slug"] for e in core.handlungsfelder}, FILES["handlungsfeld"]),
        "kommunen": ({e["slug"] for e in core.kommunen}, FILES["kommune"]),
        "zielgruppen": ({e["slug"] for e in core.zielgruppen}, FILES["zielgruppe"]),
        "foerderung": (set(Foerderart.values), "der Liste der Förderarten"),
        "kontaktstellen": ({e["slug"] for e in core.organisationen}, FILES["organisation"]),
    }
    organisation_slugs = known["kontaktstellen"][0]
    file.unique_titles(entries)
    for entry in entries:
        file.text(entry, "summary", max_length=600)
        body = entry.get("body")
        if not isinstance(body, list) or not body or not all(isinstance(p, str) and p.strip() for p in body):
            raise SeedError(file.filename, "„body“ muss eine Liste nicht leerer Absätze sein.", entry["slug"])
        for key, (slugs, target) in known.items():
            file.refs(entry, key, slugs, target, required=key in ("themenfelder", "handlungsfelder"))
        traeger = entry.get("traeger", "")
        if traeger and traeger not in organisation_slugs:
            raise SeedError(
                file.filename, f"Den Träger „{traeger}“ gibt es nicht in {FILES['organisation']}.", entry["slug"]
            )
        file.text(entry, "traeger_name", required=False, max_length=200)
        file.choice(entry, "ebene", PraxisEbene)
        file.text(entry, "website", required=False)
        alter_von, alter_bis = file.integer(entry, "alter_von"), file.integer(entry, "alter_bis")
        if alter_von is not None and alter_bis is not None and alter_von > alter_bis:
            raise SeedError(file.filename, "„alter_von“ ist größer als „alter_bis“.", entry["slug"])
    return entries
