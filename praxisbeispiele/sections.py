"""What the Praxisbeispiele add to the home page, a Themenfeld page and a Handlungsfeld page."""

from netzwerk_site import inhaltsstand, sections
from netzwerk_site.models import HandlungsfeldPage, HomePage, ThemenfeldPage
from netzwerk_site.sections import Section
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import einreichungen_von

STARTSEITE = 6
THEMENFELD = 6


@sections.register("seite")
def praxisbeispiele_section(request, page):
    if isinstance(page, HomePage):
        neueste = _neueste(request, "startseite", PraxisbeispielPage.objects.published(), STARTSEITE)
        return Section("praxisbeispiele/sections/startseite.html", {"neueste_praxisbeispiele": neueste}, order=10)
    if isinstance(page, ThemenfeldPage):
        alle = PraxisbeispielPage.objects.published().filter(themenfelder=page.themenfeld_id)
        # The newest few; the library lists them all with filters and pages.
        context = {
            "praxisbeispiele": _neueste(request, f"themenfeld-{page.themenfeld_id}", alle, THEMENFELD),
            "praxisbeispiele_anzahl": inhaltsstand.gemerkt(
                request, "themenfeld-anzahl", page.themenfeld_id, alle.count
            ),
        }
        return Section("praxisbeispiele/sections/themenfeld.html", context, order=10)
    if isinstance(page, HandlungsfeldPage):
        context = {"praxisbeispiele": PraxisbeispielPage.objects.published().for_cards().filter(handlungsfelder=page)}
        return Section("praxisbeispiele/sections/handlungsfeld.html", context, order=10)
    return None


def _neueste(request, name, pages, anzahl):
    """The newest published examples as cards. Which ones is kept until the content changes
    (netzwerk_site.inhaltsstand): sorting 10,000 examples by date is what grows; their cards load by key."""
    neueste = pages.for_cards().order_by("-first_published_at", "-pk")
    if not inhaltsstand.aktiv(request):
        return neueste[:anzahl]
    pks = inhaltsstand.gemerkt(
        request, "neueste-praxisbeispiele", name, lambda: list(neueste.values_list("pk", flat=True)[:anzahl])
    )
    return sorted(PraxisbeispielPage.objects.for_cards().filter(pk__in=pks), key=lambda page: pks.index(page.pk))


@sections.register("konto")
def einreichungen_section(request, user):
    """The member's submissions with their state and the Redaktion's comment."""
    return Section("praxisbeispiele/sections/konto.html", {"einreichungen": einreichungen_von(user)}, order=20)
