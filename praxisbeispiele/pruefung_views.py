"""The one-click "Ist das noch aktuell?" confirmation from the reminder mail; no login needed (signed link)."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from praxisbeispiele import erinnerungen


@require_http_methods(["GET", "POST"])
def pruefung_bestaetigen(request, token):
    """GET shows the page's title and a button; only POST sets the review date."""
    try:
        page = erinnerungen.page_for(token)
    except erinnerungen.UngueltigerLink as error:
        return render(request, "praxisbeispiele/pruefung_bestaetigen.html", {"fehler": str(error)}, status=400)
    bestaetigt = request.method == "POST"
    if bestaetigt:
        erinnerungen.bestaetigen(page)
    context = {"page": page, "bestaetigt": bestaetigt, "aendern_url": erinnerungen.aendern_url(page)}
    return render(request, "praxisbeispiele/pruefung_bestaetigen.html", context)
