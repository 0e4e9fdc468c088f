from collections import Counter

from django.conf import settings
from django.shortcuts import redirect, render

from netzwerk_site import auswahl as liste
from netzwerk_site import barrieren, facets, queries
from netzwerk_site.barrieren import BarriereForm
from netzwerk_site.client_address import client_address
from netzwerk_site.idempotency import idempotent
from netzwerk_site.persoenlich import members_cacheable


@members_cacheable
def umsetzung(request):
    """All 33 Handlungsfelder with responsibility and state; unknown filter values are ignored with a notice."""
    auswahl, options = liste.load(liste.parse(request.GET, facets.UMSETZUNG), facets.UMSETZUNG)
    handlungsfelder = list(queries.umsetzung(auswahl))
    context = {
        "handlungsfelder": handlungsfelder,
        "themenfelder": options["themenfeld"],
        "staende": options["stand"],
        "gewaehlt": {"themenfeld": auswahl.get("themenfeld"), "stand": auswahl.get("stand")},
        "notices": auswahl.notices,
        "summen": Counter(h.umsetzungsstand for h in handlungsfelder),
    }
    return render(request, "netzwerk_site/umsetzung.html", context)


@idempotent
def barriere_melden(request):
    form = BarriereForm(request.POST or None, initial={"seite": request.GET.get("seite", "")[:500]})
    if request.method == "POST" and barrieren.melden(form, client_address(request)):
        return redirect("barriere_danke")
    return render(
        request,
        "netzwerk_site/barriere_melden.html",
        {"form": form, "redaktion_email": settings.REDAKTION_EMAIL},
        status=form.status,
    )


def barriere_danke(request):
    return render(request, "netzwerk_site/barriere_danke.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the site layout and what to do instead of Django's bare English page."""
    response = render(request, "csrf_failure.html", status=403)
    response["Cache-Control"] = "private, no-store"
    return response
