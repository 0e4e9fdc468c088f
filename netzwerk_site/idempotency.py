"""A creating POST sent twice (a double click, a form sent again) creates one object.

`@idempotent` keys each POST by its sender (the member, or the client address of an anonymous visitor),
the path and a hash of the submitted fields and files. The first such POST reserves the key with
`cache.add`, which is atomic in a shared cache, runs the view and, if the view redirects to its result,
keeps that address for DOPPELTE_POSTS_SEKUNDEN. An identical POST within that window creates nothing and
is sent to the same address. A POST that fails (form errors, a refusal) frees the key, so it can be
corrected and sent again.

Only a repeat with nothing in between is a double submission. LastPostMiddleware remembers, per sender, the
key of the last successful POST; any other successful POST of that sender (cancelling the registration,
deleting the post) replaces it, so a genuine new registration after a cancellation is created again.
"""

import hashlib
import json
import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from netzwerk_site.client_address import client_address
from netzwerk_site.refusals import Refusal

CACHE_PREFIX = "doppelt"
LAST_PREFIX = "doppelt-letzter"
PENDING = ""
WAIT_SECONDS = 5
POLL_SECONDS = 0.2

SCHON_GESPEICHERT = _("Sie hatten dieses Formular bereits abgeschickt. Ihre Eingabe ist einmal gespeichert.")
NOCH_IN_ARBEIT = _(
    "Dieses Formular wird gerade schon verarbeitet. Öffnen Sie die Seite in einigen Sekunden erneut und prüfen Sie, "
    "ob Ihre Eingabe gespeichert ist."
)


def idempotent(view):
    """Let an identical POST within the window land on the result of the first instead of creating again."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        window = settings.DOPPELTE_POSTS_SEKUNDEN
        if request.method != "POST" or window <= 0:
            return view(request, *args, **kwargs)
        key = submission_key(request)
        request.idempotency_key = key
        if not cache.add(key, PENDING, timeout=window):
            location = _wait_for_first(key)
            if location and cache.get(_last_key(request)) == key:
                messages.info(request, SCHON_GESPEICHERT)
                return redirect(location)
            if location:
                # The sender posted something else since (e.g. cancelled): this is a new submission.
                cache.set(key, PENDING, timeout=window)
            # The first POST failed and freed the key: this one runs, unless a third was quicker.
            elif location == PENDING or not cache.add(key, PENDING, timeout=window):
                raise Refusal(NOCH_IN_ARBEIT, status=409)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            cache.delete(key)
            raise
        if response.status_code in (301, 302, 303):
            cache.set_many({key: response["Location"], _last_key(request): key}, timeout=window)
        else:
            cache.delete(key)
        return response

    return wrapper


class LastPostMiddleware:
    """Forget a sender's last @idempotent result as soon as the sender successfully POSTs anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "POST"
            and response.status_code < 400
            and not hasattr(request, "idempotency_key")
            and settings.DOPPELTE_POSTS_SEKUNDEN > 0
        ):
            cache.delete(_last_key(request))
        return response


def submission_key(request):
    """The cache key of a POST: who sent which fields and files to which path."""
    digest = hashlib.sha256()
    for part in (_sender(request), request.path, _fields(request)):
        digest.update(part.encode())
        digest.update(b"\0")
    for name, files in sorted(request.FILES.lists()):
        for upload in files:
            digest.update(f"{name}:{upload.name}:{upload.size}".encode())
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    return f"{CACHE_PREFIX}:{digest.hexdigest()}"


def _last_key(request):
    return f"{LAST_PREFIX}:{_sender(request)}"


def _sender(request):
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"adresse:{client_address(request)}"


def _fields(request):
    # The CSRF token is masked afresh for every page, so two displays of the same form differ only in it.
    fields = sorted((name, values) for name, values in request.POST.lists() if name != "csrfmiddlewaretoken")
    return json.dumps(fields, ensure_ascii=False)


def _wait_for_first(key):
    """The first POST's result address, PENDING if it is still at work after a few seconds, None if it failed."""
    deadline = time.monotonic() + WAIT_SECONDS
    location = cache.get(key)
    while location == PENDING and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        location = cache.get(key)
    return location
