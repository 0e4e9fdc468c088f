from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from betrieb import health


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """For the load balancer: 200 while the database answers, else 503.

    A search engine that is down does not take the site out of rotation: the portal falls back to the
    database engine, so the answer stays 200 and reports "suche": "ausweichbetrieb" for monitoring.
    Reads no session and writes nothing.
    """
    zustand = health.zustand()
    return JsonResponse(zustand, status=200 if zustand["datenbank"] == health.OK else 503)
