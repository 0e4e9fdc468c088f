"""The next Veranstaltungen on each Handlungsfeld that the viewer may see."""

from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from netzwerk_site import sections
from netzwerk_site.sections import Section
from veranstaltungen.models import VeranstaltungPage
from veranstaltungen.queries import nach_naechstem_termin, today

PRO_HANDLUNGSFELD = 3


@sections.register("handlungsfeld")
def veranstaltungen_zu_handlungsfeldern(request, handlungsfelder):
    """{pk: Section} with the next few Veranstaltungen by date; one query, nothing where none is coming."""
    gefunden = {}
    pages = nach_naechstem_termin(
        VeranstaltungPage.objects.visible_to(request.user)
        .filter(handlungsfelder__in=[handlungsfeld.pk for handlungsfeld in handlungsfelder])
        .annotate(handlungsfeld_pk=F("handlungsfelder"))
        .only("title", "url_path", "naechster_beginn"),
        today(),
    )
    for page in pages:
        gefunden.setdefault(page.handlungsfeld_pk, []).append(page)
    return {pk: _section(request, found) for pk, found in gefunden.items()}


def _section(request, pages):
    eintraege = [
        {"title": f"{_datum(page.naechster_beginn)}: {page.title}", "url": page.get_url(request)}
        for page in pages[:PRO_HANDLUNGSFELD]
    ]
    context = {"titel": gettext("Nächste Veranstaltungen"), "eintraege": eintraege, "anzahl": len(eintraege)}
    return Section("components/handlungsfeld_verweise.html", context, order=20)


def _datum(beginn):
    return date_format(timezone.localtime(beginn) if timezone.is_aware(beginn) else beginn, "d.m.Y")
