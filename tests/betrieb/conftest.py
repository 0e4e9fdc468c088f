import pytest

from betrieb.models import AuditEintrag
from tests.factories.konto import UserFactory


@pytest.fixture
def superuser(groups):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def eintraege(aktion):
    """(actor_name, target, details) of every entry for aktion, oldest first."""
    return list(
        AuditEintrag.objects.filter(aktion=aktion).order_by("pk").values_list("actor_name", "target", "details")
    )


@pytest.fixture
def seitencache_an(settings):
    """The page cache on, as in production (the test settings turn it off)."""
    settings.SEITENCACHE_SEKUNDEN = 300


@pytest.fixture
def welt(site_tree, groups):
    """Members of two Kommunen, the Land and the Redaktion, and one page of each cached type (mitglieder_welt)."""
    from tests.betrieb import mitglieder_welt

    return mitglieder_welt.build(site_tree)
