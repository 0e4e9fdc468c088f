"""FTS5 index over the analysed terms of SuchDokument, kept in step by triggers (SQLite only).

External-content table: the terms live once, in suche_suchdokument; bm25() ranks over this index.
On PostgreSQL the engine builds tsvectors from the same columns instead (search/engines/database.py).
"""

from django.db import migrations

CREATE = [
    """
    CREATE VIRTUAL TABLE suche_fts USING fts5(
        title_terms, text_terms, meta_terms,
        content='suche_suchdokument', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
    )
    """,
    """
    CREATE TRIGGER suche_fts_insert AFTER INSERT ON suche_suchdokument BEGIN
        INSERT INTO suche_fts(rowid, title_terms, text_terms, meta_terms)
        VALUES (new.id, new.title_terms, new.text_terms, new.meta_terms);
    END
    """,
    """
    CREATE TRIGGER suche_fts_delete AFTER DELETE ON suche_suchdokument BEGIN
        INSERT INTO suche_fts(suche_fts, rowid, title_terms, text_terms, meta_terms)
        VALUES ('delete', old.id, old.title_terms, old.text_terms, old.meta_terms);
    END
    """,
    """
    CREATE TRIGGER suche_fts_update AFTER UPDATE ON suche_suchdokument BEGIN
        INSERT INTO suche_fts(suche_fts, rowid, title_terms, text_terms, meta_terms)
        VALUES ('delete', old.id, old.title_terms, old.text_terms, old.meta_terms);
        INSERT INTO suche_fts(rowid, title_terms, text_terms, meta_terms)
        VALUES (new.id, new.title_terms, new.text_terms, new.meta_terms);
    END
    """,
    "INSERT INTO suche_fts(suche_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS suche_fts_update",
    "DROP TRIGGER IF EXISTS suche_fts_delete",
    "DROP TRIGGER IF EXISTS suche_fts_insert",
    "DROP TABLE IF EXISTS suche_fts",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
