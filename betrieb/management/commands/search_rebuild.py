from django.core.management.base import BaseCommand

from betrieb.progress import progress_bar
from search import index


class Command(BaseCommand):
    help = "Baut den Suchindex aus allen veröffentlichten Inhalten neu auf."

    def handle(self, *args, **options):
        bar = progress_bar(self.stdout)
        count = index.rebuild(lambda done, total: bar("", done, total))
        self.stdout.write(self.style.SUCCESS(f"Suchindex neu aufgebaut: {count} Dokumente."))
