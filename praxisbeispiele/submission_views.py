"""Members propose a Praxisbeispiel; Redaktion reviews it in the Wagtail admin."""

from django.shortcuts import get_object_or_404, redirect, render

from konto.permissions import members_only
from netzwerk_site.idempotency import idempotent
from praxisbeispiele.forms import EinreichungForm
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.submission import create_submission


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
