"""One JSON log line per request, without query string, and an X-Request-ID on every response."""

import io
import json
import logging
import logging.config
import uuid
from datetime import datetime

from django.conf import settings

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def json_log():
    """The production JSON formatter and request-id filter from LOGGING, on the netzwerk loggers, at INFO."""
    configurator = logging.config.DictConfigurator(settings.LOGGING)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(configurator.configure_formatter(configurator.config["formatters"]["json"]))
    handler.addFilter(configurator.configure_filter(configurator.config["filters"]["request_id"]))
    logger, request_logger = logging.getLogger("netzwerk"), logging.getLogger("netzwerk.request")
    level = request_logger.level
    logger.addHandler(handler)
    request_logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    request_logger.setLevel(level)
    logger.removeHandler(handler)


def test_request_log_line_is_json_with_the_request_fields_and_no_query_string(client, member, json_log):
    client.force_login(member)

    response = client.get("/healthz", {"email": "anna@example.org"})

    [line] = json_log()
    assert datetime.fromisoformat(line.pop("time")).tzinfo is not None
    duration_ms = line.pop("duration_ms")
    assert duration_ms >= 0
    assert line == {
        "level": "INFO",
        "logger": "netzwerk.request",
        "message": f"GET /healthz 200 {duration_ms:.1f} ms",
        "request_id": response["X-Request-ID"],
        "method": "GET",
        "path": "/healthz",
        "status": 200,
        "user_id": None,  # /healthz never loads the session, so the user stays unknown
    }
    assert "anna@example.org" not in json.dumps(line)


def test_secret_tokens_in_the_path_are_not_logged(client, json_log):
    client.get("/kalender/geheimes-kalender-token-4711.ics")
    client.get("/konto/einladung/geheime-einladung-0815/")

    assert [line["path"] for line in json_log()] == ["/kalender/[entfernt].ics", "/konto/einladung/[entfernt]/"]


def test_request_log_names_the_user_a_view_looked_up(client, member, json_log):
    client.force_login(member)

    client.get("/konto/")

    assert [line["user_id"] for line in json_log()] == [member.pk]


def test_a_new_request_id_is_generated_for_each_request(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert uuid.UUID(first).version == 4
    assert first != second


def test_a_valid_incoming_request_id_is_kept_and_an_unsafe_one_replaced(client):
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-4711-abcdef"})
    replaced = client.get("/healthz", headers={"X-Request-ID": "x\r\nSet-Cookie: a=b"})

    assert kept["X-Request-ID"] == "lb-4711-abcdef"
    assert uuid.UUID(replaced["X-Request-ID"]).version == 4


def test_log_lines_written_during_a_request_carry_its_request_id(client, settings, json_log):
    settings.SUCHE_ELASTICSEARCH_URL = "http://127.0.0.1:9"

    response = client.get("/healthz")

    assert [(line["logger"], line["request_id"]) for line in json_log()] == [
        ("netzwerk.betrieb", response["X-Request-ID"]),
        ("netzwerk.request", response["X-Request-ID"]),
    ]
