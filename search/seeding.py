"""Seed step of the search: the Glossar of the Kooperationsstrategie's abbreviations (glossar.toml)."""

from netzwerk_site.seeding.loader import register_step
from netzwerk_site.seeding.schema import SeedError, SeedFile
from search.models import Begriff

FILENAME = "glossar.toml"


@register_step(5)
def load_glossar(loader):
    """One Begriff per abkuerzung; an entry Redaktion has edited since is kept."""
    for entry in read_glossar(loader.data_dir):
        values = {"langform": entry["langform"], "synonyme": "\n".join(entry.get("synonyme", []))}
        loader._vocabulary(Begriff, "Begriff", entry["abkuerzung"], values, key_field="abkuerzung")


def read_glossar(data_dir):
    """The checked entries of glossar.toml."""
    file = SeedFile(data_dir, FILENAME)
    entries = file.entries("begriff")
    for entry in entries:
        file.text(entry, "abkuerzung", max_length=30)
        file.text(entry, "langform", max_length=300)
        synonyme = entry.get("synonyme", [])
        if not isinstance(synonyme, list) or not all(isinstance(s, str) for s in synonyme):
            raise SeedError(file.filename, "„synonyme“ muss eine Liste von Texten sein.", entry["abkuerzung"])
    return entries
