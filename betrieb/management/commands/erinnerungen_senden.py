"""Sends every reminder due today; run it daily (compose.yaml, service `scheduler`). Running it twice sends
nothing twice: each app's reminder function (netzwerk_site/erinnerungen.py) records what it sent. Then it
refreshes the database's query statistics (betrieb.datenbank), the portal's one daily job."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from betrieb import datenbank
from netzwerk_site import erinnerungen


class Command(BaseCommand):
    help = "Sendet die heute fälligen Erinnerungen (Fristen von Fragen an das Land und andere); mehrfach ausführbar."

    def handle(self, *args, **options):
        today = timezone.localdate()
        for function in erinnerungen.registered():
            sent = function(today)
            count = sent if isinstance(sent, int) else len(sent)
            self.stdout.write(f"{function.__module__}.{function.__name__}: {count}")
        datenbank.statistik_aktualisieren()
        self.stdout.write("Statistiken der Datenbank aktualisiert.")
