from django.core.management.base import BaseCommand

from search import index

BAR = 30


class Command(BaseCommand):
    help = "Baut den Suchindex aus allen veröffentlichten Inhalten neu auf."

    def handle(self, *args, **options):
        shown = set()

        def progress(done, total):
            filled = BAR * done // total if total else BAR
            if filled in shown and done != total:
                return
            shown.add(filled)
            self.stdout.write(f"\r[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}", ending="")
            self.stdout.flush()

        count = index.rebuild(progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Suchindex neu aufgebaut: {count} Dokumente."))
