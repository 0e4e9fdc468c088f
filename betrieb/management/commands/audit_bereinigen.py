from django.conf import settings
from django.core.management.base import BaseCommand

from betrieb.audit import delete_expired


class Command(BaseCommand):
    help = "Löscht Audit-Einträge, die älter als AUDIT_AUFBEWAHRUNG_TAGE sind (einmal täglich per cron)."

    def handle(self, *args, **options):
        tage = settings.AUDIT_AUFBEWAHRUNG_TAGE
        geloescht = delete_expired(tage)
        self.stdout.write(f"{geloescht} Audit-Einträge gelöscht, die älter als {tage} Tage waren.")
