"""/healthz for the load balancer: 200 while the database answers, 503 when not; search state reported."""

import ast
from pathlib import Path
from unittest import mock

from django.conf import settings as django_settings
from django.db import OperationalError

import elasticsearch
import pytest

from search.engines.elasticsearch import ElasticsearchEngine

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# Nothing listens on the discard port of the loopback address: the connection is refused at once.
UNREACHABLE = "http://127.0.0.1:9"


def test_healthz_answers_ok_as_json_without_caching_session_or_writes(client, member, django_assert_num_queries):
    client.force_login(member)

    with django_assert_num_queries(2):  # SELECT 1 and the read on the search index table; no session
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "datenbank": "ok", "suche": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert response.cookies == {}


def test_healthz_answers_head_and_refuses_post(client):
    head = client.head("/healthz")
    post = client.post("/healthz")

    assert (head.status_code, head.content) == (200, b"")
    assert post.status_code == 405


def test_healthz_answers_503_when_the_database_fails(client):
    with mock.patch("betrieb.health.connection.cursor", side_effect=OperationalError("Verbindung abgelehnt")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "fehler", "datenbank": "fehler", "suche": "fehler"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_stays_200_and_reports_the_fallback_when_elasticsearch_is_down(client, settings):
    settings.SUCHE_ELASTICSEARCH_URL = UNREACHABLE

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "datenbank": "ok", "suche": "ausweichbetrieb"}


def test_healthz_reports_a_reachable_elasticsearch_as_ok(client, settings):
    settings.SUCHE_ELASTICSEARCH_URL = "http://elasticsearch:9200"

    with mock.patch.object(ElasticsearchEngine, "is_reachable", return_value=True) as is_reachable:
        response = client.get("/healthz")

    assert response.json() == {"status": "ok", "datenbank": "ok", "suche": "ok"}
    is_reachable.assert_called_once_with(timeout=1.0)


def test_healthz_reports_a_broken_search_index_table(client):
    with mock.patch("betrieb.health.SuchDokument.objects.exists", side_effect=OperationalError("no such table")):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "datenbank": "ok", "suche": "fehler"}


def test_production_exempts_healthz_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production_setting("SECURE_REDIRECT_EXEMPT")

    probe = client.get("/healthz")
    page = client.get("/praxisbeispiele/")

    assert probe.status_code == 200
    assert (page.status_code, page.url) == (301, "https://testserver/praxisbeispiele/")


def production_setting(name):
    """A literal from production.py, read without importing it (it refuses to load without secrets)."""
    source = Path(django_settings.BASE_DIR / "netzwerk_site" / "settings" / "production.py").read_text()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and [target.id for target in node.targets] == [name]:
            return ast.literal_eval(node.value)
    raise LookupError(name)


def test_is_reachable_is_false_when_nothing_answers():
    engine = ElasticsearchEngine(UNREACHABLE)

    assert engine.is_reachable(timeout=0.5) is False


def test_is_reachable_pings_with_the_given_timeout():
    client = mock.Mock(spec=elasticsearch.Elasticsearch)
    client.options.return_value.ping.return_value = True

    assert ElasticsearchEngine("http://elasticsearch:9200", client=client).is_reachable(timeout=0.5) is True
    client.options.assert_called_once_with(request_timeout=0.5)
