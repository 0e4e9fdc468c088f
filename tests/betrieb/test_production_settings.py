"""Production settings as they come out of the environment: booleans, cache backend."""

import pytest

from tests.betrieb.production import production_env, production_settings, run_python

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("value", ["true", "True", "1", "yes", "on", "ON"])
def test_email_use_tls_is_on_for_every_spelling_of_true(tmp_path, value):
    settings = production_settings(tmp_path, ["EMAIL_USE_TLS"], EMAIL_USE_TLS=value)

    assert settings == {"EMAIL_USE_TLS": True}


@pytest.mark.parametrize("value", ["false", "False", "0", "no", "off", "OFF"])
def test_email_use_tls_is_off_for_every_spelling_of_false(tmp_path, value):
    settings = production_settings(tmp_path, ["EMAIL_USE_TLS"], EMAIL_USE_TLS=value)

    assert settings == {"EMAIL_USE_TLS": False}


def test_ssl_redirect_can_be_switched_off_with_false(tmp_path):
    settings = production_settings(tmp_path, ["SECURE_SSL_REDIRECT"], DJANGO_SECURE_SSL_REDIRECT="false")

    assert settings == {"SECURE_SSL_REDIRECT": False}


def test_unknown_boolean_value_stops_the_start_with_the_variable_named(tmp_path):
    env = production_env(tmp_path, EMAIL_USE_TLS="ja")

    result = run_python("import netzwerk_site.settings.production", env)

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: EMAIL_USE_TLS muss true, false, 1, 0, yes, no, on oder off "
        "sein, nicht 'ja'. Bitte korrigieren Sie den Wert in der Umgebung."
    )


def test_redis_url_selects_the_redis_cache_at_that_address(tmp_path):
    settings = production_settings(tmp_path, ["CACHES"], REDIS_URL="redis://cache:6379/1")

    assert settings == {
        "CACHES": {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/1"}
        }
    }


def test_redis_client_the_redis_cache_needs_is_installed(tmp_path):
    result = run_python("import redis; print(redis.__name__)", production_env(tmp_path))

    assert (result.returncode, result.stdout) == (0, "redis\n")


def test_without_redis_url_every_worker_shares_one_file_cache_in_cache_dir(tmp_path):
    settings = production_settings(tmp_path, ["CACHES"])

    assert settings == {
        "CACHES": {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "cache"),
            }
        }
    }
