from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from betrieb import backup
from betrieb.backup import anzahl
from betrieb.progress import progress_bar


class Command(BaseCommand):
    help = (
        "Sichert Datenbank und Mediendateien in eine .tar.gz-Datei, die sich in SQLite wie in PostgreSQL "
        "wiederherstellen lässt (siehe docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ausgabe",
            help="Verzeichnis oder Dateiname der Sicherung. Ohne Angabe: das Verzeichnis „sicherungen“ im Projekt.",
        )

    def handle(self, *args, **options):
        progress = progress_bar(self.stdout) if options["verbosity"] > 0 else None
        try:
            result = backup.create_backup(options["ausgabe"], progress)
        except backup.SicherungFehler as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        records = sum(manifest["counts"].values())
        tables = sum(1 for count in manifest["counts"].values() if count)
        media_size = sum(entry["size"] for entry in manifest["media"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Sicherung gespeichert: {result.path} ({filesizeformat(result.path.stat().st_size)}). "
                f"Sie enthält {anzahl(records, 'Datensatz', 'Datensätze')} aus {anzahl(tables, 'Tabelle', 'Tabellen')} "
                f"und {anzahl(len(manifest['media']), 'Mediendatei', 'Mediendateien')} ({filesizeformat(media_size)})."
            )
        )
        self.stdout.write(
            "Die Datei enthält personenbezogene Daten. Bewahren Sie sie verschlüsselt und nur für Berechtigte "
            "zugänglich auf (docs/operations.md)."
        )
