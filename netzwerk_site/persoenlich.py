"""Personal parts of a page: what differs between two viewers who otherwise see the same page.

A page that members may get from the page cache (betrieb.page_cache) is built once per visibility class and
content version; the name in the header, the unread count, the Django messages, the CSRF token and the
member's own state on the page (her Kommune's adoption, her registration, her follow state, her own posts)
differ from member to member. Templates render each such part through one tag,

    {% load persoenlich %}{% persoenlich "kopf_konto" %}
    {% persoenlich "anmeldung" veranstaltung=page.pk %}

and the app that owns the part registers its template and renderer in its module `<app>/persoenlich.py`,
which the core imports on first use (as Django's admin finds admin.py):

    @persoenlich.register("anmeldung", template="veranstaltungen/includes/anmeldung.html")
    def anmeldung(request, stellen):
        # stellen: the keyword arguments of every place of this part on the page, e.g. [{"veranstaltung": 7}]
        return [render_to_string(...) for stelle in stellen]   # one HTML string per place, same order

A renderer gets all its places of a page at once, so "which of these 500 posts are mine" is one query.

Outside a cacheable build the tag renders the part's template with the surrounding context, like
{% include %}: the view computed that context as it always did, and nothing changes for pages that are
not cached. A part without a template is rendered by its renderer at once. While a page is built for the cache (a view
marked with `mark_cacheable`, and the cache allowed it with `allow_build`), the tag writes a placeholder
made of a random nonce of this build and the place's number instead; `fill` replaces every placeholder by
its renderer's answer for the current request, right after the build and on every cache hit. Members'
text cannot forge a placeholder: it does not know the nonce, which never leaves the server because every
placeholder is replaced before the answer goes out. The keyword arguments are stored with the cached entry,
so they must be plain values (numbers, strings, booleans, None), never model instances.

Renderers share three helpers. `teil` renders a part's template with only the viewer, her request and her CSRF
token (not the page's context processors: 25 posts would run them 25 times). `einmal` computes what several
renderers of one page need once per request (the threads' read state for the badge and the list class).
`geteilt` keeps parts that are the same for every viewer of a class with the same trait (the adoption form of
one Kommune, the actions on another member's post) beside the cached page, until the next change.

The CSRF token is one of these parts: during a build the `csrf_token` context variable is a placeholder
(the `context` processor below overrides Django's), filled with `get_token(request)` per request, which
also sets the CSRF cookie as on every other page.
"""

import hashlib
import re
import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import get_template, render_to_string
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import mark_safe

CSRF = "csrf"
_ERLAUBT = "_netzwerk_persoenlich_erlaubt"
_BAU = "_netzwerk_persoenlich_bau"
_CSRF_WERT = "_netzwerk_persoenlich_csrf"
_EINMAL = "_netzwerk_persoenlich_einmal"
_TEILEN = "_netzwerk_persoenlich_teilen"
_EINFACH = (str, int, bool, type(None))
_RENDERERS = {}
_TEMPLATES = {}
_discovered = False


class Bau:
    """The places of one build: their part names and keyword arguments, numbered in order of appearance."""

    def __init__(self):
        self.nonce = secrets.token_hex(16)
        self.stellen = []
        self.aktiv = True
        self._csrf = None

    def platzhalter(self, name, kwargs):
        for key, value in kwargs.items():
            if not isinstance(value, _EINFACH):
                raise TypeError(
                    f"{{% persoenlich {name!r} %}}: {key} must be a plain value, not {type(value).__name__}."
                )
        self.stellen.append((name, dict(kwargs)))
        return platzhalter(self.nonce, len(self.stellen) - 1)

    def csrf(self):
        if self._csrf is None:
            self._csrf = self.platzhalter(CSRF, {})
        return self._csrf


def platzhalter(nonce, number):
    return f"persoenlich{nonce}n{number}x"


def register(name, template=None):
    """Decorator: the renderer of the personal part `name`, taking (request, stellen), returning [html, …].

    template: what the tag renders with the page's own context outside a cacheable build; the renderer
    must render the same template with a context it computes itself.
    """

    def decorator(function):
        if _RENDERERS.get(name, function) is not function:
            raise ValueError(f"Personal part {name!r} already has a renderer: {_RENDERERS[name]!r}.")
        _RENDERERS[name] = function
        _TEMPLATES[name] = template
        return function

    return decorator


def _discover():
    global _discovered
    if not _discovered:
        autodiscover_modules("persoenlich")
        _discovered = True


def _renderer(name):
    _discover()
    try:
        return _RENDERERS[name]
    except KeyError:
        raise LookupError(f"Personal part {name!r} has no renderer; register one in <app>/persoenlich.py.") from None


@register(CSRF)
def _csrf(request, stellen):
    return [token(request)] * len(stellen)


# -- helpers for renderers -------------------------------------------------------------------------------------
def token(request):
    """The viewer's CSRF token, one masked value for all parts of the answer."""
    value = getattr(request, _CSRF_WERT, None)
    if value is None:
        value = get_token(request)
        setattr(request, _CSRF_WERT, value)
    return value


def teil(request, template_name, context):
    """A part's HTML: its template with `context`, the viewer (`user`, `request`) and her CSRF token.

    The page's context processors do not run: a part of each of 25 posts costs 25 small renders, not 25
    times the header's context. A part's template may therefore use only these names and its own context.
    """
    return get_template(template_name).render(
        {"request": request, "user": request.user, "csrf_token": token(request), **context}
    )


