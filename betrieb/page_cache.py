"""Whole-page cache for anonymous visitors, and per visibility class for members; invalidated by every change.

Anonymous visitors see the same page for the same URL, so their pages are cached whole. The cache
key carries a generation number kept in the database (Seitenstand): any saved or deleted content,
a publish, unpublish or move raises it after the transaction commits, and every process then misses
its old entries at once. A page is cached only when nothing personal can be in it: no session or
messages cookie on the request, a 200 answer without cookies (a CSRF token in the page sets one),
no private or no-store Cache-Control, and a URL whose query parameters the view declared all
(netzwerk_site.auswahl.declare), so that `/?x=<random>` creates no entry. Entries also expire after SEITENCACHE_SEKUNDEN, because
lists such as "upcoming Veranstaltungen" change with the clock.

Members (MemberPageCacheMiddleware, deeper in the chain, after authentication and messages):
- What is cached: the body of a GET answer of a view or page type that declared itself the same for every
  member of a class (netzwerk_site.persoenlich.members_cacheable for function views, `members_cacheable = True`
  on a page type), under the viewer's visibility class, host, language and full URL (query parameters
  declared as above). The visibility class is the set of the user's groups (Mitglied (Kommune), Mitglied
  (Land), Redaktion, …): everything the templates decide by role (is_member, is_redaktion, is_land_member,
  group permissions) is the same within it. Superusers, inactive users and anonymous users with a session get
  no member entries (their pages are built cold). A page that shows only the member's own (PRO_PERSON: the
  overview /konto/) has a class of one: her groups, her primary key and today's date (it counts days to
  deadlines). Everything it lists is her rows, whose changes raise the generation like any other; unread
  marks, which reading changes without a signal, are personal parts there too. The other /konto/ pages
  (password, data export, deletion) are never cached.
- What is personal: every part rendered through {% persoenlich %} (header account items and counts, Django
  messages, the CSRF token, the member's own adoption, registration, follow state and posts). In a cached
  body they are placeholders with a random nonce of that build; netzwerk_site.persoenlich.fill renders them
  for the current request right after the build and on every hit, so nobody gets another's bits, and
  member text cannot forge a placeholder (it cannot know the nonce, which no answer contains).
- Invalidation: a second number, Seitenstand.mitglieder_generation, rises after the commit of every change,
  also of models that declare `changes_public_pages = False` (discussions): members see those. Only models
  that declare `changes_member_pages = False` (operations records, per-member state that only personal
  parts show) leave it alone. The anonymous generation stays untouched by members-only changes.
- Why it cannot leak across classes: the class is part of the key, and the anonymous cache refuses any
  request with a session cookie while the member cache serves only authenticated users; answers to members
  keep `Cache-Control: private, no-store` and `Vary: Cookie` (betrieb.cache_control, outside this middleware).
tests/betrieb/test_mitglieder_seitencache.py and tests/sicherheit/test_seitencache_personen.py prove it for
each cached page type and each pair of viewers.
"""

import functools
import hashlib
import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from wagtail.signals import page_published, page_unpublished, post_page_move

from betrieb.models import Seitenstand
from konto.roles import group_names
from netzwerk_site import auswahl, inhaltsstand, persoenlich

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
# Members' pages that show only the member's own (URL names): cached for her alone, see the module docstring.
PRO_PERSON = ("konto:uebersicht",)
HEADER = "X-Seitencache"
logger = logging.getLogger("netzwerk.page_cache")


def timeout():
    return getattr(settings, "SEITENCACHE_SEKUNDEN", 300)


def _cache():
    return caches[getattr(settings, "SEITENCACHE_ALIAS", "default")]


def generation():
    return Seitenstand.objects.values_list("generation", flat=True).first() or 0


def member_generation():
    return Seitenstand.objects.values_list("mitglieder_generation", flat=True).first() or 0


def _bump(public=True):
    raised = {"mitglieder_generation": F("mitglieder_generation") + 1}
    if public:
        raised["generation"] = F("generation") + 1
    try:
        with transaction.atomic():
            if not Seitenstand.objects.update(**raised):
                Seitenstand.objects.create(generation=int(public), mitglieder_generation=1)
    except DatabaseError:
        # Only while migrations build the database, before the table exists: nothing is cached yet.
        logger.debug("Seitenstand nicht erhöht: Tabelle fehlt noch.")


