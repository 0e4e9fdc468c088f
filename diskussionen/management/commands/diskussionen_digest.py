from django.core.management.base import BaseCommand

from diskussionen.notifications import send_digests


class Command(BaseCommand):
    help = "Sendet die tägliche Zusammenfassung an Mitglieder, die sie gewählt haben (einmal täglich per cron)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} Zusammenfassungen versendet.")
