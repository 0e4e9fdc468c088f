import pytest

from search.service import API_MAX_LIMIT

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BAD_QUERIES = [
    '"',
    "*",
    "NEAR(",
    "Integration AND",
    "-Sprache",
    "((Kita]",
    "a" * 5000,
    "Sprach\x00\x07\x1bförderung",
    'NEAR(Kita, Schule) OR "x*" -y',
]


@pytest.fixture
def drei_beispiele(make_praxisbeispiel):
    return [
        make_praxisbeispiel(
            f"Sprachcafé {ort}", f"Ein Sprachcafé in {ort} für Neuzugewanderte.", slug=f"cafe-{ort.lower()}"
        )
        for ort in ("Trier", "Mainz", "Worms")
    ]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_search_page_answers_any_query_with_200(client, drei_beispiele, query):
    response = client.get("/suche/", {"q": query})

    assert response.status_code == 200


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_api_answers_any_query_with_200(client, drei_beispiele, query):
    response = client.get("/api/suche/", {"q": query})

    assert response.status_code == 200
    assert set(response.json()) == {"count", "results", "facets", "suggestion", "notice"}


def test_invalid_utf8_percent_escapes_are_answered_with_200(client, drei_beispiele):
    page = client.get("/suche/?q=%ff%fe%c3")
    api = client.get("/api/suche/?q=%ff%fe%c3&limit=%ff&typ=%00")

    assert (page.status_code, api.status_code) == (200, 200)


@pytest.mark.parametrize(
    "fixture,status",
    [("client", 200), ("member_client", 200), ("editor_client", 200)],
)
def test_search_page_status_per_role(request, drei_beispiele, fixture, status):
    client = request.getfixturevalue(fixture)

    response = client.get("/suche/", {"q": "Sprachcafé"})

    assert response.status_code == status


def test_api_returns_the_complete_match_first_then_partial_ones_with_facets_and_snippets(client, drei_beispiele):
    response = client.get("/api/suche/", {"q": "Sprachcafe Trier"})

    body = response.json()
    # Sprachcafé Trier has both words; the other two only "Sprachcafé" and are ranked after it.
    assert (body["count"], [r["title"] for r in body["results"]]) == (
        3,
        ["Sprachcafé Trier", "Sprachcafé Mainz", "Sprachcafé Worms"],
    )
    assert body["results"][0] == {
        "title": "Sprachcafé Trier",
        "url": "/praxisbeispiele/cafe-trier/",
        "type": "praxisbeispiel",
        "snippet": "Ein <mark>Sprachcafé</mark> in <mark>Trier</mark> für Neuzugewanderte.",
        "themenfelder": ["bildung"],
    }
    assert (body["facets"], body["suggestion"], body["notice"]) == (
        {"typ": {"praxisbeispiel": 3}, "themenfeld": {"bildung": 3}, "kommune": {}},
        "",
        "",
    )


def test_api_limit_is_capped_at_fifty(client, make_praxisbeispiel):
    for number in range(API_MAX_LIMIT + 2):
        make_praxisbeispiel(f"Lernpatenschaft {number}", "Lernpaten helfen Kindern.", slug=f"lernpaten-{number}")

    response = client.get("/api/suche/", {"q": "Lernpatenschaft", "limit": "500"})

    assert (response.json()["count"], len(response.json()["results"])) == (52, 50)


def test_api_filters_by_typ_and_themenfeld(client, drei_beispiele):
    by_typ = client.get("/api/suche/", {"q": "Sprachcafé", "typ": "handlungsfeld"}).json()
    by_themenfeld = client.get("/api/suche/", {"q": "Sprachcafé", "themenfeld": "bildung"}).json()

    assert (by_typ["count"], by_themenfeld["count"]) == (0, 3)


def test_search_page_marks_matches_and_escapes_page_text(client, make_praxisbeispiel):
    make_praxisbeispiel("Elternabend <script>", "Elternabend mit <b>Dolmetschern</b>.", slug="elternabend")

    response = client.get("/suche/", {"q": "Elternabend"})

    assert response.status_code == 200
    assert "<mark>Elternabend</mark> mit &lt;b&gt;Dolmetschern&lt;/b&gt;." in response.content.decode()
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_search_page_suggests_a_correction_for_a_typo(client, drei_beispiele):
    response = client.get("/suche/", {"q": "Sprachcaffe"})

    assert response.context["vorschlag"] == "Sprachcafé"
    assert response.context["ergebnis"].count == 3


def test_zero_results_page_helps_the_visitor(client, drei_beispiele):
    response = client.get("/suche/", {"q": "Raumfahrtbehörde"})

    assert response.context["ergebnis"].count == 0
    assert "Zu „Raumfahrtbehörde“ haben wir nichts gefunden." in response.content.decode()


def test_search_page_paginates_ten_results_per_page(client, make_praxisbeispiel):
    for number in range(12):
        make_praxisbeispiel(f"Lesepatenschaft {number}", "Lesepaten lesen vor.", slug=f"lesepaten-{number}")

    second = client.get("/suche/", {"q": "Lesepatenschaft", "seite": "2"})

    assert (second.context["seite"].number, len(second.context["treffer"])) == (2, 2)


# Fewer than FEW_RESULTS hits widen the search for typos: one query more at 1 hit than at 3.
@pytest.mark.parametrize(("anzahl", "queries"), [(1, 7), (3, 6)])
def test_search_page_query_count_does_not_grow_with_results(
    client, make_praxisbeispiel, django_assert_num_queries, anzahl, queries
):
    for number in range(anzahl):
        make_praxisbeispiel(f"Stadtteilmütter {number}", "Stadtteilmütter besuchen Familien.", slug=f"mutter-{number}")
    client.get("/suche/", {"q": "warm-up"})

    with django_assert_num_queries(queries):
        response = client.get("/suche/", {"q": "Stadtteilmütter"})

    assert response.context["ergebnis"].count == anzahl


@pytest.mark.parametrize(("anzahl", "queries"), [(1, 4), (3, 3)])
def test_api_query_count_does_not_grow_with_results(
    client, make_praxisbeispiel, django_assert_num_queries, anzahl, queries
):
    for number in range(anzahl):
        make_praxisbeispiel(f"Stadtteilmütter {number}", "Stadtteilmütter besuchen Familien.", slug=f"mutter-{number}")
    client.get("/api/suche/", {"q": "warm-up"})

    with django_assert_num_queries(queries):
        response = client.get("/api/suche/", {"q": "Stadtteilmütter"})

    assert response.json()["count"] == anzahl


def test_api_says_why_an_over_long_word_is_not_searched(client, site_tree):
    response = client.get("/api/suche/", {"q": "a" * 81})

    assert response.json()["count"] == 0
    assert response.json()["notice"].startswith("Ein Wort Ihrer Suche ist länger als 80 Buchstaben")
