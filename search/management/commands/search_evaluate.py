from django.core.management.base import BaseCommand

from search.engines import configured_engine
from search.relevance import CUTOFF, TESTSET, evaluate, summary


class Command(BaseCommand):
    help = "Misst recall@5 und MRR der konfigurierten Suchmaschine mit dem Relevanz-Testset."

    def add_arguments(self, parser):
        parser.add_argument("--testset", default=str(TESTSET), help="TOML-Datei mit Anfragen und erwarteten Seiten.")

    def handle(self, *args, testset, **options):
        engine = configured_engine()
        bewertungen = evaluate(testset, engine)
        for b in bewertungen:
            marker = "ok " if b.recall == 1 else "-- "
            self.stdout.write(
                f"{marker}{b.text:<40} recall@{CUTOFF} {b.recall:.2f}  RR {b.reciprocal_rank:.2f}  "
                f"[{b.art}] erste: {', '.join(b.gefunden[:3])}"
            )
        recall, mrr = summary(bewertungen)
        self.stdout.write(
            self.style.SUCCESS(
                f"Suchmaschine {engine.name}, {len(bewertungen)} Anfragen: recall@{CUTOFF} {recall:.3f}, MRR {mrr:.3f}"
            )
        )
