"""The Praxisbeispiele the Auftaktdialog documented under each Handlungsfeld, for its Themenfeld and its own page."""

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import ngettext

from netzwerk_site import inhaltsstand, sections
from netzwerk_site.sections import Section
from praxisbeispiele.models import PraxisbeispielPage

PRO_HANDLUNGSFELD = 5


@sections.register("handlungsfeld")
def praxisbeispiele_zu_handlungsfeldern(request, handlungsfelder):
    """{pk: Section} with the first few Praxisbeispiele by title and a link to all of them.

    One query reads the first PRO_HANDLUNGSFELD of each Handlungsfeld and how many it has (window functions),
    not every example: a Themenfeld of 3,000 examples read them all. The public examples are the same for
    every viewer until the content changes, so the result is kept until then (netzwerk_site.inhaltsstand).
    """
    pks = tuple(handlungsfeld.pk for handlungsfeld in handlungsfelder)
    host = request.get_host() if request is not None else ""
    gefunden = inhaltsstand.gemerkt(request, "handlungsfeld-beispiele", (host, pks), lambda: _erste(request, pks))
    return {
        handlungsfeld.pk: _section(request, handlungsfeld, *gefunden[handlungsfeld.pk])
        for handlungsfeld in handlungsfelder
        if handlungsfeld.pk in gefunden
    }


def _erste(request, pks):
    """{Handlungsfeld pk: (number of examples, [(title, url) of the first few by title])}."""
    pages = (
        PraxisbeispielPage.objects.published()
        .filter(handlungsfelder__in=pks)
        .annotate(
            handlungsfeld_pk=F("handlungsfelder"),
            rang=Window(RowNumber(), partition_by=F("handlungsfelder"), order_by=[F("title").asc(), F("pk").asc()]),
            im_feld=Window(Count("pk"), partition_by=F("handlungsfelder")),
        )
        .filter(rang__lte=PRO_HANDLUNGSFELD)
        .only("title", "url_path")
        .order_by("title", "pk")
    )
    gefunden = {}
    for page in pages:
        gefunden.setdefault(page.handlungsfeld_pk, (page.im_feld, []))[1].append((page.title, page.get_url(request)))
    return gefunden


def _section(request, handlungsfeld, anzahl, eintraege):
    context = {
        "titel": ngettext("Praxisbeispiel", "Praxisbeispiele", anzahl),
        "eintraege": [{"title": title, "url": url} for title, url in eintraege],
        "anzahl": anzahl,
        # The Handlungsfeld's own page shows every one of them as a card.
        "alle_url": handlungsfeld.get_url(request),
        "alle_text": ngettext("Das Praxisbeispiel ansehen", "Alle %(anzahl)d Praxisbeispiele ansehen", anzahl)
        % {"anzahl": anzahl},
    }
    return Section("components/handlungsfeld_verweise.html", context, order=10)
