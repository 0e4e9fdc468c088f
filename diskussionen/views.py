"""Members-only forum views; each parses input, calls one domain function or query, and renders."""

from django.contrib import messages
from django.core import signing
from django.core.validators import slug_re
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from diskussionen import antwortzeiten, filters, moderation, notifications, queries
from diskussionen import beitraege as aktionen
from diskussionen.choices import Haeufigkeit
from diskussionen.forms import BearbeitenForm, BeitragForm, DiskussionForm, EinstellungForm, MeldungForm
from diskussionen.models import Anhang, Beitrag, Benachrichtigungseinstellung, Diskussion
from diskussionen.permissions import may_answer_as_land, may_close, may_delete, may_edit, may_see_fragen
from diskussionen.ratelimit import ZuVieleBeitraege
from diskussionen.rendering import render_markdown, zitat
from konto.permissions import members_only
from konto.roles import is_land_member, is_redaktion
from netzwerk_site import auswahl as liste_
from netzwerk_site import uploads
from netzwerk_site.idempotency import idempotent
from netzwerk_site.models import Themenfeld
from netzwerk_site.persoenlich import members_cacheable
from netzwerk_site.refusals import Refusal

DISKUSSION_QUERYSET = Diskussion.objects.select_related(
    "themenfeld",
    "zugewiesen_an",
    "author__kommune",
    "author__organisation",
    "handlungsfeld",
    "praxisbeispiel",
    "veranstaltung",
)


def crumbs():
    """Breadcrumbs above every page below /diskussionen/."""
    return [(_("Diskussionen"), reverse("diskussionen:liste"))]


@members_only
@members_cacheable
def liste(request):
    auswahl, options = liste_.load(liste_.parse(request.GET, filters.FACETS), filters.FACETS)
    seite, page_notices = queries.diskussionen_seite(request.user, auswahl)
    context = {
        "themenfeld_optionen": options["themenfeld"],
        "stand_optionen": options["stand"],
        "gewaehlt": {"themenfeld": auswahl.get("themenfeld"), "stand": auswahl.get("stand")},
        "seite": seite,
        "notices": auswahl.notices + page_notices,
        "statistik": queries.land_statistik(),
        "is_land_member": is_land_member(request.user),
    }
    return render(request, "diskussionen/liste.html", context)


@members_only
@idempotent
def neu(request):
    form = DiskussionForm(request.POST or None, request.FILES or None, initial=_verknuepfung(request.GET))
    status = 200
    context = {"form": form, "crumbs": crumbs()}
    if request.method == "POST" and is_vorschau(request):
        context.update(vorschau_context(request, form))
    elif request.method == "POST" and form.is_valid():
        try:
            diskussion = aktionen.create_diskussion(request.user, form.cleaned_data, form.cleaned_data["anhaenge"])
        except ZuVieleBeitraege as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            if diskussion.is_frage_an_land:
                transaction.on_commit(lambda: notifications.frage_neu_melden(diskussion), robust=True)
            messages.success(request, _("Ihre Diskussion ist eröffnet. Sie erhalten E-Mails zu neuen Antworten."))
            return redirect(diskussion)
    return render(request, "diskussionen/neu.html", context, status=status)


def is_vorschau(request):
    """The form was sent with its "Vorschau" button: render it again with the preview, save nothing."""
    return request.POST.get("vorschau") == "1"


def vorschau_context(request, form):
    """The preview of the text, sanitized as a saved Beitrag would be; other errors show as after sending."""
    form.is_valid()
    vorschau = render_markdown(form.cleaned_data["body"]) if "body" in form.cleaned_data else None
    # Browsers never send chosen files again, so the member must choose them once more after a preview.
    return {"vorschau": vorschau, "anhaenge_verworfen": bool(request.FILES)}


def _verknuepfung(params):
    """Initial links for a new thread started from a Themenfeld, Handlungsfeld, Praxisbeispiel or Veranstaltung."""
    initial = {}
    if params.get("themenfeld"):
        # Only a well-formed slug reaches the database: PostgreSQL refuses text with NUL bytes.
        slug = params["themenfeld"][:80]
        initial["themenfeld"] = Themenfeld.objects.filter(slug=slug).first() if slug_re.match(slug) else None
    for name in ("handlungsfeld", "praxisbeispiel", "veranstaltung"):
        if params.get(name, "").isdigit():
            initial[name] = int(params[name])
    return initial


@members_only
@members_cacheable
def diskussion(request, pk):
    diskussion = get_object_or_404(DISKUSSION_QUERYSET, pk=pk)
    form = BeitragForm(initial=_zitat_initial(diskussion, request.GET.get("zitat")))
    return _render_diskussion(request, diskussion, form, seite=request.GET.get("seite", "1"))


