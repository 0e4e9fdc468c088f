import io
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bench import data
from betrieb import datenbank
from betrieb.progress import progress_bar
from praxisbeispiele.models import PraxisbeispielIndexPage


class Command(BaseCommand):
    help = (
        "Füllt die Datenbank reproduzierbar mit Benchmark-Inhalten in N-facher Größe des Netzwerks "
        "(Standard 100: 10.000 Praxisbeispiele, 2.000 Veranstaltungen, 5.000 Diskussionen mit 50.000 Beiträgen, "
        "1.000 Mitglieder). Legt fehlende Seed-Inhalte vorher an; ein abgebrochener Lauf setzt dort fort."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=100, help="Vielfaches der Größe des Netzwerks (Standard 100)."
        )
        parser.add_argument(
            "--nur",
            default=",".join(data.TEILE),
            help="Nur diese Teile, kommagetrennt (praxisbeispiele, veranstaltungen, diskussionen); Mitglieder immer. "
            "Jeder Teil zieht aus einem eigenen Zufallsgenerator, Teile lassen sich daher getrennt bauen.",
        )

    def handle(self, *args, scale, nur, **options):
        if scale <= 0:
            raise CommandError("Der Faktor --scale muss größer als 0 sein.")
        teile = [t.strip() for t in nur.split(",") if t.strip()]
        unbekannt = set(teile) - set(data.TEILE)
        if unbekannt:
            raise CommandError(f"Unbekannte Teile: {', '.join(sorted(unbekannt))}. Möglich: {', '.join(data.TEILE)}.")
        if not PraxisbeispielIndexPage.objects.exists():
            self.stdout.write("Seed-Inhalte fehlen, lade sie zuerst (seed_netzwerk) …")
            call_command("seed_netzwerk", stdout=io.StringIO())
        started = time.monotonic()
        progress = progress_bar(self.stdout, with_time=True)

        anzahl = data.build(scale, progress, teile)
        # Fresh statistics for the query planner, as the daily job keeps them in production.
        datenbank.statistik_aktualisieren()
        self.stdout.write(
            self.style.SUCCESS(
                f"Benchmark-Daten für Faktor {scale:g} in {time.monotonic() - started:.0f} s: "
                f"{anzahl.praxisbeispiele} Praxisbeispiele, {anzahl.veranstaltungen} Veranstaltungen "
                f"({anzahl.wiederkehrend} wiederkehrend), {anzahl.diskussionen} Diskussionen mit "
                f"{anzahl.beitraege} Beiträgen plus eine mit {data.LANGER_FADEN_BEITRAEGE}, "
                f"{anzahl.mitglieder} Mitglieder."
            )
        )
