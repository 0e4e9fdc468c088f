"""Test settings: fast password hasher, local-memory cache, database search, immediate tasks."""

from .base import *  # noqa: F403

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "tmp" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "tmp" / "test-private"  # noqa: F405
STORAGES = {
    "default": MEDIA_STORAGE,  # noqa: F405
    "private": PRIVATE_STORAGE,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Off by default: test databases roll back, so a generation number could repeat across tests.
# tests/betrieb/test_page_cache.py switches it on.
SEITENCACHE_SEKUNDEN = 0
# One line per request would bury the test output; warnings and errors still show.
LOGGING = logging_config("text", request_level="WARNING")
