"""`make bench`: build the benchmark databases, serve them like production, load them, write bench/RESULTS.md.

For each scale (1 and 100 unless --scales says otherwise) and each database (SQLite always,
PostgreSQL too when DATABASE_URL names one): build the database with `manage.py bench_data`
(kept in tmp/bench/ and reused; an interrupted build continues), start gunicorn with 2 workers
and production settings (bench/settings.py), measure the trivial view as the ceiling, then every
scenario with wrk at concurrency 8. Each anonymous page is measured twice: "kalt" (a unique query
parameter per request, so the page cache never answers and the page is built every time) and
"warm" (the same URL again and again, as visitors and crawlers do). SQL queries per request come
from bench/query_counts.py, worker memory from /proc.
"""

import argparse
import contextlib
import datetime
import hashlib
import http.client
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
TMP = ROOT / "tmp" / "bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = 8765
KONKURRENZ = 8

# (key, label, category); categories carry the budgets below.
SZENARIEN = [
    ("home", "Startseite", "anonym"),
    ("praxisbeispiele", "/praxisbeispiele/", "anonym"),
    ("praxisbeispiele_filter", "/praxisbeispiele/ mit zwei Filtern", "anonym"),
    ("praxisbeispiele_seite_50", "/praxisbeispiele/ Seite 50", "anonym"),
    ("praxisbeispiel", "ein Praxisbeispiel", "anonym"),
    ("umsetzung", "/umsetzung/", "anonym"),
    ("themenfeld", "eine Themenfeld-Seite", "anonym"),
    ("veranstaltungen", "/veranstaltungen/", "anonym"),
    ("suche", "/suche/ (10 Anfragen)", "anonym"),
    ("api_suche", "/api/suche/ (10 Anfragen)", "api"),
    ("suche_schlimmster_fall", "/suche/ teuerste zulässige Anfrage (12 Wörter à 40 Buchstaben)", "anonym"),
    ("kalender", "öffentlicher Kalender-Feed", "kalender"),
    ("mitglied_praxisbeispiele", "/praxisbeispiele/ (Mitglied einer Kommune)", "mitglied"),
    ("mitglied_praxisbeispiele_filter", "/praxisbeispiele/ mit zwei Filtern (Mitglied einer Kommune)", "mitglied"),
    ("mitglied_praxisbeispiel", "ein Praxisbeispiel (Mitglied einer Kommune)", "mitglied"),
    ("mitglied_themenfeld", "eine Themenfeld-Seite (Mitglied einer Kommune)", "mitglied"),
    ("mitglied_veranstaltungen", "/veranstaltungen/ (Mitglied einer Kommune)", "mitglied"),
    ("mitglied_diskussionen", "/diskussionen/ (Mitglied einer Kommune)", "mitglied"),
    ("faden_500", "Diskussion mit 500 Beiträgen (Mitglied einer Kommune)", "mitglied"),
    ("mitglied_konto", "/konto/ (Mitglied einer Kommune)", "mitglied"),
    ("antworten", "Antwort schreiben (Mitglied einer Kommune, POST)", "posten"),
]
# Shares of the ceiling for the served (warm) variant; "kalt" for the cold build of every anonymous page.
MINDESTANTEIL = {"anonym": 0.10, "api": 0.05, "kalender": 0.30, "mitglied": 0.25, "posten": 0.10, "kalt": 0.05}
WACHSTUM_MAX = 1.5
SPEICHER_WACHSTUM_MAX = 1.2


# -- environment --------------------------------------------------------------------------------------------------
def env_for(database_url):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": database_url,
            "PYTHONPATH": str(ROOT),
            "LOG_FORMAT": "text",
            # Each database its own page cache: cached pages and generations of one must never answer for another.
            "CACHE_DIR": str(cache_dir(database_url)),
        }
    )
    return env


def cache_dir(database_url):
    return TMP / "cache" / hashlib.sha256(database_url.encode()).hexdigest()[:16]


