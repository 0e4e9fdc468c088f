"""Each moderation action of the Redaktion appears in the audit log as well as in the Moderationsprotokoll."""

import pytest

from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag
from diskussionen import moderation
from diskussionen.choices import Aktion
from tests.factories.diskussionen import BeitragFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_hiding_a_beitrag_is_mirrored_with_the_moderator(editor):
    beitrag = BeitragFactory()

    protokoll = moderation.verbergen(beitrag, editor, "Werbung")

    eintrag = AuditEintrag.objects.get(aktion=AuditAktion.MODERATION)
    assert (eintrag.actor, eintrag.actor_name, eintrag.target) == (
        editor,
        editor.username,
        f"Beitrag {beitrag.pk} in „{beitrag.diskussion}“",
    )
    assert eintrag.details == {
        "aktion": Aktion.VERBORGEN.value,
        "moderationsprotokoll": protokoll.pk,
        "diskussion": beitrag.diskussion.pk,
        "beitrag": beitrag.pk,
    }


def test_locking_a_diskussion_is_mirrored_without_the_begruendung(editor):
    diskussion = BeitragFactory().diskussion

    moderation.sperren(diskussion, editor, True, "Persönliche Angaben von Frau Muster")

    eintrag = AuditEintrag.objects.get(aktion=AuditAktion.MODERATION)
    assert (eintrag.target, eintrag.details["aktion"]) == (f"Diskussion „{diskussion}“", Aktion.GESPERRT.value)
    assert "Muster" not in str(eintrag.details)
