"""What the Praxisbeispiele add to the home page, a Themenfeld page and a Handlungsfeld page."""

from netzwerk_site import sections
from netzwerk_site.models import HandlungsfeldPage, HomePage, ThemenfeldPage
from netzwerk_site.sections import Section
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import einreichungen_von

STARTSEITE = 6
THEMENFELD = 6


@sections.register("seite")
def praxisbeispiele_section(request, page):
    if isinstance(page, HomePage):
        neueste = PraxisbeispielPage.objects.published().for_cards().order_by("-first_published_at", "-pk")[:STARTSEITE]
        return Section("praxisbeispiele/sections/startseite.html", {"neueste_praxisbeispiele": neueste}, order=10)
    if isinstance(page, ThemenfeldPage):
        alle = PraxisbeispielPage.objects.published().for_cards().filter(themenfelder=page.themenfeld)
        # The newest few; the library lists them all with filters and pages.
        context = {
            "praxisbeispiele": alle.order_by("-first_published_at", "-pk")[:THEMENFELD],
            "praxisbeispiele_anzahl": alle.count(),
        }
        return Section("praxisbeispiele/sections/themenfeld.html", context, order=10)
    if isinstance(page, HandlungsfeldPage):
        context = {"praxisbeispiele": PraxisbeispielPage.objects.published().for_cards().filter(handlungsfelder=page)}
        return Section("praxisbeispiele/sections/handlungsfeld.html", context, order=10)
    return None


@sections.register("konto")
def einreichungen_section(request, user):
    """The member's submissions with their state and the Redaktion's comment."""
    return Section("praxisbeispiele/sections/konto.html", {"einreichungen": einreichungen_von(user)}, order=20)
