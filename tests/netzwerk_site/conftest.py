import io

from django.core.management import call_command
from django.db import transaction

import pytest


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """Seed once per module inside an outer transaction; each test rolls back to this state."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("seed_netzwerk", "--no-demo-accounts", stdout=io.StringIO())
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
