"""The Praxisbeispiele the Auftaktdialog documented under each Handlungsfeld, for its Themenfeld and its own page."""

from django.db.models import F
from django.utils.translation import ngettext

from netzwerk_site import sections
from netzwerk_site.sections import Section
from praxisbeispiele.models import PraxisbeispielPage

PRO_HANDLUNGSFELD = 5


@sections.register("handlungsfeld")
def praxisbeispiele_zu_handlungsfeldern(request, handlungsfelder):
    """{pk: Section} with the first few Praxisbeispiele by title and a link to all of them; one query."""
    gefunden = {}
    pages = (
        PraxisbeispielPage.objects.published()
        .filter(handlungsfelder__in=[handlungsfeld.pk for handlungsfeld in handlungsfelder])
        .annotate(handlungsfeld_pk=F("handlungsfelder"))
        .only("title", "url_path")
        .order_by("title", "pk")
    )
    for page in pages:
        gefunden.setdefault(page.handlungsfeld_pk, []).append(page)
    return {
        handlungsfeld.pk: _section(request, handlungsfeld, gefunden[handlungsfeld.pk])
        for handlungsfeld in handlungsfelder
        if handlungsfeld.pk in gefunden
    }


def _section(request, handlungsfeld, pages):
    anzahl = len(pages)
    context = {
        "titel": ngettext("Praxisbeispiel", "Praxisbeispiele", anzahl),
        "eintraege": [{"title": page.title, "url": page.get_url(request)} for page in pages[:PRO_HANDLUNGSFELD]],
        "anzahl": anzahl,
        # The Handlungsfeld's own page shows every one of them as a card.
        "alle_url": handlungsfeld.get_url(request),
        "alle_text": ngettext("Das Praxisbeispiel ansehen", "Alle %(anzahl)d Praxisbeispiele ansehen", anzahl)
        % {"anzahl": anzahl},
    }
    return Section("components/handlungsfeld_verweise.html", context, order=10)