def manage(database_url, *args, quiet=False):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env_for(database_url),
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def database_urls(scale):
    """{label: url} for this scale: SQLite always, PostgreSQL when DATABASE_URL names one."""
    TMP.mkdir(parents=True, exist_ok=True)
    urls = {"SQLite": f"sqlite:///{TMP / f'scale-{scale:g}.sqlite3'}"}
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        parts = urllib.parse.urlsplit(base)
        name = f"{parts.path.lstrip('/')}_bench_{scale:g}".replace(".", "_")
        _create_pg_database(base, name)
        urls["PostgreSQL"] = urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    return urls


def _create_pg_database(base, name):
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def build(database_url, scale, db="SQLite"):
    """Build (or continue) the database; PostgreSQL gets a copy of the SQLite one when that is complete.

    Building scale 100 takes about 25 minutes; a copy through `sichern`/`wiederherstellen` takes
    minutes and gives both engines the very same content.
    """
    started = time.monotonic()
    manage(database_url, "migrate", "--noinput", "-v0")
    sqlite_url = database_urls(scale)["SQLite"]
    if db == "PostgreSQL" and (TMP / f"build-{scale:g}.done").exists() and _pg_is_empty(database_url):
        archive = TMP / f"sicherung-{scale:g}.tar.gz"
        sqlite_file = TMP / f"scale-{scale:g}.sqlite3"
        if not archive.exists() or archive.stat().st_mtime < sqlite_file.stat().st_mtime:
            # An older copy is replaced: sichern refuses to overwrite a file.
            archive.unlink(missing_ok=True)
            manage(sqlite_url, "sichern", "--ausgabe", str(archive))
        manage(database_url, "wiederherstellen", str(archive), "--ja")
    manage(database_url, "bench_data", "--scale", f"{scale:g}")
    if db == "SQLite":
        (TMP / f"build-{scale:g}.done").write_text(f"{datetime.datetime.now().isoformat()}\n")
    return time.monotonic() - started


def _pg_is_empty(database_url):
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM praxisbeispiele_praxisbeispielpage)").fetchone()[0]


def machine():
    cpu = "unbekannt"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    # The report itself does not count as a local change.
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", ".", ":(exclude)bench/RESULTS.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    versions = subprocess.run(
        [
            PYTHON,
            "-c",
            "import django, wagtail, gunicorn; print(django.get_version(), wagtail.__version__, gunicorn.__version__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return {
        "datum": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu,
        "kerne": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": versions[0],
        "wagtail": versions[1],
        "gunicorn": versions[2],
        "wrk": (wrk.stdout or wrk.stderr).split("[")[0].strip(),
        "commit": commit.stdout.strip() + (" (mit lokalen Änderungen)" if dirty else ""),
    }


# -- server -------------------------------------------------------------------------------------------------------
class Server:
    def __init__(self, database_url):
        self.database_url = database_url
        self.process = None

    def __enter__(self):
        shutil.rmtree(cache_dir(self.database_url), ignore_errors=True)
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "netzwerk_site.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env_for(self.database_url),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if request("GET", "/bench/trivial/")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn ist nicht rechtzeitig gestartet.")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def worker_rss_mib(self):
        workers = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout.split()
        sizes = []
        for pid in workers:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return sizes


def request(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    cookies = {}
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            cookies[key] = rest.split(";", 1)[0]
    conn.close()
    return response.status, data.decode("utf-8", "replace"), cookies, dict(response.getheaders())


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def login(username, password, thread_path):
    """Log in like a browser; returns (cookie header, CSRF form token from the thread page)."""
    status, html, cookies, _ = request("GET", "/konto/anmelden/")
    token = csrf_token(html)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    status, _, more, _ = request(
        "POST",
        "/konto/anmelden/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
        },
    )
    if status != 302 or "sessionid" not in more:
        raise RuntimeError(f"Anmeldung für den Benchmark fehlgeschlagen (Status {status}).")
    cookies.update(more)
    cookie = f"csrftoken={cookies['csrftoken']}; sessionid={cookies['sessionid']}"
    status, html, more, _ = request("GET", thread_path, headers={"Cookie": cookie})
    if "csrftoken" in more:
        cookies.update(more)
        cookie = f"csrftoken={cookies['csrftoken']}; sessionid={cookies['sessionid']}"
    return cookie, csrf_token(html)


