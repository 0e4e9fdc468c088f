import io
import re

from django.core.management import call_command

import pytest

from search.relevance import evaluate, read_testset, summary

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_testset_covers_every_kind_of_query_with_at_least_thirty_queries():
    entries = read_testset()

    assert len(entries) >= 30
    assert {e["art"].split(" ")[0] for e in entries} == {
        "Kompositum",
        "Flexion",
        "Umlaut",
        "Abkürzung",
        "Tippfehler",
        "Ort",
    }


def test_embedded_engine_reaches_the_relevance_targets_on_the_seeded_content(seeded_module):
    bewertungen = evaluate()

    recall, mrr = summary(bewertungen)

    assert [b.text for b in bewertungen if b.recall < 1] == []
    assert (recall >= 0.9, mrr >= 0.8) == (True, True)


def test_search_evaluate_prints_recall_mrr_and_ndcg_of_both_sets(seeded_module):
    output = io.StringIO()

    call_command("search_evaluate", stdout=output)

    # The figures differ slightly between SQLite (bm25) and PostgreSQL (ts_rank); the thresholds are tested above.
    figures = r"recall@5 \d\.\d{3}, MRR \d\.\d{3}, nDCG@10 \d\.\d{3}"
    assert [re.sub(figures, "…", line) for line in output.getvalue().splitlines()] == [
        "Testset getuned, Suchmaschine datenbank, 36 Anfragen: …",
        "Testset ungetuned, Suchmaschine datenbank, 49 Anfragen: …",
    ]


def test_search_evaluate_measures_one_set_when_asked(seeded_module):
    output = io.StringIO()

    call_command("search_evaluate", "--set", "ungetuned", stdout=output)

    assert output.getvalue().startswith("Testset ungetuned, Suchmaschine datenbank, 49 Anfragen: recall@5 ")


def test_search_rebuild_indexes_every_seeded_page_and_veranstaltung_and_reports_the_count(seeded_module):
    output = io.StringIO()

    call_command("search_rebuild", stdout=output)

    assert output.getvalue().splitlines()[-1] == "Suchindex neu aufgebaut: 89 Dokumente."
