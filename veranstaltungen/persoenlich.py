"""The Veranstaltung's personal part: the member's registration (netzwerk_site/persoenlich.py)."""

from django.template.loader import render_to_string

from netzwerk_site import persoenlich
from veranstaltungen.anmeldung import anmeldestand, eigene_anmeldung
from veranstaltungen.models import VeranstaltungPage
from veranstaltungen.permissions import may_register, may_see_teilnehmende


@persoenlich.register("anmeldung", template="veranstaltungen/includes/anmeldung.html")
def anmeldung(request, stellen):
    """The registration box: seats, the viewer's own registration, her buttons and the list link."""
    return [
        _anmeldung(request, page) for page in persoenlich.objects(VeranstaltungPage.objects, stellen, "veranstaltung")
    ]


def _anmeldung(request, page):
    context = {
        "page": page,
        "anmeldestand": anmeldestand(page),
        "eigene_anmeldung": eigene_anmeldung(page, request.user),
        "may_register": may_register(request.user, page),
        "may_see_teilnehmende": may_see_teilnehmende(request.user, page),
    }
    return render_to_string("veranstaltungen/includes/anmeldung.html", context, request=request)
