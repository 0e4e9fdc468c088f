from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from netzwerk_site.seeding.loader import load
from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR, SeedError


class Command(BaseCommand):
    help = "Lädt Themenfelder, Handlungsfelder, Praxisbeispiele, Veranstaltungen und Vokabulare aus den Seed-Dateien."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="Ordner mit den TOML-Dateien.")
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Zusätzlich Demo-Konten und erfundene Beispieltermine anlegen; nie auf einem öffentlichen Server.",
        )

    def handle(self, *args, data_dir, demo, **options):
        try:
            loader = load(data_dir, demo=demo)
        except SeedError as error:
            raise CommandError(f"Nichts wurde geschrieben. {error}") from error
        for label, count in sorted(loader.stats.items()):
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS("Bestand: " + ", ".join(f"{label} {n}" for label, n in loader.totals)))
