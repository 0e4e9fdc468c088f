"""Where a benchmark page spends its time: `make bench-profil` (or `python bench/profil.py` with DATABASE_URL).

For each page of bench/query_counts.urls() and its variant (anonymous pages cold, as `make bench` measures them
cold; the member's pages and the thread from the cache), in-process with Django's test client against the
benchmark database and settings:

- the median time of one request without a profiler, and within it the time spent in SQL (measured around each
  execute) and in rendering templates (around the outermost Template.render);
- the own time under cProfile summed by area (templates, ORM, the database driver, Wagtail, the portal's apps),
  which names the cause of what remains.

The figures are for one process without load; `make bench` measures throughput under load. Their ratio is what
bench/erklaerungen.toml cites as the measured cause of a missed budget.
"""

import argparse
import contextlib
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.template.backends import django as django_backend  # noqa: E402
from django.test import Client  # noqa: E402

from bench.query_counts import urls  # noqa: E402
from konto.models import User  # noqa: E402

MITGLIED = ("mitglied_", "faden_500")
NICHT_PROFILIERT = ("antworten", "kalender", "api_suche")


class Uhr:
    """Seconds spent in SQL and in template rendering during one request."""

    def __init__(self):
        self.sql = 0.0
        self.abfragen = 0
        self.vorlagen = 0.0
        self._tiefe = 0

    def execute(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql += time.perf_counter() - start
            self.abfragen += 1

    @contextlib.contextmanager
    def vorlage(self):
        self._tiefe += 1
        start = time.perf_counter()
        try:
            yield
        finally:
            self._tiefe -= 1
            if self._tiefe == 0:
                self.vorlagen += time.perf_counter() - start


def _gemessen(uhr):
    original = django_backend.Template.render

    def render(self, *args, **kwargs):
        with uhr.vorlage():
            return original(self, *args, **kwargs)

    django_backend.Template.render = render
    return original


def messen(client, pfad, kalt, anzahl):
    """(median ms, median SQL ms, queries, median template ms) over `anzahl` requests."""
    sep = "&" if "?" in pfad else "?"
    zeiten, sql, vorlagen, abfragen = [], [], [], 0
    for i in range(anzahl + 2):
        url = f"{pfad}{sep}_bench=profil{i}" if kalt else pfad
        uhr = Uhr()
        original = _gemessen(uhr)
        try:
            with connection.execute_wrapper(uhr.execute):
                start = time.perf_counter()
                response = client.get(url)
                dauer = time.perf_counter() - start
        finally:
            django_backend.Template.render = original
        assert response.status_code == 200, (url, response.status_code)
        if i >= 2:  # the first two warm the caches of the process (and, warm, the page cache)
            zeiten.append(dauer * 1000)
            sql.append(uhr.sql * 1000)
            vorlagen.append(uhr.vorlagen * 1000)
            abfragen = uhr.abfragen
    return statistics.median(zeiten), statistics.median(sql), abfragen, statistics.median(vorlagen)


BEREICHE = (
    ("django/template", "Vorlagen"),
    ("django/templatetags", "Vorlagen"),
    ("django/forms", "Formulare"),
    ("django/db", "ORM"),
    ("sqlite3", "SQLite"),
    ("psycopg", "PostgreSQL-Treiber"),
    ("django/utils/translation", "Übersetzung"),
    ("django/urls", "URLs"),
    ("wagtail/", "Wagtail"),
    ("modelcluster/", "modelcluster"),
    ("treebeard/", "treebeard"),
    ("django/core/cache", "Cache"),
    ("pickle", "Cache"),
    ("zlib", "Cache"),
    ("django/", "Django sonst"),
)


def bereich(func):
    """The area a function belongs to: a library part, or the portal's app by its directory."""
    datei, _zeile, name = func
    text = f"{datei} {name}"
    for muster, bereich_name in BEREICHE:
        if muster in text:
            return bereich_name
    if "/work/" in datei and "site-packages" not in datei:
        return f"Portal: {datei.split('/')[-2]}"
    return "Python und Sonstiges"


def spitzen(client, pfad, kalt, anzahl, zeilen):
    """The areas with the most own time under cProfile, as 'area share'."""
    sep = "&" if "?" in pfad else "?"
    profil = cProfile.Profile()
    profil.enable()
    for i in range(anzahl):
        client.get(f"{pfad}{sep}_bench=spitze{i}" if kalt else pfad)
    profil.disable()
    anteile = {}
    for func, werte in pstats.Stats(profil).stats.items():
        anteile[bereich(func)] = anteile.get(bereich(func), 0) + werte[2]
    gesamt = sum(anteile.values())
    oben = sorted(anteile.items(), key=lambda item: item[1], reverse=True)[:zeilen]
    return [f"{name} {zeit / gesamt:.0%}" for name, zeit in oben]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seiten", default="", help="Nur diese Seiten (Namen aus bench/query_counts.py), kommagetrennt."
    )
    parser.add_argument("--anzahl", type=int, default=30, help="Anfragen je Messung (Standard 30).")
    parser.add_argument("--zeilen", type=int, default=6, help="Funktionen je Seite (Standard 6).")
    args = parser.parse_args()
    gefunden = urls()
    gewaehlt = [s for s in args.seiten.split(",") if s] or [n for n in gefunden if n not in NICHT_PROFILIERT]
    anonym, mitglied = Client(), Client()
    mitglied.force_login(User.objects.get(username="bench00000"))
    print(
        "| Seite | Variante | ms je Anfrage | davon SQL ms (Abfragen) | davon Vorlagen ms | Eigenzeit im Profil nach Bereich |"
    )
    print("|---|---|---:|---:|---:|---|")
    for name in gewaehlt:
        pfad = gefunden[name][0]
        ist_mitglied = name.startswith(MITGLIED)
        client, kalt = (mitglied, False) if ist_mitglied else (anonym, True)
        ms, sql, abfragen, vorlagen = messen(client, pfad, kalt, args.anzahl)
        oben = spitzen(client, pfad, kalt, args.anzahl, args.zeilen)
        variante = "warm (Mitglied)" if ist_mitglied else "kalt"
        print(f"| {name} | {variante} | {ms:.1f} | {sql:.1f} ({abfragen}) | {vorlagen:.1f} | {'; '.join(oben)} |")


if __name__ == "__main__":
    main()
