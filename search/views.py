"""The search page /suche/ and the JSON API /api/suche/: parse input, call search.suche, render."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import presentation
from search.suche import API_MAX_LIMIT, PER_PAGE, suchen


@require_GET
def suche(request):
    params = presentation.parse(request.GET)
    page_number = params["seite"]
    result = suchen(
        params["q"],
        request.user,
        typ=params["typ"],
        themenfeld=params["themenfeld"],
        kommune=params["kommune"],
        offset=(page_number - 1) * PER_PAGE,
        limit=PER_PAGE,
    )
    paginator = Paginator(presentation.PageWindow(result.ergebnis), PER_PAGE)
    seite = paginator.get_page(page_number)
    context = {
        **presentation.page_context(params, result),
        "seite": seite,
        "querystring_base": presentation.querystring(params, without="seite"),
    }
    return render(request, "search/suche.html", context)


@require_GET
def api_suche(request):
    params = presentation.parse(request.GET)
    limit = presentation.parse_int(request.GET.get("limit"), default=PER_PAGE, low=1, high=API_MAX_LIMIT)
    result = suchen(params["q"], request.user, typ=params["typ"], themenfeld=params["themenfeld"], limit=limit)
    return JsonResponse(presentation.api_payload(result), json_dumps_params={"ensure_ascii": False})
