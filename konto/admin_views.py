"""Wagtail admin view with which Redaktion invites new members."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from konto.forms import EinladungForm
from konto.invitations import create_invitation, send_invitation
from konto.models import Einladung


def einladen(request):
    if not request.user.has_perm("konto.add_einladung"):
        raise PermissionDenied
    form = EinladungForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        einladung, raw_token = create_invitation(created_by=request.user, **form.cleaned_data)
        send_invitation(einladung, raw_token)
        messages.success(request, _("Die Einladung an %(email)s wurde verschickt.") % {"email": einladung.email})
        return redirect("konto_einladen")
    context = {
        "form": form,
        "einladungen": Einladung.objects.select_related("kommune", "organisation", "created_by")[:50],
        "page_title": _("Mitglied einladen"),
        "header_title": _("Mitglied einladen"),
        "header_icon": "mail",
    }
    return TemplateResponse(request, "konto/admin/einladen.html", context)
