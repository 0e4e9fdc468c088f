"""Site tree and clients per role, shared by every test folder."""

import io
from types import SimpleNamespace

from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished
from django.db import close_old_connections, transaction

from wagtail.models import Site

import factory.random
import pytest

from konto.roles import Rolle
from konto.setup import ensure_groups
from netzwerk_site.tree import ensure_tree_root
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import HomePageFactory, ThemenfeldIndexPageFactory
from tests.factories.praxisbeispiele import PraxisbeispielIndexPageFactory

factory.random.reseed_random(20261126)

# One headless Chromium per worker for tests/browser and tests/journeys (fixtures `browser` and `tab`).
pytest_plugins = ["tests.chromium"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts and ends with an empty cache, so nothing cached (Glossar, feed bodies) carries over
    from a rolled-back test and exact query counts do not depend on which tests ran before in the worker."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def groups(db):
    return ensure_groups()


@pytest.fixture
def site_tree(db):
    """An empty portal: home page as site root with the index pages below it."""
    home = HomePageFactory(parent=ensure_tree_root())
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return SimpleNamespace(
        home=home,
        themenfelder=ThemenfeldIndexPageFactory(parent=home),
        praxisbeispiele=PraxisbeispielIndexPageFactory(parent=home),
    )


@pytest.fixture
def seeded(live_server):
    """The full seed content, loaded exactly as `make run` loads it (for live-server tests)."""
    call_command("seed_netzwerk", "--demo", stdout=io.StringIO())


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """Seed once per module inside an outer transaction; each test rolls back to this state."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("seed_netzwerk", "--demo", stdout=io.StringIO())
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def member(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE)


@pytest.fixture
def land_member(groups):
    return UserFactory(rolle=Rolle.MITGLIED_LAND)


@pytest.fixture
def editor(groups):
    return UserFactory(rolle=Rolle.REDAKTION)


@pytest.fixture
def inactive_member(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, is_active=False)


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def member_client(client, member):
    return _client_for(client, member)


@pytest.fixture
def land_client(client, land_member):
    return _client_for(client, land_member)


@pytest.fixture
def editor_client(client, editor):
    return _client_for(client, editor)


def close_response(response):
    """Close a streamed response's file without request_finished closing the test's database connection."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