def leerlauf_abwarten(limit_seconds=180):
    """Wait until the server has worked off requests wrk left open when its time was up.

    gunicorn's sync workers finish every queued request even after wrk has gone, so a page slower
    than the measuring time would otherwise slow down the next measurement.
    """
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        durations = []
        for _ in range(4):
            start = time.monotonic()
            with contextlib.suppress(TimeoutError):
                request("GET", "/bench/trivial/")
            durations.append(time.monotonic() - start)
        if max(durations) < 0.1:
            return
    raise RuntimeError(f"Der Server ist nach {limit_seconds} s noch mit liegengebliebenen Anfragen beschäftigt.")


def wrk(paths, seconds, kalt=False, headers=(), body=None):
    env = dict(os.environ)
    env["BENCH_PFADE"] = "|".join(paths)
    env["BENCH_KALT"] = "1" if kalt else "0"
    env["BENCH_HEADER"] = "|".join(headers)
    if body is not None:
        env["BENCH_BODY"] = body
    else:
        env.pop("BENCH_BODY", None)
    command = [
        "wrk",
        "-t2",
        f"-c{KONKURRENZ}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(BENCH / "wrk" / "szenario.lua"),
        f"http://127.0.0.1:{PORT}",
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    leerlauf_abwarten()
    errors = sum(result[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts", "status_errors"))
    if errors:
        raise RuntimeError(f"wrk meldet {errors} Fehler für {paths[0]}: {result}")
    return result


# -- one database at one scale ------------------------------------------------------------------------------------
def measure(database_url, seconds):
    info = json.loads(
        subprocess.run(
            [PYTHON, str(BENCH / "query_counts.py")],
            cwd=ROOT,
            env=env_for(database_url),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    urls, abfragen = info["urls"], info["abfragen"]
    messungen = {}
    with Server(database_url) as server:
        wrk(["/bench/trivial/"], 2)  # warm-up: workers import everything, connections open
        decke = [wrk(["/bench/trivial/"], seconds)]
        for key, _, kategorie in SZENARIEN:
            paths = urls[key]
            if kategorie in ("anonym", "api"):
                wrk(paths, 1, kalt=True)
                messungen[(key, "kalt")] = wrk(paths, seconds, kalt=True)
                wrk(paths, 1)
                messungen[(key, "warm")] = wrk(paths, seconds)
            elif key == "kalender":
                messungen[(key, "kalt")] = wrk(paths, seconds, kalt=True)
                wrk(paths, 1)
                messungen[(key, "warm")] = wrk(paths, seconds)
                _, _, _, headers = request("GET", paths[0])
                messungen[(key, "304")] = wrk(paths, seconds, headers=[f"If-None-Match: {headers['ETag']}"])
        cookie, token = login(info["benutzer"], info["passwort"], urls["faden_500"][0])
        member_headers = [f"Cookie: {cookie}"]
        for key, _, kategorie in SZENARIEN:
            if kategorie == "mitglied":
                paths = urls[key]
                wrk(paths, 1, kalt=True, headers=member_headers)
                messungen[(key, "kalt")] = wrk(paths, seconds, kalt=True, headers=member_headers)
                wrk(paths, 1, headers=member_headers)
                messungen[(key, "warm")] = wrk(paths, seconds, headers=member_headers)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "body": "Danke, das hilft uns weiter."})
        messungen[("antworten", "warm")] = wrk(urls["antworten"], seconds, headers=member_headers, body=body)
        decke.append(wrk(["/bench/trivial/"], seconds))
        rss = server.worker_rss_mib()
    ceiling = sum(d["rps"] for d in decke) / len(decke)
    return {
        "decke": ceiling,
        "decke_einzeln": [d["rps"] for d in decke],
        "messungen": messungen,
        "abfragen": abfragen,
        "rss_mib": rss,
    }


# -- report -------------------------------------------------------------------------------------------------------
def anteil(result, messung):
    return messung["rps"] / result["decke"]


def budget_checks(results, scales, db):
    """[(scenario label, what, figure, budget, ok)] for one database."""
    checks = []
    big = results[(db, max(scales))]
    for key, label, kategorie in SZENARIEN:
        for scale in scales:
            result = results[(db, scale)]
            messung = result["messungen"].get((key, "warm"))
            share = anteil(result, messung)
            checks.append(
                (
                    label,
                    f"Anteil an der Decke, Faktor {scale:g}",
                    share,
                    MINDESTANTEIL[kategorie],
                    share >= MINDESTANTEIL[kategorie],
                    key,
                )
            )
        if kategorie == "anonym":
            for scale in scales:
                result = results[(db, scale)]
                share = anteil(result, result["messungen"][(key, "kalt")])
                checks.append(
                    (
                        label,
                        f"Anteil an der Decke kalt, Faktor {scale:g}",
                        share,
                        MINDESTANTEIL["kalt"],
                        share >= MINDESTANTEIL["kalt"],
                        key,
                    )
                )
        if key == "kalender":
            for scale in scales:
                result = results[(db, scale)]
                faster = result["messungen"][(key, "304")]["rps"] / result["messungen"][(key, "warm")]["rps"]
                checks.append(
                    (label, f"304 gegenüber wiederholtem Abruf, Faktor {scale:g}", faster, 1.0, faster > 1.0, key)
                )
        if len(scales) > 1:
            small = results[(db, min(scales))]
            for variante in ("warm", "kalt"):
                if (key, variante) not in big["messungen"]:
                    continue
                big_share = anteil(big, big["messungen"][(key, variante)])
                # No request finished within the measurement: the growth is unbounded, not a division error.
                growth = anteil(small, small["messungen"][(key, variante)]) / big_share if big_share else float("inf")
                checks.append(
                    (
                        label,
                        f"Kostenwachstum {variante}, Faktor {min(scales):g} → {max(scales):g}",
                        growth,
                        WACHSTUM_MAX,
                        growth <= WACHSTUM_MAX,
                        key,
                    )
                )
    if len(scales) > 1:
        small, big = (max(results[(db, scale)]["rss_mib"]) for scale in (min(scales), max(scales)))
        growth = big / small
        checks.append(
            (
                "Speicher je Worker",
                f"Wachstum, Faktor {min(scales):g} → {max(scales):g}",
                growth,
                SPEICHER_WACHSTUM_MAX,
                growth <= SPEICHER_WACHSTUM_MAX,
                "speicher",
            )
        )
    return checks


def write_markdown(path, info, scales, dbs, results, build_seconds):
    erklaerungen = {}
    erklaerungen_file = BENCH / "erklaerungen.toml"
    if erklaerungen_file.exists():
        erklaerungen = tomllib.loads(erklaerungen_file.read_text())
    lines = [
        "# Benchmark-Ergebnisse",
        "",
        "Erzeugt von `make bench` (`bench/run.py`); nicht von Hand bearbeiten, außer `bench/erklaerungen.toml`.",
        "",
        f"- Datum: {info['datum']}",
        f"- Rechner: {info['cpu']}, {info['kerne']} Kerne, {info['ram_gib']} GiB RAM, {info['system']}",
        f"- Software: Python {info['python']}, Django {info['django']}, Wagtail {info['wagtail']}, "
        f"gunicorn {info['gunicorn']} (2 Worker, Produktions-Einstellungen, whitenoise), {info['wrk']}",
        f"- Commit: {info['commit']}",
        f"- Last: wrk mit {KONKURRENZ} gleichzeitigen Verbindungen auf demselben Rechner, "
        "je Messung gleich lange Laufzeit nach einer kurzen Aufwärmphase.",
        "- Decke: eine triviale Django-View (`/bench/trivial/`, alle Middlewares) auf demselben Server, "
        "gemessen vor und nach den Seiten; jede Seite wird als Anteil daran angegeben.",
        "- „kalt“: jede Anfrage mit neuem Query-Parameter, der Seitencache antwortet nie, die Seite wird jedes Mal "
        "gebaut. „warm“: dieselbe URL wiederholt, wie Besucher sie abrufen (anonyme Seiten aus dem Seitencache, "
        "der bei jeder Veröffentlichung verfällt; Seiten angemeldeter Mitglieder aus dem Cache ihrer Sichtbarkeitsklasse, "
        "wo es ihn gibt).",
        "- SQL-Abfragen je Anfrage: mit Djangos Test-Client gegen dieselbe Datenbank gezählt (kalt/warm).",
        "",
        "Inhalt je Faktor (`manage.py bench_data --scale N`): N × 100 Praxisbeispiele, N × 20 Veranstaltungen "
        "(davon N × 2 wiederkehrend mit Ausnahmen), N × 50 Diskussionen mit N × 500 Beiträgen, N × 10 Mitglieder, "
        "dazu eine Diskussion mit 500 Beiträgen und die Seed-Inhalte.",
        "",
    ]
    for db in dbs:
        for scale in scales:
            result = results[(db, scale)]
            built = build_seconds.get((db, scale))
            gemessen = (
                f"Gemessen {result['gemessen']} auf Commit {result['commit']}. " if result.get("gemessen") else ""
            )
            lines += [
                f"## {db}, Faktor {scale:g}",
                "",
                gemessen + f"Decke (triviale View): {result['decke']:.0f} Anfragen/s "
                f"(Einzelmessungen: {', '.join(f'{d:.0f}' for d in result['decke_einzeln'])}). "
                f"Speicher je Worker nach dem Lauf: {', '.join(f'{r:.0f} MiB' for r in result['rss_mib'])}."
                + (f" Aufbau der Datenbank in diesem Lauf: {built:.0f} s." if built is not None else ""),
                "",
                "| Seite | Variante | Anfragen/s | Anteil an der Decke | Median ms | p95 ms | SQL-Abfragen |",
                "|---|---|---:|---:|---:|---:|---:|",
            ]
            for key, label, _ in SZENARIEN:
                for variante in ("kalt", "warm", "304"):
                    messung = result["messungen"].get((key, variante))
                    if messung is None:
                        continue
                    queries = result["abfragen"].get(key, {})
                    sql = queries.get("warm" if variante == "304" else variante, "–")
                    if key == "antworten":
                        variante_text = "POST"
                    else:
                        variante_text = {"kalt": "kalt (erster Abruf)", "warm": "warm (wiederholt)", "304": "304"}[
                            variante
                        ]
                    lines.append(
                        f"| {label} | {variante_text} | {messung['rps']:.1f} | {anteil(result, messung):.1%} | "
                        f"{messung['p50_ms']:.1f} | {messung['p95_ms']:.1f} | {sql} |"
                    )
            lines.append("")
        checks = budget_checks(results, scales, db)
        misses = [c for c in checks if not c[4]]
        lines += [
            f"## Budgets ({db})",
            "",
            f"Anonyme HTML-Seiten ≥ {MINDESTANTEIL['anonym']:.0%} der Decke, Such-API ≥ {MINDESTANTEIL['api']:.0%}, "
            f"wiederholter Kalender-Feed ≥ {MINDESTANTEIL['kalender']:.0%} und 304 schneller als der wiederholte "
            f"Abruf, Seiten eines Mitglieds ≥ {MINDESTANTEIL['mitglied']:.0%}, Antworten ≥ "
            f"{MINDESTANTEIL['posten']:.0%}; die Budgets gelten für die ausgelieferte (warme) Variante, dazu jede "
            f"anonyme Seite kalt ≥ {MINDESTANTEIL['kalt']:.0%}. Speicher je Worker wächst von Faktor {min(scales):g} "
            f"zu {max(scales):g} höchstens um {SPEICHER_WACHSTUM_MAX}×. Kosten (Kehrwert des Anteils an der Decke) wachsen von Faktor {min(scales):g} zu "
            f"{max(scales):g} höchstens um {WACHSTUM_MAX}×; das Wachstum der kalten Variante steht zum Vergleich dabei.",
            "",
            "| Seite | Prüfung | Wert | Budget | erfüllt |",
            "|---|---|---:|---:|---|",
        ]
        for label, what, value, budget, ok, _ in checks:
            fmt = (lambda v: f"{v:.1%}") if "Anteil" in what else (lambda v: f"{v:.2f}×")
            lines.append(f"| {label} | {what} | {fmt(value)} | {fmt(budget)} | {'ja' if ok else '**nein**'} |")
        lines += ["", f"### Verfehlte Budgets ({db})", ""]
        if not misses:
            lines.append("Keine: alle Budgets sind erfüllt.")
        for label, what, value, budget, _, key in misses:
            fmt = (lambda v: f"{v:.1%}") if "Anteil" in what else (lambda v: f"{v:.2f}×")
            eintrag = erklaerungen.get(key, {})
            grund = eintrag.get(db, {}).get("warum") or eintrag.get("warum", "Noch nicht erklärt.")
            lines.append(f"- **{label}**, {what}: {fmt(value)} statt {fmt(budget)}. {grund}")
        lines.append("")
    path.write_text("\n".join(lines).rstrip() + "\n")


def load_results(scales, dbs=None):
    """Saved measurements from tmp/bench/ergebnis-<db>-<scale>.json, for the report."""
    results = {}
    for db in dbs or ("SQLite", "PostgreSQL"):
        for scale in scales:
            path = TMP / f"ergebnis-{db}-{scale:g}.json"
            if path.exists():
                data = json.loads(path.read_text())
                data["messungen"] = {tuple(k.split("/")): v for k, v in data["messungen"].items()}
                results[(db, scale)] = data
    return results


def complete_dbs(results, scales):
    return [db for db in ("SQLite", "PostgreSQL") if all((db, scale) in results for scale in scales)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,100", help="Faktoren, kommagetrennt (Standard 1,100).")
    parser.add_argument("--sekunden", type=int, default=8, help="Dauer jeder Messung in Sekunden.")
    parser.add_argument("--ausgabe", default=str(BENCH / "RESULTS.md"))
    parser.add_argument(
        "--datenbanken",
        default="",
        help="Nur diese Datenbanken messen (SQLite, PostgreSQL; kommagetrennt). Gespeicherte Messungen der "
        "anderen aus tmp/bench/ kommen mit in den Bericht.",
    )
    parser.add_argument(
        "--nur-bericht",
        action="store_true",
        help="Nicht messen, nur RESULTS.md aus tmp/bench/ergebnis-*.json schreiben.",
    )
    args = parser.parse_args()
    scales = [float(s) for s in args.scales.split(",")]
    wanted = [d.strip() for d in args.datenbanken.split(",") if d.strip()]
    info = machine()
    if args.nur_bericht:
        results = load_results(scales)
        info = json.loads((TMP / "maschine.json").read_text()) if (TMP / "maschine.json").exists() else info
        write_markdown(Path(args.ausgabe), info, scales, complete_dbs(results, scales), results, {})
        print(f"Ergebnisse in {args.ausgabe}")
        return
    (TMP / "maschine.json").write_text(json.dumps(info))
    manage(database_urls(scales[0])["SQLite"], "collectstatic", "--noinput", "-v0")
    results, build_seconds = load_results(scales), {}
    for scale in scales:
        for db, url in database_urls(scale).items():
            if wanted and db not in wanted:
                continue
            print(f"== {db}, Faktor {scale:g}: Datenbank aufbauen bzw. prüfen", flush=True)
            build_seconds[(db, scale)] = build(url, scale, db)
            print(f"== {db}, Faktor {scale:g}: messen", flush=True)
            results[(db, scale)] = {
                **measure(url, args.sekunden),
                "gemessen": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "commit": info["commit"],
            }
            (TMP / f"ergebnis-{db}-{scale:g}.json").write_text(
                json.dumps(
                    {
                        **results[(db, scale)],
                        "messungen": {f"{k}/{v}": m for (k, v), m in results[(db, scale)]["messungen"].items()},
                    },
                    indent=1,
                )
            )
    write_markdown(Path(args.ausgabe), info, scales, complete_dbs(results, scales), results, build_seconds)
    print(f"Ergebnisse in {args.ausgabe}")


if __name__ == "__main__":
    sys.exit(main())
