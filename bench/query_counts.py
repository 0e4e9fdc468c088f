"""Called by bench/run.py for one benchmark database: the URLs to load and SQL queries per request.

Prints one JSON object. Queries are counted in-process with Django's test client against the same
database and settings the server uses: "kalt" with a fresh URL (page cache missed), "warm" for a
repeated request (served from the page cache where a page can be cached).
"""

import json
import os
import sys
import tomllib
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.data import BENCH_PASSWORT, LANGER_FADEN_TITEL  # noqa: E402
from diskussionen.models import Diskussion  # noqa: E402
from konto.models import User  # noqa: E402
from netzwerk_site.models import ThemenfeldPage, Zielgruppe  # noqa: E402
from praxisbeispiele.models import PraxisbeispielPage  # noqa: E402

SUCHANFRAGEN = 10


def suchanfragen():
    """The first ten queries of the relevance set: typical German office searches."""
    data = tomllib.loads((Path(__file__).resolve().parent.parent / "search" / "relevance.toml").read_text())
    return [entry["text"] for entry in data["anfrage"][:SUCHANFRAGEN]]


def schlimmste_anfrage():
    """The costliest query the search accepts: 500 characters of 40-letter words no dictionary knows.

    Every word is decompounded (its 700 substrings looked up) until the cap on candidates per query;
    a longer word would be refused with a notice and cost nothing.
    """
    letters = "abcdefghiklmnoprstuvw"
    words = ["".join(letters[(i * 7 + j * j) % len(letters)] for j in range(40)) for i in range(12)]
    return " ".join(words)[:500]


def urls():
    themenfeld_page = ThemenfeldPage.objects.live().order_by("path").first()
    themenfeld = themenfeld_page.themenfeld
    zielgruppe = Zielgruppe.objects.order_by("pk").first()
    beispiel = (
        PraxisbeispielPage.objects.live().filter(slug="bench-pb-00042").first()
        or PraxisbeispielPage.objects.live().order_by("path").first()
    )
    faden = Diskussion.objects.get(title=LANGER_FADEN_TITEL)
    antwort_faden = Diskussion.objects.filter(title__startswith="Benchmark 1:").first()
    from urllib.parse import quote

    queries = suchanfragen()
    filter_url = f"/praxisbeispiele/?themenfeld={themenfeld.slug}&zielgruppe={zielgruppe.slug}"
    return {
        "home": ["/"],
        "praxisbeispiele": ["/praxisbeispiele/"],
        "praxisbeispiele_filter": [filter_url],
        "praxisbeispiele_seite_50": ["/praxisbeispiele/?seite=50"],
        "praxisbeispiel": [beispiel.url],
        "umsetzung": ["/umsetzung/"],
        "themenfeld": [themenfeld_page.url],
        "veranstaltungen": ["/veranstaltungen/"],
        "suche": [f"/suche/?q={quote(q)}" for q in queries],
        "api_suche": [f"/api/suche/?q={quote(q)}" for q in queries],
        "suche_schlimmster_fall": [f"/suche/?q={quote(schlimmste_anfrage())}"],
        "kalender": ["/veranstaltungen/kalender.ics"],
        "faden_500": [faden.get_absolute_url()],
        "antworten": [f"{antwort_faden.get_absolute_url()}antworten/"],
        "mitglied_praxisbeispiele": ["/praxisbeispiele/"],
        "mitglied_praxisbeispiele_filter": [filter_url],
        "mitglied_praxisbeispiel": [beispiel.url],
        "mitglied_themenfeld": [themenfeld_page.url],
        "mitglied_veranstaltungen": ["/veranstaltungen/"],
        "mitglied_diskussionen": ["/diskussionen/"],
        "mitglied_konto": ["/konto/"],
    }


def kalt_und_warm(client, path):
    """Queries of a fresh URL (page cache missed) and of the same URL asked for the second time."""
    sep = "&" if "?" in path else "?"
    kalt = count(client, f"{path}{sep}_bench=abfragen")
    count(client, path)
    return {"kalt": kalt, "warm": count(client, path)}


def count(client, path, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    assert response.status_code in (200, 304), (path, response.status_code)
    return len(queries)


def main():
    found = urls()
    anonymous = Client()
    member = Client()
    user = User.objects.get(username="bench00000")
    member.force_login(user)
    abfragen = {}
    for name, paths in found.items():
        path = paths[0]
        if name == "faden_500" or name.startswith("mitglied_"):
            abfragen[name] = kalt_und_warm(member, path)
        elif name == "antworten":
            with CaptureQueriesContext(connection) as queries:
                response = member.post(path, {"body": "Danke, das hilft uns weiter."})
            assert response.status_code == 302, response.status_code
            abfragen[name] = {"kalt": len(queries), "warm": len(queries)}
        else:
            abfragen[name] = kalt_und_warm(anonymous, path)
    print(
        json.dumps(
            {"urls": found, "abfragen": abfragen, "benutzer": user.username, "passwort": BENCH_PASSWORT},
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
