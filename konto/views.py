from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from konto import wochenueberblick
from konto.benachrichtigungen import als_gelesen_markieren, ungelesen
from konto.forms import AnmeldeForm, EinladungAnnehmenForm, KontoLoeschenForm, MailabwahlForm, PasswortAendernForm
from konto.invitations import accept_invitation, find_usable_invitation
from konto.models import Benachrichtigung
from konto.personal_data import delete_account, export_zip
from konto.roles import is_redaktion
from netzwerk_site.auswahl import PAGE_PARAM, declare, paginate
from netzwerk_site.persoenlich import members_cacheable


class AnmeldenView(auth_views.LoginView):
    """The portal's login; the Redaktion lands in the Wagtail admin, members on /konto/, unless a safe next is given."""

    template_name = "konto/anmelden.html"
    authentication_form = AnmeldeForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        if is_redaktion(self.request.user):
            return reverse("wagtailadmin_home")
        return super().get_default_redirect_url()


class PasswortAendernView(auth_views.PasswordChangeView):
    """Change the password while logged in; the session stays valid (update_session_auth_hash in form_valid)."""

    template_name = "konto/passwort_aendern.html"
    form_class = PasswortAendernForm
    success_url = reverse_lazy("konto:uebersicht")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Ihr Passwort ist geändert. Sie bleiben angemeldet."))
        return response


@login_required
@members_cacheable
def uebersicht(request):
    """The member's overview; cached for her alone (betrieb.page_cache.PRO_PERSON), with her personal parts."""
    context = {"mitglied": request.user}
    return render(request, "konto/uebersicht.html", context)


@never_cache
def einladung(request, token):
    """Let an invited person choose username and password; expired or used links are refused."""
    einladung = find_usable_invitation(token)
    if einladung is None:
        return render(request, "konto/einladung_ungueltig.html", status=410)
    form = EinladungAnnehmenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = accept_invitation(token, username=form.cleaned_data["username"], password=form.cleaned_data["password1"])
        if user is None:
            return render(request, "konto/einladung_ungueltig.html", status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Willkommen im Netzwerk. Ihr Konto ist eingerichtet."))
        return redirect("konto:uebersicht")
    return render(request, "konto/einladung.html", {"form": form, "einladung": einladung})


@login_required
def daten_herunterladen(request):
    """Everything the portal holds about the member, as one ZIP file (GDPR Art. 15 and 20)."""
    response = HttpResponse(export_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="meine-daten-netzwerk-integration.zip"'
    return response


@login_required
def konto_loeschen(request):
    """Delete the account after the password is confirmed; posts stay as "ehemaliges Mitglied"."""
    form = KontoLoeschenForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        delete_account(request.user)
        logout(request)
        messages.success(request, _("Ihr Konto wurde gelöscht. Ihre persönlichen Daten sind entfernt."))
        return redirect("/")
    return render(request, "konto/loeschen.html", {"form": form})


BENACHRICHTIGUNGEN_PRO_SEITE = 20


@login_required
def benachrichtigungen(request):
    """The member's Benachrichtigungen, newest first, and which of them she also wants by e-mail."""
    form = MailabwahlForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ihre E-Mail-Einstellungen sind gespeichert."))
        return redirect("konto:benachrichtigungen")
    declare(PAGE_PARAM)
    seite, notices = paginate(
        Benachrichtigung.objects.filter(user=request.user), request.GET.get(PAGE_PARAM, 1), BENACHRICHTIGUNGEN_PRO_SEITE
    )
    context = {
        "seite": seite,
        "notices": notices,
        "form": form,
        "ungelesen": ungelesen(request.user),
        "crumbs": [(_("Mein Konto"), reverse("konto:uebersicht"))],
    }
    return render(request, "konto/benachrichtigungen.html", context)


@login_required
def benachrichtigung_oeffnen(request, pk):
    """Mark one of the member's own Benachrichtigungen read and go to what it is about; others' are 404."""
    benachrichtigung = get_object_or_404(Benachrichtigung, pk=pk, user=request.user)
    als_gelesen_markieren(request.user, pk=benachrichtigung.pk)
    if benachrichtigung.url and url_has_allowed_host_and_scheme(
        benachrichtigung.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(benachrichtigung.url)
    return redirect("konto:benachrichtigungen")


@login_required
@require_POST
def benachrichtigungen_gelesen(request):
    """Mark all of the member's Benachrichtigungen read."""
    als_gelesen_markieren(request.user)
    messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
    return redirect("konto:benachrichtigungen")


@csrf_exempt  # The signed token authenticates; RFC 8058 one-click POSTs from mail clients carry no CSRF token.
@never_cache
def wochenueberblick_abbestellen(request, token):
    """GET asks for confirmation, POST turns off the weekly digest; both without login, by the signed token."""
    user_id = wochenueberblick.mitglied_id(token)
    if user_id is None:
        return render(request, "konto/wochenueberblick_abbestellen.html", {"ungueltig": True}, status=400)
    erledigt = request.method == "POST" and wochenueberblick.abbestellen(user_id) is not None
    return render(request, "konto/wochenueberblick_abbestellen.html", {"erledigt": erledigt})
