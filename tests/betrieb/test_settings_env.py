"""env_bool: the one way the settings read a yes/no from the environment."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from netzwerk_site.settings.base import env_bool

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("yes", True),
        ("On", True),
        (" true ", True),
        ("false", False),
        ("False", False),
        ("0", False),
        ("no", False),
        ("off", False),
    ],
)
def test_env_bool_reads_true_and_false_in_every_spelling(monkeypatch, value, expected):
    monkeypatch.setenv("NETZWERK_SCHALTER", value)

    assert env_bool("NETZWERK_SCHALTER", default=not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_returns_the_default_when_the_variable_is_unset_or_empty(monkeypatch, default):
    monkeypatch.delenv("NETZWERK_SCHALTER", raising=False)
    unset = env_bool("NETZWERK_SCHALTER", default)
    monkeypatch.setenv("NETZWERK_SCHALTER", "")

    empty = env_bool("NETZWERK_SCHALTER", default)

    assert (unset, empty) == (default, default)


@pytest.mark.parametrize("value", ["ja", "2", "tru", "enabled"])
def test_env_bool_refuses_anything_else(monkeypatch, value):
    monkeypatch.setenv("NETZWERK_SCHALTER", value)

    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool("NETZWERK_SCHALTER", default=False)

    assert str(refused.value) == (
        f"NETZWERK_SCHALTER muss true, false, 1, 0, yes, no, on oder off sein, nicht {value!r}. "
        "Bitte korrigieren Sie den Wert in der Umgebung."
    )
