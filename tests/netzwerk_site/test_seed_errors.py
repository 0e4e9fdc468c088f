"""A broken seed file gives a clear error naming file and entry, and writes nothing."""

import io
import shutil

from django.core.management import CommandError, call_command

import pytest

from netzwerk_site.models import Themenfeld
from netzwerk_site.seeding.schema import DEFAULT_DATA_DIR
from praxisbeispiele.models import PraxisbeispielPage

pytestmark = pytest.mark.integration


def seed(*args):
    call_command("seed_netzwerk", *args, stdout=io.StringIO())


@pytest.mark.django_db
def test_broken_reference_names_file_and_entry_and_writes_nothing(tmp_path):
    data_dir = tmp_path / "seed"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    path = data_dir / "praxisbeispiele.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('kommunen = ["landkreis-bad-kreuznach"]', 'kommunen = ["landkreis-atlantis"]', 1), encoding="utf-8"
    )

    with pytest.raises(CommandError) as error:
        seed("--data-dir", str(data_dir))

    assert str(error.value) == (
        "Nichts wurde geschrieben. praxisbeispiele.toml, Eintrag „kreuznacher-modell“: "
        "„landkreis-atlantis“ in „kommunen“ gibt es nicht in kommunen.toml."
    )
    assert (Themenfeld.objects.count(), PraxisbeispielPage.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_invalid_toml_is_reported_with_its_file(tmp_path):
    data_dir = tmp_path / "seed"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    (data_dir / "themenfelder.toml").write_text('[[themenfeld]]\nslug = "offen\n', encoding="utf-8")

    with pytest.raises(CommandError) as error:
        seed("--data-dir", str(data_dir))

    assert str(error.value).startswith("Nichts wurde geschrieben. themenfelder.toml: Die Datei ist kein gültiges TOML")
    assert Themenfeld.objects.count() == 0
