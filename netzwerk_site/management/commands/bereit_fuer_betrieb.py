from django.core.management.base import BaseCommand, CommandError

from netzwerk_site import golive


class Command(BaseCommand):
    help = (
        "Listet, was den öffentlichen Betrieb noch blockiert: Platzhalter, Demo-Konten, Beispieladressen "
        "und erfundene Beispieltermine. Endet mit Fehler, solange etwas offen ist."
    )

    def handle(self, *args, **options):
        lines = golive.blockers()
        if not lines:
            self.stdout.write(self.style.SUCCESS("Nichts blockiert den Betrieb."))
            return
        for line in lines:
            self.stdout.write(f"- {line}")
        count = "Ein Punkt blockiert" if len(lines) == 1 else f"{len(lines)} Punkte blockieren"
        raise CommandError(
            f"{count} den Betrieb. Erledigen Sie die genannten Schritte und rufen Sie den Befehl erneut auf."
        )