def _zitat_initial(diskussion, beitrag_pk):
    if not (beitrag_pk or "").isdigit():
        return {}
    beitrag = diskussion.beitraege.filter(pk=beitrag_pk, is_geloescht=False, is_verborgen=False).first()
    return {"body": zitat(beitrag)} if beitrag else {}


def _render_diskussion(request, diskussion, form, seite="1", status=200, extra=None):
    redaktion = is_redaktion(request.user)
    seite, notices = queries.beitraege_seite(diskussion, seite, mit_versionen=redaktion)
    aktionen.mark_permissions(seite.object_list, request.user, diskussion)
    aktionen.mark_read(request.user, diskussion)
    context = {
        "diskussion": diskussion,
        "seite": seite,
        "notices": notices,
        "form": form,
        "is_following": queries.is_following(request.user, diskussion),
        "may_close": may_close(request.user, diskussion),
        "may_answer_as_land": may_answer_as_land(request.user, diskussion),
        "is_redaktion": redaktion,
        "crumbs": crumbs(),
        **(extra or {}),
    }
    return render(request, "diskussionen/diskussion.html", context, status=status)


@members_only
@require_POST
@idempotent
def antworten(request, pk):
    diskussion = get_object_or_404(DISKUSSION_QUERYSET, pk=pk)
    # The second submit button of the reply form, "Als Antwort des Landes senden".
    als_antwort = request.POST.get("als_antwort") == "1"
    if als_antwort and not may_answer_as_land(request.user, diskussion):
        raise Refusal(aktionen.NUR_ZUGEWIESENE_STELLE)
    form = BeitragForm(request.POST, request.FILES)
    if is_vorschau(request):
        return _render_diskussion(request, diskussion, form, seite=liste_.LAST, extra=vorschau_context(request, form))
    if form.is_valid():
        senden = aktionen.answer_as_land if als_antwort else aktionen.create_beitrag
        try:
            beitrag = senden(diskussion, request.user, form.cleaned_data["body"], form.cleaned_data["anhaenge"])
        except ZuVieleBeitraege as error:
            # The refusal keeps the member's text in the form instead of showing the refusal page.
            form.add_error(None, error.message)
            return _render_diskussion(request, diskussion, form, seite=liste_.LAST, status=error.status)
        if als_antwort:
            messages.success(
                request, _("Ihre Antwort ist als Antwort des Landes veröffentlicht; die Frage gilt als beantwortet.")
            )
        return redirect(beitrag)
    return _render_diskussion(request, diskussion, form, seite=liste_.LAST)


@members_only
def beitrag(request, pk):
    """Permalink of a Beitrag: the thread page it is on, scrolled to it."""
    beitrag = get_object_or_404(Beitrag, pk=pk)
    return redirect(f"{beitrag.diskussion.get_absolute_url()}?seite={queries.seite_von(beitrag)}#beitrag-{beitrag.pk}")


def _beitrag_crumbs(beitrag):
    return [*crumbs(), (beitrag.diskussion.title, beitrag.diskussion.get_absolute_url())]


@members_only
def bearbeiten(request, pk):
    beitrag = get_object_or_404(Beitrag.objects.select_related("diskussion"), pk=pk)
    if not may_edit(request.user, beitrag):
        raise Refusal(aktionen.NUR_EIGENE_BEARBEITEN)
    form = BearbeitenForm(request.POST or None, initial={"body": beitrag.body, "version": beitrag.version})
    konflikt = None
    if request.method == "POST" and form.is_valid():
        try:
            aktionen.edit_beitrag(beitrag, request.user, form.cleaned_data["body"], form.cleaned_data["version"])
        except aktionen.Bearbeitungskonflikt as error:
            konflikt = error
            # The member's text stays; the hidden version now names the text shown, so saving again is deliberate.
            form = BearbeitenForm({"body": form.cleaned_data["body"], "version": konflikt.aktuell.version})
        else:
            messages.success(request, _("Ihre Änderung ist gespeichert."))
            return redirect(beitrag)
    aktuell = konflikt.aktuell if konflikt else None
    context = {"form": form, "beitrag": beitrag, "aktuell": aktuell, "crumbs": _beitrag_crumbs(beitrag)}
    return render(request, "diskussionen/bearbeiten.html", context, status=konflikt.status if konflikt else 200)


@members_only
def loeschen(request, pk):
    beitrag = get_object_or_404(Beitrag.objects.select_related("diskussion"), pk=pk)
    if not may_delete(request.user, beitrag):
        raise Refusal(aktionen.NUR_EIGENE_LOESCHEN)
    if request.method == "POST":
        aktionen.delete_beitrag(beitrag, request.user)
        messages.success(request, _("Ihr Beitrag ist gelöscht."))
        return redirect(beitrag)
    return render(request, "diskussionen/loeschen.html", {"beitrag": beitrag, "crumbs": _beitrag_crumbs(beitrag)})


