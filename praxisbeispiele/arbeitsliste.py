"""The Praxisbeispiele groups of the Redaktion's work list: submissions in review and reviews due."""

from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState

from konto.roles import is_redaktion
from netzwerk_site import arbeitsliste
from netzwerk_site.arbeitsliste import Eintrag, Gruppe
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.pruefung import review_due_q
from praxisbeispiele.submission import WORKFLOW_NAME


def einreichungen_in_pruefung():
    """Praxisbeispiele waiting in the Redaktion's review workflow, longest waiting first, with eingereicht_am."""
    # The specific relation: PraxisbeispielPage.objects filters on the workflow state's specific content type.
    in_pruefung = Q(
        _specific_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS,
        _specific_workflow_states__workflow__name=WORKFLOW_NAME,
    )
    return (
        PraxisbeispielPage.objects.filter(in_pruefung)
        .annotate(eingereicht_am=Max("_specific_workflow_states__created_at", filter=in_pruefung))
        .order_by("eingereicht_am", "pk")
    )


def pruefung_faellig(today=None):
    """Live Praxisbeispiele whose last review, or else first publication, is over 12 months old; oldest first."""
    return (
        PraxisbeispielPage.objects.live()
        .filter(review_due_q(today))
        .order_by(F("zuletzt_geprueft").asc(nulls_first=True), "first_published_at", "pk")
    )


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _eingereicht(page):
    datum = timezone.localdate(page.eingereicht_am)
    hinweis = _("eingereicht am %(datum)s") % {"datum": f"{datum:%d.%m.%Y}"}
    return Eintrag(titel=page.draft_title, url=_edit_url(page), hinweis=hinweis)


def _faellig(page):
    if page.zuletzt_geprueft:
        hinweis = _("zuletzt geprüft am %(datum)s") % {"datum": f"{page.zuletzt_geprueft:%d.%m.%Y}"}
    else:
        datum = timezone.localdate(page.first_published_at)
        hinweis = _("veröffentlicht am %(datum)s, noch nicht geprüft") % {"datum": f"{datum:%d.%m.%Y}"}
    return Eintrag(titel=page.draft_title, url=_edit_url(page), hinweis=hinweis)


@arbeitsliste.register(order=10)
def einreichungen(request, limit):
    if not is_redaktion(request.user):
        return None
    offen = einreichungen_in_pruefung()
    workflows = reverse("wagtailadmin_reports:workflow")
    return Gruppe(
        titel=_("Einreichungen in Prüfung"),
        anzahl=offen.count(),
        eintraege=arbeitsliste.eintraege(offen, limit, _eingereicht),
        alle_url=workflows,
        menu_url=workflows,
    )


@arbeitsliste.register(order=50)
def pruefungen(request, limit):
    if not is_redaktion(request.user):
        return None
    faellig = pruefung_faellig()
    liste = reverse("praxisbeispiel_listing:index")
    return Gruppe(
        titel=_("Praxisbeispiele zur Prüfung fällig"),
        anzahl=faellig.count(),
        eintraege=arbeitsliste.eintraege(faellig, limit, _faellig),
        alle_url=f"{liste}?pruefung_faellig=true",
        menu_url=liste,
    )
