from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from konto.permissions import members_only
from netzwerk_site.refusals import Refusal
from netzwerk_site.visibility import public_pages
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.permissions import is_own_example, may_record_uebernahme, may_withdraw_kontakt
from praxisbeispiele.uebernahmen import UebernahmeForm, save_uebernahme, withdraw_kontakt, withdraw_uebernahme

NUR_KOMMUNEN = gettext_lazy(
    "Übernahmen meldet eine Kommune. Ihr Konto gehört zu keiner Kommune; wenden Sie sich an die Redaktion, wenn "
    "das nicht stimmt."
)
EIGENES_BEISPIEL = gettext_lazy(
    "Dieses Praxisbeispiel stammt aus Ihrer Kommune. Übernahmen melden andere Kommunen; Änderungen am Beispiel "
    "schicken Sie bitte an die Redaktion."
)


def _refuse_unless_may_record(user, praxisbeispiel):
    if not may_record_uebernahme(user, praxisbeispiel):
        raise Refusal(EIGENES_BEISPIEL if is_own_example(user, praxisbeispiel) else NUR_KOMMUNEN)


def _live_praxisbeispiel(pk):
    return get_object_or_404(public_pages(PraxisbeispielPage.objects.live()), pk=pk)


@members_only
@require_POST
def uebernahme_speichern(request, pk):
    praxisbeispiel = _live_praxisbeispiel(pk)
    _refuse_unless_may_record(request.user, praxisbeispiel)
    form = UebernahmeForm(request.POST)
    if not form.is_valid():
        # The page again, with the errors at their fields and in the focused summary (WCAG 3.3.1).
        context = praxisbeispiel.get_context(request, uebernahme_form=form)
        return TemplateResponse(request, praxisbeispiel.get_template(request), context)
    _uebernahme, created = save_uebernahme(praxisbeispiel, request.user, form.cleaned_data)
    text = _("Die Übernahme wurde erfasst.") if created else _("Die Übernahme wurde aktualisiert.")
    messages.success(request, text)
    return redirect(praxisbeispiel.url + "#uebernahmen")


@members_only
@require_POST
def uebernahme_zurueckziehen(request, pk):
    praxisbeispiel = _live_praxisbeispiel(pk)
    _refuse_unless_may_record(request.user, praxisbeispiel)
    if withdraw_uebernahme(praxisbeispiel, request.user):
        messages.success(request, _("Die Übernahme Ihrer Kommune wurde zurückgezogen."))
    return redirect(praxisbeispiel.url + "#uebernahmen")


@members_only
@require_POST
def kontakt_widerrufen(request, pk):
    """The contact person withdrew her consent: Redaktion or the submitter removes her from the page."""
    praxisbeispiel = _live_praxisbeispiel(pk)
    if not may_withdraw_kontakt(request.user, praxisbeispiel):
        raise Refusal(
            _(
                "Die Einwilligung der Ansprechperson widerrufen die Redaktion oder wer das Praxisbeispiel eingereicht "
                "hat. Bitte wenden Sie sich an die Redaktion."
            )
        )
    withdraw_kontakt(praxisbeispiel, request.user)
    messages.success(request, _("Die Ansprechperson und ihre Einwilligung wurden entfernt."))
    return redirect(praxisbeispiel.url)
