"""Whole-page cache for anonymous visitors, invalidated by every content change.

Anonymous visitors see the same page for the same URL, so their pages are cached whole. The cache
key carries a generation number kept in the database (Seitenstand): any saved or deleted content,
a publish, unpublish or move raises it after the transaction commits, and every process then misses
its old entries at once. A page is cached only when nothing personal can be in it: no session or
messages cookie on the request, a 200 answer without cookies (a CSRF token in the page sets one),
no private or no-store Cache-Control, and a URL whose query parameters the view declared all
(netzwerk_site.auswahl.declare), so that `/?x=<random>` creates no entry. Entries also expire after SEITENCACHE_SEKUNDEN, because
lists such as "upcoming Veranstaltungen" change with the clock.
"""

import hashlib
import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from wagtail.signals import page_published, page_unpublished, post_page_move

from betrieb.models import Seitenstand
from netzwerk_site import auswahl

# Models of other projects whose rows never change what an anonymous visitor sees. The portal's own
# models say so themselves: `changes_public_pages = False` on the model or on its app's AppConfig.
UNBERUECKSICHTIGT = {
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailusers.userprofile",
    "wagtailadmin.editingsession",
}
# Paths whose answers are personal or administrative even without a session.
AUSGENOMMENE_PFADE = ("/admin/", "/django-admin/", "/konto/", "/kalender/", "/healthz")
HEADER = "X-Seitencache"
logger = logging.getLogger("netzwerk.page_cache")


def timeout():
    return getattr(settings, "SEITENCACHE_SEKUNDEN", 300)


def _cache():
    return caches[getattr(settings, "SEITENCACHE_ALIAS", "default")]


def generation():
    return Seitenstand.objects.values_list("generation", flat=True).first() or 0


def _bump():
    try:
        with transaction.atomic():
            if not Seitenstand.objects.update(generation=F("generation") + 1):
                Seitenstand.objects.create(generation=1)
    except DatabaseError:
        # Only while migrations build the database, before the table exists: nothing is cached yet.
        logger.debug("Seitenstand nicht erhöht: Tabelle fehlt noch.")


def invalidate():
    """Raise the generation once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(_bump)


def on_change(sender, **kwargs):
    # Historical models of migrations ("__fake__") may run before the Seitenstand table exists.
    if sender.__module__ == "__fake__" or kwargs.get("raw") or sender._meta.label_lower in UNBERUECKSICHTIGT:
        return
    if not changes_public_pages(sender):
        return
    if sender._meta.label_lower == "konto.user" and kwargs.get("update_fields") == frozenset({"last_login"}):
        return
    invalidate()


def changes_public_pages(model):
    """False for models that declare it, or whose app declares it (members-only or derived data)."""
    declared = getattr(model, "changes_public_pages", None)
    if declared is None:
        # Django's own migration records have an app label that no installed app carries.
        config = apps.app_configs.get(model._meta.app_label)
        declared = getattr(config, "changes_public_pages", True)
    return declared


def on_page_event(sender, **kwargs):
    invalidate()


def connect():
    post_save.connect(on_change, dispatch_uid="seitencache_post_save")
    post_delete.connect(on_change, dispatch_uid="seitencache_post_delete")
    m2m_changed.connect(on_change, dispatch_uid="seitencache_m2m")
    page_published.connect(on_page_event, dispatch_uid="seitencache_published")
    page_unpublished.connect(on_page_event, dispatch_uid="seitencache_unpublished")
    post_page_move.connect(on_page_event, dispatch_uid="seitencache_moved")


# -- middleware ---------------------------------------------------------------------------------------------------
def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or timeout() <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return not request.path.startswith(AUSGENOMMENE_PFADE)


def _cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _key(request, generation):
    url = request.get_full_path()
    digest = hashlib.sha256(f"{request.get_host()}|{url}".encode("utf-8", "surrogateescape")).hexdigest()
    return f"seitencache:{generation}:{digest}"


class PageCacheMiddleware:
    """Serve anonymous GET requests from the page cache; see the module docstring for what is cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request, generation())
        cache = _cache()
        response = cache.get(key)
        if response is not None:
            conditional = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
            conditional[HEADER] = "treffer"
            return conditional
        with auswahl.recording() as declared:
            response = self.get_response(request)
        if request.method == "GET" and request.GET.keys() <= declared and _cacheable_response(response):
            response[HEADER] = "gespeichert"
            # Template responses are rendered by the handler before any middleware sees them.
            cache.set(key, response, timeout())
        return response
