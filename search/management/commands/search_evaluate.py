from django.core.management.base import BaseCommand

from search.engines import configured_engine
from search.relevance import CUTOFF, RANK_DEPTH, TESTSETS, by_kind, evaluate, kennzahlen


class Command(BaseCommand):
    help = (
        "Misst recall@5, MRR und nDCG@10 der konfigurierten Suchmaschine mit dem getunten und dem "
        "ungetunten Relevanz-Testset."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--set",
            dest="testset_name",
            choices=[*TESTSETS, "beide"],
            default="beide",
            help="Welches Testset gemessen wird: getuned, ungetuned oder beide (Voreinstellung).",
        )
        parser.add_argument("--testset", default="", help="Eigene TOML-Datei mit Anfragen und erwarteten Seiten.")
        parser.add_argument("--details", action="store_true", help="Jede Anfrage mit ihren ersten Treffern zeigen.")

    def handle(self, *args, testset_name, testset, details, **options):
        engine = configured_engine()
        if testset:
            sets = {"eigenes": testset}
        elif testset_name == "beide":
            sets = TESTSETS
        else:
            sets = {testset_name: TESTSETS[testset_name]}
        lines = []
        for name, path in sets.items():
            bewertungen = evaluate(path, engine)
            if details:
                for b in bewertungen:
                    marker = "ok " if b.recall == 1 else "-- "
                    self.stdout.write(
                        f"{marker}{b.text:<40} recall@{CUTOFF} {b.recall:.2f}  RR {b.reciprocal_rank:.2f}  "
                        f"nDCG {b.ndcg:.2f}  [{b.art}] erste: {', '.join(b.gefunden[:5])}"
                    )
                for art, zahlen in by_kind(bewertungen).items():
                    self.stdout.write(f"   {art:<12} {_figures(zahlen)}")
            zahlen = kennzahlen(bewertungen)
            lines.append(f"Testset {name}, Suchmaschine {engine.name}, {zahlen.anzahl} Anfragen: {_figures(zahlen)}")
        for line in lines:
            self.stdout.write(self.style.SUCCESS(line))


def _figures(zahlen):
    return f"recall@{CUTOFF} {zahlen.recall:.3f}, MRR {zahlen.mrr:.3f}, nDCG@{RANK_DEPTH} {zahlen.ndcg:.3f}"
