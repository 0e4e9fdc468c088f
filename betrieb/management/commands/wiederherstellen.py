import sys
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from betrieb import restore
from betrieb.backup import SicherungFehler, anzahl, zahl
from betrieb.progress import progress_bar

VENDORS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class Command(BaseCommand):
    help = (
        "Stellt Datenbank und Mediendateien aus einer Sicherung von „manage.py sichern“ wieder her, "
        "in eine leere, migrierte Datenbank (siehe docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("pfad", help="Die Sicherungsdatei (sicherung-….tar.gz).")
        parser.add_argument(
            "--ueberschreiben",
            action="store_true",
            help="Löscht alle vorhandenen Inhalte der Datenbank und ersetzt gleichnamige Mediendateien.",
        )
        parser.add_argument("--ja", action="store_true", help="Fragt nicht nach, bevor die Datenbank ersetzt wird.")

    def handle(self, *args, **options):
        if not options["ja"] and not sys.stdin.isatty():
            raise CommandError(
                "Ohne Terminal kann niemand bestätigen. Geben Sie --ja an, um ohne Rückfrage fortzufahren."
            )
        verbose = options["verbosity"] > 0
        try:
            if verbose:
                self.stdout.write(describe(restore.read_manifest(options["pfad"])))
            result = restore.restore(
                options["pfad"],
                ueberschreiben=options["ueberschreiben"],
                confirm=None if options["ja"] else confirm,
                progress=progress_bar(self.stdout) if verbose else None,
                log=self.stdout if verbose else None,
            )
        except SicherungFehler as error:
            raise CommandError(str(error)) from error
        if verbose:
            for label, count in sorted(result.counts.items()):
                if count:
                    self.stdout.write(f"  {label}: {zahl(count)}")
        self.warn(result)
        self.stdout.write(self.style.SUCCESS(summary(result)))
        self.stdout.write(
            "Starten Sie die Anwendung neu, damit kein Prozess noch Seiten aus seinem Zwischenspeicher ausliefert."
        )

    def warn(self, result):
        if result.missing_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"Die Sicherung ist älter als der Code; ihr fehlen "
                    f"{anzahl(len(result.missing_migrations), 'Migration', 'Migrationen')}, "
                    f"zum Beispiel {'.'.join(result.missing_migrations[0])}. Ihre Daten stehen im aktuellen Schema, "
                    f"Datenmigrationen dazwischen liefen aber nicht. Prüfen Sie die Inhalte."
                )
            )
        if result.untouched_files:
            self.stdout.write(
                self.style.WARNING(
                    f"Nicht aus der Sicherung und unverändert im Medienverzeichnis: "
                    f"{anzahl(result.untouched_files, 'Datei', 'Dateien')}. Löschen Sie sie, wenn niemand sie braucht."
                )
            )


def describe(manifest):
    created = timezone.localtime(datetime.fromisoformat(manifest["created_at"]))
    vendor = VENDORS.get(manifest["database_vendor"], manifest["database_vendor"])
    return (
        f"Sicherung vom {created:%d.%m.%Y %H:%M} Uhr aus {vendor} "
        f"(Django {manifest['django']}, Wagtail {manifest['wagtail']}): "
        f"{anzahl(sum(manifest['counts'].values()), 'Datensatz', 'Datensätze')}, "
        f"{anzahl(len(manifest['media']) + len(manifest.get('private', {})), 'Mediendatei', 'Mediendateien')}."
    )


def confirm(manifest):
    answer = input(
        f"Alle Inhalte der Datenbank {connection.settings_dict['NAME']} werden durch die Sicherung ersetzt. "
        f"Geben Sie „ja“ ein, um fortzufahren: "
    )
    return answer.strip().lower() == "ja"


def summary(result):
    records = sum(result.counts.values())
    tables = sum(1 for count in result.counts.values() if count)
    return (
        f"Wiederherstellung abgeschlossen: {anzahl(records, 'Datensatz', 'Datensätze')} in "
        f"{anzahl(tables, 'Tabelle', 'Tabellen')}, "
        f"{anzahl(len(result.manifest['media']) + len(result.manifest.get('private', {})), 'Mediendatei', 'Mediendateien')}, "
        f"{anzahl(result.suchdokumente, 'Suchdokument', 'Suchdokumente')}."
    )