@members_only
@idempotent
def melden(request, pk):
    beitrag = get_object_or_404(Beitrag.objects.select_related("diskussion"), pk=pk)
    form = MeldungForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.melden(beitrag, request.user, form.cleaned_data["grund"])
        messages.success(request, _("Danke für Ihre Meldung. Die Redaktion prüft den Beitrag."))
        return redirect(beitrag)
    context = {"form": form, "beitrag": beitrag, "crumbs": _beitrag_crumbs(beitrag)}
    return render(request, "diskussionen/melden.html", context)


@members_only
@require_POST
def antwort_markieren(request, pk):
    beitrag = get_object_or_404(Beitrag.objects.select_related("diskussion", "author"), pk=pk)
    aktionen.mark_antwort(beitrag, request.user)
    messages.success(
        request, _("Der Beitrag ist als Antwort des Landes markiert; die Diskussion gilt als beantwortet.")
    )
    return redirect(beitrag)


@members_only
@require_POST
def erledigt(request, pk):
    diskussion = get_object_or_404(Diskussion, pk=pk)
    aktionen.mark_erledigt(diskussion, request.user)
    messages.success(request, _("Die Diskussion ist als erledigt markiert."))
    return redirect(diskussion)


@members_only
@require_POST
def folgen(request, pk):
    diskussion = get_object_or_404(Diskussion, pk=pk)
    folgt = request.POST.get("folgen") == "1"
    aktionen.set_folgen(request.user, diskussion, folgt)
    messages.success(
        request, _("Sie folgen dieser Diskussion.") if folgt else _("Sie folgen dieser Diskussion nicht mehr.")
    )
    return redirect(diskussion)


@members_only
@require_POST
def themenfeld_folgen(request, slug):
    themenfeld = get_object_or_404(Themenfeld, slug=slug)
    folgt = request.POST.get("folgen") == "1"
    aktionen.set_themenfeld_folgen(request.user, themenfeld, folgt)
    text = _("Sie folgen dem Themenfeld „%(t)s“.") if folgt else _("Sie folgen dem Themenfeld „%(t)s“ nicht mehr.")
    messages.success(request, text % {"t": themenfeld.title})
    return redirect("diskussionen:einstellungen")


@members_only
def einstellungen(request):
    einstellung = Benachrichtigungseinstellung.objects.filter(user=request.user).first()
    haeufigkeit = einstellung.haeufigkeit if einstellung else Haeufigkeit.SOFORT
    form = EinstellungForm(request.POST or None, initial={"haeufigkeit": haeufigkeit})
    if request.method == "POST" and form.is_valid():
        Benachrichtigungseinstellung.objects.update_or_create(user=request.user, defaults=form.cleaned_data)
        messages.success(request, _("Ihre Einstellung ist gespeichert."))
        return redirect("diskussionen:einstellungen")
    context = {
        "form": form,
        "abonnements": request.user.diskussionsabonnements.select_related("diskussion").order_by("-created_at"),
        "themenfelder": queries.themenfelder_mit_abo(request.user),
        "crumbs": crumbs(),
    }
    return render(request, "diskussionen/einstellungen.html", context)


@csrf_exempt  # The signed token authenticates; RFC 8058 one-click POSTs from mail clients carry no CSRF token.
def abbestellen(request, token):
    try:
        payload = notifications.read_abbestellen_token(token)
    except signing.BadSignature:
        return render(request, "diskussionen/abbestellen.html", {"ungueltig": True}, status=400)
    erledigt = False
    if request.method == "POST":
        erledigt = notifications.abbestellen(payload) is not None
    return render(request, "diskussionen/abbestellen.html", {"payload": payload, "erledigt": erledigt})


@members_only
def fragen(request):
    """The Land member's open questions, overdue first, and every Land Organisation's answer times."""
    if not may_see_fragen(request.user):
        raise Refusal(
            _(
                "Diese Übersicht zeigt die Fragen, die dem Land zugewiesen sind, und ist für Mitglieder des Landes. "
                "Alle Diskussionen finden Sie in der Diskussionsliste."
            )
        )
    context = {
        "fragen": queries.offene_fragen_fuer(request.user),
        "beantwortete": queries.beantwortete_fragen_fuer(request.user),
        "antwortzeiten": antwortzeiten.je_organisation(),
        "crumbs": crumbs(),
    }
    return render(request, "diskussionen/fragen.html", context)


@members_only
def anhang(request, pk):
    anhang = get_object_or_404(Anhang.objects.select_related("beitrag"), pk=pk)
    if not (anhang.beitrag.is_sichtbar or is_redaktion(request.user)):
        raise Http404
    return uploads.download_response(anhang.datei, anhang.name, anhang.mime)
