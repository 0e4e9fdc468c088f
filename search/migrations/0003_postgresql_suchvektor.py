"""A stored tsvector of the analysed terms with a GIN index (PostgreSQL only).

Before, the engine built the vector from the three term columns for every document on every query:
at 17,000 documents (50,000 posts) a search took 2.7 s on PostgreSQL (bench/RESULTS.md). The
generated column is computed by PostgreSQL on every insert and update, like the FTS5 triggers on
SQLite; it is not a model field, so SQLite and the backups never see it.
"""

from django.db import migrations

CREATE = [
    """
    ALTER TABLE suche_suchdokument ADD COLUMN suchvektor tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(meta_terms, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(text_terms, '')), 'D')
    ) STORED
    """,
    "CREATE INDEX suche_suchvektor ON suche_suchdokument USING gin (suchvektor)",
]
DROP = [
    "DROP INDEX IF EXISTS suche_suchvektor",
    "ALTER TABLE suche_suchdokument DROP COLUMN IF EXISTS suchvektor",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fts5")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
