"""Login lockout: one member's typos lock only her, the address that counts is the one a trusted proxy names.

A municipal office sits behind one NAT address, and in production every request arrives from the load
balancer: a lock on the address alone would lock out everyone behind it.
"""

from django.urls import reverse

import pytest
from axes.models import AccessAttempt

from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag
from tests.factories.konto import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORT = "Geheim-Passwort-123"
PROXY = "10.0.0.5"


@pytest.fixture
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_IP_FAILURE_LIMIT = 50
    settings.TRUSTED_PROXIES = []
    return settings


def login(client, username, kennwort="falsch", **headers):
    return client.post(reverse("konto:anmelden"), {"username": username, "password": kennwort}, **headers)


def test_failures_of_one_member_do_not_lock_a_colleague_behind_the_same_address(client, groups, limits):
    anna = UserFactory(username="anna")
    berta = UserFactory(username="berta")
    for _ in range(2):
        login(client, anna.username)

    response = login(client, berta.username, PASSWORT)

    assert response.status_code == 302
    assert response.url == reverse("konto:uebersicht")


def test_member_is_locked_after_her_own_failures(client, groups, limits):
    anna = UserFactory(username="anna")
    for _ in range(2):
        login(client, anna.username)

    response = login(client, anna.username, PASSWORT)

    assert response.status_code == 429


def test_forged_forwarded_for_is_ignored_without_a_trusted_proxy(client, groups, limits):
    anna = UserFactory(username="anna")
    login(client, anna.username, HTTP_X_FORWARDED_FOR="198.51.100.1")
    login(client, anna.username, HTTP_X_FORWARDED_FOR="198.51.100.2")

    response = login(client, anna.username, PASSWORT, HTTP_X_FORWARDED_FOR="198.51.100.3")

    assert response.status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["127.0.0.1"]


def test_trusted_proxy_names_the_client_and_a_forged_entry_before_it_is_ignored(client, groups, limits):
    limits.TRUSTED_PROXIES = ["10.0.0.0/8"]
    anna = UserFactory(username="anna")

    login(client, anna.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.66, 203.0.113.7, 10.0.0.9")

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_lock_behind_a_trusted_proxy_holds_only_for_the_address_that_failed(client, groups, limits):
    limits.TRUSTED_PROXIES = ["10.0.0.0/8"]
    anna = UserFactory(username="anna")
    for _ in range(2):
        login(client, anna.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")

    locked = login(client, anna.username, PASSWORT, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    elsewhere = login(client, anna.username, PASSWORT, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")

    assert (locked.status_code, elsewhere.status_code) == (429, 302)


def test_address_is_locked_after_the_address_limit_across_usernames(client, groups, limits):
    limits.AXES_FAILURE_LIMIT = 5
    limits.AXES_IP_FAILURE_LIMIT = 3
    anna = UserFactory(username="anna")
    for username in ("probe1", "probe2", "probe3"):
        login(client, username)

    response = login(client, anna.username, PASSWORT)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_address_below_the_address_limit_is_not_locked(client, groups, limits):
    limits.AXES_FAILURE_LIMIT = 5
    limits.AXES_IP_FAILURE_LIMIT = 3
    anna = UserFactory(username="anna")
    for username in ("probe1", "probe2"):
        login(client, username)

    response = login(client, anna.username, PASSWORT)

    assert response.status_code == 302


def test_audit_log_records_the_address_the_trusted_proxy_names(client, groups, limits):
    limits.TRUSTED_PROXIES = ["10.0.0.0/8"]
    anna = UserFactory(username="anna")
    for _ in range(2):
        login(client, anna.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")

    anmeldungen = AuditEintrag.objects.filter(aktion__in=[AuditAktion.ANMELDUNG_FEHLGESCHLAGEN, AuditAktion.GESPERRT])
    adressen = sorted(anmeldungen.values_list("aktion", "ip_address"))

    assert adressen == [
        (AuditAktion.ANMELDUNG_FEHLGESCHLAGEN, "203.0.113.7"),
        (AuditAktion.ANMELDUNG_FEHLGESCHLAGEN, "203.0.113.7"),
        (AuditAktion.GESPERRT, "203.0.113.7"),
    ]


def test_lockout_page_says_what_lifts_the_lock(client, groups, limits):
    limits.AXES_COOLOFF_TIME = 0.5
    anna = UserFactory(username="anna")
    for _ in range(2):
        login(client, anna.username)

    response = login(client, anna.username, PASSWORT)

    html = response.content.decode()
    assert "Die Sperre endet nach 30 Minuten von selbst." in html
    assert f"schreiben Sie bitte an die Redaktion ({limits.REDAKTION_EMAIL})" in html
    assert "15 Minuten" not in html
