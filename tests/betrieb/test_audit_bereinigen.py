"""`manage.py audit_bereinigen` deletes entries past the retention period and nothing else."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_audit_bereinigen_deletes_only_entries_older_than_the_retention_period(settings):
    settings.AUDIT_AUFBEWAHRUNG_TAGE = 30
    now = timezone.now()
    for tage, target in [(31, "alt"), (29, "jung"), (0, "heute")]:
        AuditEintrag.objects.create(
            aktion=AuditAktion.ANMELDUNG, target=target, ip_address="192.0.2.1", created_at=now - timedelta(days=tage)
        )
    stdout = io.StringIO()

    call_command("audit_bereinigen", stdout=stdout)

    assert list(AuditEintrag.objects.order_by("created_at").values_list("target", flat=True)) == ["jung", "heute"]
    assert stdout.getvalue() == "1 Audit-Einträge gelöscht, die älter als 30 Tage waren.\n"


def test_retention_defaults_to_one_year(settings):
    assert settings.AUDIT_AUFBEWAHRUNG_TAGE == 365