def invalidate(public=True):
    """Raise the generations once the current transaction commits (at once outside a transaction).

    public=False raises only the members' generation: the change shows only on members' pages.
    """
    transaction.on_commit(lambda: _bump(public))


def on_change(sender, **kwargs):
    # Historical models of migrations ("__fake__") may run before the Seitenstand table exists.
    if sender.__module__ == "__fake__" or kwargs.get("raw") or sender._meta.label_lower in UNBERUECKSICHTIGT:
        return
    if sender._meta.label_lower == "konto.user" and kwargs.get("update_fields") == frozenset({"last_login"}):
        return
    if not _declared(sender, "changes_member_pages"):
        return
    invalidate(public=changes_public_pages(sender))


def changes_public_pages(model):
    """False for models that declare it, or whose app declares it (members-only or derived data)."""
    return _declared(model, "changes_public_pages")


def _declared(model, name):
    declared = getattr(model, name, None)
    if declared is None:
        # Django's own migration records have an app label that no installed app carries.
        config = apps.app_configs.get(model._meta.app_label)
        declared = getattr(config, name, True)
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
        stand = generation()
        key = _key(request, stand)
        cache = _cache()
        inhaltsstand.setzen(request, f"oeffentlich-{stand}", cache, timeout())
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


# -- members ------------------------------------------------------------------------------------------------------
MITGLIEDER_PREFIX = "mitgliedercache"
# Headers of the view's answer that a hit repeats; the middlewares outside add theirs on every answer.
_OHNE_HEADER = {"set-cookie", HEADER.lower(), "content-length"}


def visibility_class(user):
    """The user's groups joined, for an active member whose pages depend on nothing else; None otherwise."""
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return None
    return "|".join(sorted(group_names(user)))


def _member_key(request, klasse, generation):
    url = request.get_full_path()
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = f"{klasse}|{language}|{request.get_host()}|{url}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{MITGLIEDER_PREFIX}:{generation}:{digest}"


@functools.cache
def _pro_person_pfade():
    return frozenset(reverse(name) for name in PRO_PERSON)


def _member_request(request):
    if request.method not in ("GET", "HEAD") or timeout() <= 0:
        return None
    klasse = visibility_class(request.user)
    if klasse is not None and request.path in _pro_person_pfade():
        # Her own page: a class of one, for today (it counts the days to deadlines).
        return f"{klasse}|person={request.user.pk}|{timezone.localdate().isoformat()}"
    if request.path.startswith(AUSGENOMMENE_PFADE):
        return None
    return klasse


class MemberPageCacheMiddleware:
    """Serve a member's GET request from the body cached for her visibility class, her personal parts filled in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        klasse = _member_request(request)
        if klasse is None:
            return self.get_response(request)
        generation = member_generation()
        key = _member_key(request, klasse, generation)
        language = getattr(request, "LANGUAGE_CODE", "")
        cache = _cache()
        persoenlich.allow_sharing(request, f"{generation}|{klasse}|{language}", cache, timeout())
        inhaltsstand.setzen(request, f"mitglieder-{generation}", cache, timeout())
        entry = cache.get(key)
        if entry is not None:
            return self._hit(request, entry)
        persoenlich.allow_build(request)
        with auswahl.recording() as declared:
            response = self.get_response(request)
        bau = persoenlich.finished_build(request)
        html = response.get("Content-Type", "").startswith("text/html")
        if bau is None or response.streaming or not (html or bau.stellen):
            # Files of a cacheable page type (the library's CSV export) are neither stored nor filled.
            return response
        content = response.content.decode(response.charset)
        if html and request.method == "GET" and request.GET.keys() <= declared and _cacheable_response(response):
            headers = {name: value for name, value in response.items() if name.lower() not in _OHNE_HEADER}
            cache.set(
                key, {"content": content, "headers": headers, "nonce": bau.nonce, "stellen": bau.stellen}, timeout()
            )
            response[HEADER] = "gespeichert"
        response.content = persoenlich.fill(request, content, bau.nonce, bau.stellen)
        return response

    def _hit(self, request, entry):
        # Templates of personal parts may ask which view answers (aria-current in the header).
        request.resolver_match = resolve(request.path_info)
        content = persoenlich.fill(request, entry["content"], entry["nonce"], entry["stellen"])
        response = HttpResponse(content, headers=entry["headers"])
        response[HEADER] = "treffer"
        return response
