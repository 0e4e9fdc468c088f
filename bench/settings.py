"""Production settings for `make bench`, changed only where a load test on loopback needs it.

- ROOT_URLCONF adds one trivial view, the ceiling every page is compared with.
- Plain HTTP on 127.0.0.1: no redirect to HTTPS.
- Limits are raised through the settings made for that (posting rate, login lockout); no code changes.
- E-mail goes nowhere: replies notify followers, and there is no mail server on the machine.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from netzwerk_site.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
DISKUSSIONEN_BEITRAEGE_PRO_MINUTE = 10**9
AXES_FAILURE_LIMIT = 10**6
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
