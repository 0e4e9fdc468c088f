from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from netzwerk_site.models import HandlungsfeldPage, Kommune, Organisation, Themenfeld, ThemenfeldPage, Zielgruppe
from netzwerk_site.seeding.accounts import ensure_demo_accounts
from netzwerk_site.seeding.loader import load
from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR, SeedError
from praxisbeispiele.models import PraxisbeispielPage


class Command(BaseCommand):
    help = "Lädt Themenfelder, Handlungsfelder, Praxisbeispiele und Vokabulare aus den Seed-Dateien."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="Ordner mit den TOML-Dateien.")
        parser.add_argument("--no-demo-accounts", action="store_true", help="Keine Demo-Konten anlegen.")

    def handle(self, *args, data_dir, no_demo_accounts, **options):
        try:
            with transaction.atomic():
                stats = load(data_dir)
                accounts = 0 if no_demo_accounts else ensure_demo_accounts()
        except SeedError as error:
            raise CommandError(f"Nichts wurde geschrieben. {error}") from error
        for label, count in sorted(stats.items()):
            self.stdout.write(f"  {label}: {count}")
        totals = [
            ("Themenfelder", Themenfeld.objects.count()),
            ("Themenfeld-Seiten", ThemenfeldPage.objects.count()),
            ("Handlungsfelder", HandlungsfeldPage.objects.count()),
            ("Praxisbeispiele", PraxisbeispielPage.objects.count()),
            ("Kommunen", Kommune.objects.count()),
            ("Organisationen", Organisation.objects.count()),
            ("Zielgruppen", Zielgruppe.objects.count()),
            ("neue Demo-Konten", accounts),
        ]
        self.stdout.write(self.style.SUCCESS("Bestand: " + ", ".join(f"{label} {n}" for label, n in totals)))
