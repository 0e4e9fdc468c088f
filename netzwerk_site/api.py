"""Read-only open data: Wagtail API v2 at /api/v2/."""

import re

from django.http import QueryDict

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

SEARCH_OPERATORS = {"and", "or"}
# Wagtail's database backend hands quotes, brackets and operators on to SQLite FTS5, which fails with
# a server error on unbalanced ones (wagtail/wagtail#13227). Only words reach the backend.
NOT_A_WORD = re.compile(r"[^\w\s-]+")


class WortSuchFilter(SearchFilter):
    """Wagtail's ?search= with the operator checked and the query reduced to words: 400, never 500."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        params = request.GET.copy()
        params["search"] = " ".join(NOT_A_WORD.sub(" ", params["search"].replace("\x00", " ")).split())
        original = request._request.GET
        request._request.GET = QueryDict(params.urlencode())
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


class PortalPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [WortSuchFilter if f is SearchFilter else f for f in PagesAPIViewSet.filter_backends]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
