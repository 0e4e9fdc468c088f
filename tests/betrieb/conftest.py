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
