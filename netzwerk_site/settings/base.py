"""Settings shared by every environment: safe defaults, no secrets.

Environment variables are read here and in the other settings modules only;
each one is listed in README.md and .env.example.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from csp.constants import NONE, SELF

_BOOLEANS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}


def env_bool(name, default):
    """A yes/no from the environment: true/false, 1/0, yes/no, on/off in any case; unset or empty gives default."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return _BOOLEANS[value.lower()]
    except KeyError:
        raise ImproperlyConfigured(
            f"{name} muss true, false, 1, 0, yes, no, on oder off sein, nicht {value!r}. "
            "Bitte korrigieren Sie den Wert in der Umgebung."
        ) from None


PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "netzwerk_site",
    "konto",
    "praxisbeispiele",
    "veranstaltungen",
    "diskussionen",
    "search",
    "betrieb",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    # The database task backend's tables exist everywhere; production.py uses it, make run and tests run at once.
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First, so that its duration covers the whole request and early answers (HTTPS redirect, static files) are logged.
    "betrieb.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached page for an anonymous visitor needs no session, user or view.
    "betrieb.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: answers to a signed-in user get Cache-Control "private, no-store".
    "betrieb.cache_control.PrivateCacheControlMiddleware",
    # After authentication: tells the audit log who acts in this request.
    "betrieb.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication: any other POST of a sender ends the window in which @idempotent repeats a result.
    "netzwerk_site.idempotency.LastPostMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "netzwerk_site.csp.PortalCSPMiddleware",
    # Documents (/dokumente/) get the sandbox of members' attachments on top of Wagtail's headers.
    "netzwerk_site.dokumente.DocumentSandboxMiddleware",
    # Inside the header middlewares above, so that they also mark a member's page served from the cache.
    "betrieb.page_cache.MemberPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Renders every Refusal a view raises as the refusal page in the site layout.
    "netzwerk_site.refusals.RefusalMiddleware",
    # Last, so that it sees the authentication results of every view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "netzwerk_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "konto.context_processors.portal",
                "diskussionen.context_processors.fragen",
                # Last: while a page is built for the members' page cache, the CSRF token is a placeholder.
                "netzwerk_site.persoenlich.context",
            ],
        },
    },
]

WSGI_APPLICATION = "netzwerk_site.wsgi.application"

# DATABASE_URL selects PostgreSQL in production; the default is a SQLite file
# inside the checkout (git-ignored).
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves several worker processes: write-ahead log (readers never wait for a
    # writer), commits without a disk flush each (WAL keeps them durable up to the last checkpoint on a
    # power cut, not on a crash of the process), and writers queue for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "konto.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses locked-out credentials before any check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "konto:anmelden"
# Restricted pages send visitors to the portal's own login, not Wagtail's unstyled one.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Wagtail's own front-end login (/_util/login/) stays reachable; it shows the portal's login page.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "konto/anmelden.html"
# A page restricted by password asks for it in the site layout (a template name, not a password).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105
LOGIN_REDIRECT_URL = "konto:uebersicht"
LOGOUT_REDIRECT_URL = "/"

# Proxies whose X-Forwarded-For entries are believed (addresses or networks, comma-separated): the client
# address is the first one, from the right, that is not such a proxy (netzwerk_site/client_address.py).
# Empty by default, so the header is ignored; in production the load balancer's address goes here.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()]

# Login throttling (django-axes, konto/lockout.py): lock a username at one address for a while after
# repeated failures, and an address after many failures across usernames. Limits are settings so that a
# load test can raise them.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "50"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "konto.lockout.Sperre"
AXES_CLIENT_IP_CALLABLE = "netzwerk_site.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "konto.lockout.gesperrt"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Every login form (ours and Wagtail's for private pages) goes through this: no overlong or NUL usernames.
AXES_USERNAME_CALLABLE = "konto.lockout.benutzername"

# Audit log (betrieb): entries, with names and IP addresses, are deleted after this many days
# by `manage.py audit_bereinigen` (docs/data-protection.md).
AUDIT_AUFBEWAHRUNG_TAGE = int(os.environ.get("AUDIT_AUFBEWAHRUNG_TAGE", "365"))

# Invitations for new members expire after this many days.
KONTO_EINLADUNG_GUELTIG_TAGE = int(os.environ.get("KONTO_EINLADUNG_GUELTIG_TAGE", "7"))

# Calendar feeds: how often clients should poll, and how long past and cancelled dates stay in feeds.
VERANSTALTUNGEN_KALENDER_AKTUALISIERUNG_STUNDEN = int(
    os.environ.get("VERANSTALTUNGEN_KALENDER_AKTUALISIERUNG_STUNDEN", "4")
)
VERANSTALTUNGEN_KALENDER_RUECKBLICK_TAGE = int(os.environ.get("VERANSTALTUNGEN_KALENDER_RUECKBLICK_TAGE", "90"))

# Diskussionen: posts per member and minute, posts per thread page.
DISKUSSIONEN_BEITRAEGE_PRO_MINUTE = int(os.environ.get("DISKUSSIONEN_BEITRAEGE_PRO_MINUTE", "5"))
DISKUSSIONEN_BEITRAEGE_PRO_SEITE = 20

# Uploads by members (submission attachments, attachments of Beiträge): largest file, most files per form.
UPLOADS = {
    "MAX_BYTES": int(os.environ.get("UPLOADS_MAX_BYTES", str(10 * 1024 * 1024))),
    "MAX_FILES": int(os.environ.get("UPLOADS_MAX_FILES", "5")),
}

# Barriere melden: a report sent sooner after opening the form is treated as a bot; reports per client
# address and confirmations per recipient address within an hour (netzwerk_site/barrieren.py).
BARRIERE_MELDEN_MIN_SEKUNDEN = float(os.environ.get("BARRIERE_MELDEN_MIN_SEKUNDEN", "3"))
BARRIERE_MELDEN_PRO_STUNDE = int(os.environ.get("BARRIERE_MELDEN_PRO_STUNDE", "5"))
# Days the Redaktion has to answer a barrier report: six weeks, as the Erklärung zur Barrierefreiheit promises
# (BITV 2.0 § 7, Directive (EU) 2016/2102 Art. 7(1)(b); docs/accessibility.md). The work list and the mails show it.
BARRIEREMELDUNG_ANTWORTFRIST_TAGE = 42

# A creating POST repeated identically within this many seconds creates nothing and lands on the first
# result (netzwerk_site/idempotency.py); 0 switches this off.
DOPPELTE_POSTS_SEKUNDEN = int(os.environ.get("DOPPELTE_POSTS_SEKUNDEN", "30"))

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Members' uploads (attachments of Beiträge) and Wagtail's documents and picture originals: outside MEDIA_ROOT,
# never served by the web server, only by permission-checked views (netzwerk_site/uploads.py). MEDIA_ROOT keeps
# only the renditions (images/).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
PRIVATE_STORAGE = {"BACKEND": "netzwerk_site.uploads.PrivateStorage"}
MEDIA_STORAGE = {"BACKEND": "netzwerk_site.uploads.MediaStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Whole-page cache for anonymous visitors (betrieb/page_cache.py): seconds an entry lives at
# most; every content change invalidates all entries at once. 0 switches it off.
SEITENCACHE_SEKUNDEN = int(os.environ.get("SEITENCACHE_SEKUNDEN", "300"))

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "netzwerk",
    }
}

