"""Members propose a Praxisbeispiel; Redaktion reviews it in the Wagtail admin; members revise it on request."""

from django.shortcuts import get_object_or_404, redirect, render

from konto.permissions import members_only
from netzwerk_site.idempotency import idempotent
from praxisbeispiele.forms import EinreichungForm, UeberarbeitungForm
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import (
    attachments,
    create_submission,
    form_initial,
    needs_changes_state,
    resubmit,
)


@members_only
@idempotent
def einreichen(request):
    form = EinreichungForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        page = create_submission(request.user, form.cleaned_data, form.cleaned_data["anhaenge"])
        return redirect("einreichung:danke", pk=page.pk)
    return render(request, "praxisbeispiele/einreichen.html", {"form": form})


@members_only
def einreichung_danke(request, pk):
    page = get_object_or_404(PraxisbeispielPage, pk=pk, eingereicht_von=request.user)
    return render(request, "praxisbeispiele/einreichung_danke.html", {"einreichung": page})


@members_only
@idempotent
def einreichung_bearbeiten(request, pk):
    """The submitter revises her submission after Redaktion asked for changes and sends it back for review."""
    page = get_object_or_404(PraxisbeispielPage, pk=pk, eingereicht_von=request.user)
    state = needs_changes_state(page)
    entwurf = page.get_latest_revision_as_object()
    form = UeberarbeitungForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial=form_initial(entwurf),
        anhaenge=attachments(entwurf),
    )
    if request.method == "POST" and form.is_valid():
        resubmit(page, request.user, form.cleaned_data, form.cleaned_data["anhaenge"])
        return redirect("einreichung:ueberarbeitet", pk=page.pk)
    context = {"form": form, "einreichung": entwurf, "kommentar": state.current_task_state.comment}
    return render(request, "praxisbeispiele/einreichung_bearbeiten.html", context)


@members_only
def einreichung_ueberarbeitet(request, pk):
    page = get_object_or_404(PraxisbeispielPage, pk=pk, eingereicht_von=request.user)
    return render(request, "praxisbeispiele/einreichung_ueberarbeitet.html", {"einreichung": page})
