"""The search page /suche/ and the JSON API /api/suche/: parse input, call search.service, render."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from netzwerk_site.auswahl import declare, paginate
from search import presentation
from search.service import API_MAX_LIMIT, PER_PAGE, suchen

MAX_PAGE = 10_000


@require_GET
def suche(request):
    auswahl, params = presentation.parse(request.GET)
    requested = presentation.parse_int(auswahl.seite, default=1, low=1, high=MAX_PAGE)
    result = _suchen(request.user, params, requested)
    seite, page_notices = paginate(presentation.PageWindow(result.ergebnis), auswahl.seite, PER_PAGE)
    if seite.number != requested and result.ergebnis.count:
        result = _suchen(request.user, params, seite.number)
        seite.object_list = result.ergebnis.treffer
    context = {
        **presentation.page_context(auswahl, result, request.GET),
        "seite": seite,
        "notices": [
            *auswahl.notices,
            *(page_notices if params["q"] else ()),
            *([result.hinweis] if result.hinweis else ()),
        ],
    }
    return render(request, "search/suche.html", context)


def _suchen(user, params, page_number):
    return suchen(
        params["q"],
        user,
        typ=params["typ"],
        themenfeld=params["themenfeld"],
        kommune=params["kommune"],
        offset=(page_number - 1) * PER_PAGE,
        limit=PER_PAGE,
    )


@require_GET
def api_suche(request):
    _auswahl, params = presentation.parse(request.GET)
    declare("limit")
    limit = presentation.parse_int(request.GET.get("limit"), default=PER_PAGE, low=1, high=API_MAX_LIMIT)
    result = suchen(params["q"], request.user, typ=params["typ"], themenfeld=params["themenfeld"], limit=limit)
    return JsonResponse(presentation.api_payload(result), json_dumps_params={"ensure_ascii": False})
