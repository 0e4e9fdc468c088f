"""The posting limit is counted inside the transaction that inserts the Beitrag, so parallel replies queue for it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from diskussionen.beitraege import create_beitrag

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_posting_limit_is_counted_in_the_transaction_that_inserts_the_reply(diskussion, other_member):
    with CaptureQueriesContext(connection) as queries:
        create_beitrag(diskussion, other_member, "Bei uns nach zwei Wochen.")

    sqls = [query["sql"] for query in queries.captured_queries]
    savepoint = next(i for i, sql in enumerate(sqls) if sql.startswith("SAVEPOINT"))
    name = sqls[savepoint].removeprefix("SAVEPOINT ")
    release = sqls.index(f"RELEASE SAVEPOINT {name}")
    count = next(i for i, sql in enumerate(sqls) if "COUNT(" in sql and '"diskussionen_beitrag"' in sql)
    insert = next(i for i, sql in enumerate(sqls) if sql.startswith('INSERT INTO "diskussionen_beitrag"'))
    assert savepoint < count < insert < release
