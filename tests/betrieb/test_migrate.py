"""`manage.py migrate` on a database migrated while the search app was labelled "suche"."""

import io

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from betrieb.management.commands.migrate import relabel_apps
from search.models import Begriff


def set_label(old, new):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET app = %s WHERE app = %s", [new, old])
        cursor.execute("UPDATE django_content_type SET app_label = %s WHERE app_label = %s", [new, old])
    ContentType.objects.clear_cache()


def applied(app):
    return sorted(name for label, name in MigrationRecorder(connection).applied_migrations() if label == app)


def test_migrate_takes_over_the_old_search_label_and_keeps_rows_and_content_types(db):
    begriff = Begriff.objects.create(abkuerzung="AfA", langform="Aufnahmeeinrichtung für Asylbegehrende")
    content_type_id = ContentType.objects.get_for_model(Begriff).pk
    set_label("search", "suche")
    output = io.StringIO()

    call_command("migrate", stdout=output)

    assert applied("suche") == []
    assert applied("search") == ["0001_initial", "0002_fts5", "0003_postgresql_suchvektor"]
    assert ContentType.objects.get_for_model(Begriff).pk == content_type_id
    assert list(Begriff.objects.values_list("pk", "abkuerzung")) == [(begriff.pk, "AfA")]
    assert "Umbenannte Apps übernommen (suche): 6 Einträge." in output.getvalue()


def test_relabel_changes_nothing_on_a_database_without_the_old_label(db):
    before = applied("search")

    moved = relabel_apps(connection)

    assert moved == 0
    assert applied("search") == before
