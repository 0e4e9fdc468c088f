"""`migrate` that first carries renamed app labels over in the database, then migrates as Django does.

The search app was labelled "suche" until its label followed its folder (`search`). A database
migrated before has its applied migrations and content types under the old label; without this
step Django would try to create the search tables again. Relabelling keeps every row: the tables
keep their names (db_table in search/models.py), content type ids stay, so permissions and
revisions keep pointing at them. A fresh database has nothing to relabel.
"""

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connections, transaction

# Old label: new label.
RENAMED_APPS = {"suche": "search"}


def relabel_apps(connection, renamed=None):
    """Move applied migrations and content types from each old app label to its new one; returns rows moved."""
    renamed = RENAMED_APPS if renamed is None else renamed
    tables = set(connection.introspection.table_names())
    moved = 0
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for old, new in renamed.items():
            if "django_migrations" in tables:
                cursor.execute("UPDATE django_migrations SET app = %s WHERE app = %s", [new, old])
                moved += cursor.rowcount
            if "django_content_type" in tables:
                cursor.execute("UPDATE django_content_type SET app_label = %s WHERE app_label = %s", [new, old])
                moved += cursor.rowcount
    return moved


class Command(DjangoMigrateCommand):
    def handle(self, *args, **options):
        moved = relabel_apps(connections[options["database"]])
        if moved and options["verbosity"] > 0:
            self.stdout.write(f"Umbenannte Apps übernommen ({', '.join(RENAMED_APPS)}): {moved} Einträge.")
        return super().handle(*args, **options)