def einmal(request, key, compute):
    """compute() once per request, for what several renderers of one page need (the unread threads of a list)."""
    memo = getattr(request, _EINMAL, None)
    if memo is None:
        memo = {}
        setattr(request, _EINMAL, memo)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def allow_sharing(request, basis, cache, timeout):
    """Called by the members' page cache: `basis` (content version, visibility class, language) is the same
    for every viewer whose cached page this request may use, until the next change; parts are kept in `cache`."""
    setattr(request, _TEILEN, (basis, cache, timeout))


def eigener_stand(request, name):
    """The version of the viewer's own state `name` (her read marks), for the `merkmal` of shared parts; None
    without sharing. Changes of it that raise no content version (reading a thread) call neuer_stand."""
    teilen = getattr(request, _TEILEN, None)
    if teilen is None:
        return None
    return _stand(teilen[1], name, request.user.pk)


def neuer_stand(user, name):
    """After the member's own state `name` changed: her shared parts keyed with the old version are not used again."""
    caches[getattr(settings, "SEITENCACHE_ALIAS", "default")].set(_stand_key(name, user.pk), secrets.token_hex(8), None)


def _stand_key(name, pk):
    return f"persoenlich-stand:{name}:{pk}"


def _stand(cache, name, pk):
    # A version the cache lost is replaced by a new one, never by a default an old entry may carry.
    key = _stand_key(name, pk)
    value = cache.get(key)
    if value is None:
        value = secrets.token_hex(8)
        cache.set(key, value, None)
    return value


def geteilt(request, merkmal, name, stellen, renderer):
    """renderer(stellen) for parts that are the same for every viewer of this page with the same `merkmal`.

    Parts whose HTML depends only on the visibility class and `merkmal` (her Kommune, for the adoption form)
    are stored beside the page, all places of one call in one entry: key of content version, class, language,
    `merkmal`, part and places. The members' content version rises after every change, so a stored part never
    outlives what it shows. The viewer's CSRF token is cut out before storing, under a random mark of that
    entry, and put back per request. Without the members' page cache (another page, a superuser) parts are
    rendered as usual.
    """
    teilen = getattr(request, _TEILEN, None)
    if teilen is None or not stellen:
        return renderer(stellen)
    basis, cache, timeout = teilen
    raw = f"{basis}|{merkmal}|{name}|{[sorted(stelle.items()) for stelle in stellen]}"
    key = "persoenlich:" + hashlib.sha256(raw.encode()).hexdigest()
    entry = cache.get(key)
    if entry is None:
        marke = secrets.token_hex(16)
        entry = (marke, [str(html).replace(token(request), marke) for html in renderer(stellen)])
        cache.set(key, entry, timeout)
    marke, parts = entry
    return [part.replace(marke, token(request)) for part in parts]


@register("meldungen", template="components/meldungen.html")
def _meldungen(request, stellen):
    """The Django messages of this request (consumed here, on a cache hit too)."""
    return [render_to_string("components/meldungen.html", request=request) for _stelle in stellen]


# -- building --------------------------------------------------------------------------------------------------
def allow_build(request):
    """Called by the page cache for a request whose answer it may store for the viewer's class."""
    setattr(request, _ERLAUBT, True)


def build_allowed(request):
    return getattr(request, _ERLAUBT, False)


def mark_cacheable(request):
    """Called by a view (or the page hook) whose page is the same for every member of a class but the personal parts."""
    if build_allowed(request) and getattr(request, _BAU, None) is None:
        setattr(request, _BAU, Bau())


def members_cacheable(view):
    """Decorator for function views whose answer members may get from the page cache (see mark_cacheable)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapped


def objects(queryset, stellen, key):
    """The object each place names by its keyword `key` (a primary key), in the order of the places; one query."""
    found = queryset.in_bulk({stelle[key] for stelle in stellen})
    return [found[stelle[key]] for stelle in stellen]


def current_build(request):
    """The running build of this request, or None (also while its placeholders are being filled)."""
    bau = getattr(request, _BAU, None) if request is not None else None
    return bau if bau is not None and bau.aktiv else None


def finished_build(request):
    """The build of this request once the view has answered, to be stored and filled; None without one."""
    return getattr(request, _BAU, None)


def context(request):
    """Context processor: during a build the CSRF token is a placeholder, filled per request."""
    bau = current_build(request)
    return {"csrf_token": bau.csrf()} if bau is not None else {}


# -- rendering and filling -------------------------------------------------------------------------------------
def render(request, stellen):
    """{number: html} for the places [(name, kwargs), …], each renderer called once with all its places."""
    bau = getattr(request, _BAU, None)
    if bau is not None:
        bau.aktiv = False  # renderers' own templates render their parts directly, with the real token
    try:
        nach_name = {}
        for number, (name, kwargs) in enumerate(stellen):
            nach_name.setdefault(name, []).append((number, kwargs))
        html = {}
        for name, places in nach_name.items():
            answers = _renderer(name)(request, [kwargs for _number, kwargs in places])
            html.update({number: str(answer) for (number, _kwargs), answer in zip(places, answers, strict=True)})
        return html
    finally:
        if bau is not None:
            bau.aktiv = True


def fill(request, content, nonce, stellen):
    """content (str) with every placeholder of the build `nonce` replaced by its part for this request."""
    html = render(request, stellen)
    pattern = re.compile(platzhalter(re.escape(nonce), r"(\d+)"))
    return pattern.sub(lambda match: html.get(int(match.group(1)), ""), content)


def tag(context, name, kwargs):
    request = context.get("request")
    bau = current_build(request)
    if bau is not None:
        return mark_safe(bau.platzhalter(name, kwargs))  # noqa: S308 - letters and digits only
    _renderer(name)
    template = _TEMPLATES[name]
    if template is None:
        return mark_safe(render(request, [(name, kwargs)])[0])  # noqa: S308 - the renderer's template escaped it
    return context.template.engine.get_template(template).render(context)
