"""manage.py termine_berechnen: store the occurrences of every Veranstaltung again."""

from django.core.management.base import BaseCommand

from veranstaltungen import occurrences


class Command(BaseCommand):
    help = (
        "Berechnet die gespeicherten Termine aller Veranstaltungen neu. Das geschieht sonst bei jeder "
        "Änderung von selbst; nötig ist es nur nach Änderungen an der Datenbank am Portal vorbei."
    )

    def handle(self, *args, **options):
        count = occurrences.alle_aktualisieren()
        self.stdout.write(self.style.SUCCESS(f"Termine von {count} Veranstaltungen berechnet."))
