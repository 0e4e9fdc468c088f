from django.core.management.base import BaseCommand

from netzwerk_site import fortschritt
from search import index


class Command(BaseCommand):
    help = "Baut den Suchindex aus allen veröffentlichten Inhalten neu auf."

    def handle(self, *args, **options):
        balken = fortschritt.balken(self.stdout)
        count = index.rebuild(lambda done, total: balken("", done, total))
        self.stdout.write(self.style.SUCCESS(f"Suchindex neu aufgebaut: {count} Dokumente."))
