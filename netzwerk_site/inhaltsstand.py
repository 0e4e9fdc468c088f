"""Results that depend only on the published content, kept until the next change of it.

A cold page build of the library counts every facet over all Praxisbeispiele (75 ms of SQL for 10,000 of
them on SQLite); the counts for one selection are the same for every request until content changes. The
page caches read the content version for each request anyway (betrieb.page_cache: the public generation for
visitors, the members' generation for members; both rise after the commit of every change) and hand it over
with `setzen`; `gemerkt` then keeps a result under that version. Without a version (the cache is off, a
superuser) nothing is kept and the result is computed as before.
"""

import hashlib

_STAND = "_netzwerk_inhaltsstand"


def setzen(request, stand, cache, timeout):
    """Called by the page caches: this request sees content version `stand` (a string), kept in `cache`."""
    setattr(request, _STAND, (stand, cache, timeout))


def aktiv(request):
    """True when this request has a content version, so that gemerkt keeps results."""
    return request is not None and getattr(request, _STAND, None) is not None


def gemerkt(request, name, schluessel, berechnen):
    """berechnen(), or what it gave for the same name and key under this request's content version."""
    stand = getattr(request, _STAND, None) if request is not None else None
    if stand is None:
        return berechnen()
    version, cache, timeout = stand
    key = "inhalt:" + hashlib.sha256(f"{version}|{name}|{schluessel!r}".encode()).hexdigest()
    wert = cache.get(key)
    if wert is None:
        wert = berechnen()
        cache.set(key, wert, timeout)
    return wert