# Mail and reminders run as tasks: at once here and in tests, in the db_worker in production (production.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A mail the mail server refuses is tried this often in all (netzwerk_site/mail.py), the pause doubling from
# MAIL_WIEDERHOLEN_NACH_SEKUNDEN (1, 2, 4, 8 minutes by default); then it stays visible as given up.
MAIL_VERSUCHE = 5
MAIL_WIEDERHOLEN_NACH_SEKUNDEN = 60

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "netzwerk-integration@example.org")
REDAKTION_EMAIL = os.environ.get("REDAKTION_EMAIL", "redaktion@example.org")

# Security headers that hold in every environment; production.py adds HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "netzwerk_site.views.csrf_failure"

# Content-Security-Policy (django-csp): only this site, no inline script, on every path.
# The Wagtail admin needs inline scripts and styles of its own (netzwerk_site/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

WAGTAIL_SITE_NAME = "Netzwerk Integration Rheinland-Pfalz"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_USER_EDIT_FORM = "konto.forms.WagtailUserEditForm"
WAGTAIL_USER_CREATION_FORM = "konto.forms.WagtailUserCreationForm"
WAGTAIL_USER_CUSTOM_FIELDS = ["kommune", "organisation"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "odp", "xlsx", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents only through /dokumente/, which checks the collection's view restriction (netzwerk_site/dokumente.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is a download, none is shown in the portal's origin; netzwerk_site/dokumente.py adds the sandbox.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Largest picture in pixels, for the admin and every member upload (uploads.py): a small PNG can decode to gigabytes.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", "50000000"))
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILEMBEDS_FINDERS = []
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com in the admin: no request to a third party (GDPR).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Portal search engine: Elasticsearch when a URL is configured, else the database engine (docs/search.md).
SUCHE_ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}


def logging_config(log_format, request_level="INFO"):
    """LOGGING for LOG_FORMAT "json" (one object per line, for the log collector) or "text" (for people).

    Every line carries the request id of the request it belongs to; netzwerk.request writes one line per request.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "betrieb.logs.RequestIdFilter"}},
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                # "time" first so that it leads each line; timestamp= fills it with ISO 8601 in UTC.
                "fmt": "%(time)s %(levelname)s %(name)s %(message)s",
                "timestamp": "time",
                "rename_fields": {"levelname": "level", "name": "logger"},
            },
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": log_format, "filters": ["request_id"]},
        },
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {
            "netzwerk": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "netzwerk.request": {"level": request_level},
        },
    }


LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = logging_config(LOG_FORMAT)
