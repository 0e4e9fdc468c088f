"""Serving calendar feeds: ETag and Last-Modified from one cheap query, the body from the cache.

Clients poll subscriptions every few hours; most polls end in a 304 after one query, and an
unchanged feed is built only once.
"""

import hashlib
import json

from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from netzwerk_site.models import Themenfeld
from veranstaltungen import ical
from veranstaltungen.models import Ausnahme

CONTENT_TYPE = "text/calendar; charset=utf-8"
REMOVED_KEY = "veranstaltungen:kalender:entfernt"
BODY_TIMEOUT = 24 * 60 * 60


def note_removal():
    """Remember when a Veranstaltung left the feeds (unpublished, deleted, registration cancelled).

    Removals leave no row whose change time could move Last-Modified forward.
    """
    cache.set(REMOVED_KEY, timezone.now().timestamp(), None)


def validators(rows, extra, request):
    """(ETag, Last-Modified timestamp) for the feed rows (pk, sequence, changed_at)."""
    payload = [ical.FORMAT_VERSION, request.get_host(), request.is_secure(), extra, [list(map(str, r)) for r in rows]]
    etag = quote_etag(hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:32])
    stamps = [r[2].timestamp() for r in rows if r[2] is not None]
    removed = cache.get(REMOVED_KEY)
    if removed:
        stamps.append(removed)
    return etag, int(max(stamps)) if stamps else 0


def serve(request, queryset, *, name, filename, description="", for_member=False, anmeldungen=None, download=False):
    """The calendar of queryset as an HTTP response, or 304 if the client's copy is current."""
    rows = list(queryset.order_by("pk").values_list("pk", "sequence", "ical_changed_at"))
    extra = [name, for_member, sorted((pk, str(s)) for pk, s in (anmeldungen or {}).items())]
    etag, last_modified = validators(rows, extra, request)
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if isinstance(not_modified, HttpResponseNotModified):
        return _with_validators(not_modified, etag, last_modified)
    key = f"veranstaltungen:kalender:{etag}"
    body = cache.get(key)
    if body is None:
        pages = _with_feed_data(queryset.order_by("start_date", "pk"))
        links = {page.pk: page.get_full_url(request) for page in pages}
        calendar = ical.build_calendar(
            pages, links, name=name, description=description, for_member=for_member, anmeldungen=anmeldungen
        )
        body = calendar.to_ical()
        cache.set(key, body, BODY_TIMEOUT)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-cache" if for_member else "public, max-age=900"
    return _with_validators(response, etag, last_modified)


def _with_validators(response, etag, last_modified):
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    return response


def _with_feed_data(queryset):
    return queryset.select_related("veranstalter").prefetch_related(
        Prefetch("themenfelder", queryset=Themenfeld.objects.order_by("order")),
        Prefetch("ausnahmen", queryset=Ausnahme.objects.order_by("datum")),
    )
