"""Wagtail admin views of the Redaktion: reports, hide and restore, lock, assign questions to the Land, the log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from diskussionen import moderation
from diskussionen.forms import ModerationForm, ZuweisungForm
from diskussionen.models import Beitrag, Diskussion, Moderationsprotokoll

PRO_SEITE = 50


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _context(title, icon, **extra):
    return {"page_title": title, "header_title": title, "header_icon": icon, **extra}


def meldungen(request):
    """Beiträge with open reports, oldest report first, and every hidden Beitrag for restoring."""
    _require(request, "diskussionen.view_meldung")
    offen = Q(meldungen__erledigt_am__isnull=True)
    # isnull=False in the same filter() makes the join inner: a Beitrag without any report has no open one.
    gemeldet = (
        Beitrag.objects.filter(offen, meldungen__isnull=False)
        .annotate(offene_meldungen=Count("meldungen", filter=offen))
        .select_related("diskussion", "author")
        .prefetch_related("meldungen__gemeldet_von")
        .order_by("created_at")
        .distinct()
    )
    verborgen = Beitrag.objects.filter(is_verborgen=True).select_related("diskussion", "author").order_by("-pk")[:100]
    context = _context(
        _("Gemeldete Beiträge"), "warning", gemeldet=gemeldet, verborgen=verborgen, form=ModerationForm()
    )
    return TemplateResponse(request, "diskussionen/admin/meldungen.html", context)


@require_POST
def beitrag_moderieren(request, pk, aktion):
    _require(request, "diskussionen.change_beitrag")
    beitrag = get_object_or_404(Beitrag.objects.select_related("diskussion"), pk=pk)
    form = ModerationForm(request.POST)
    begruendung = form.cleaned_data["begruendung"] if form.is_valid() else ""
    aktionen = {
        "verbergen": (moderation.verbergen, _("Der Beitrag ist verborgen.")),
        "wiederherstellen": (moderation.wiederherstellen, _("Der Beitrag ist wieder sichtbar.")),
        "meldungen-schliessen": (moderation.meldungen_ablehnen, _("Die Meldungen sind ohne Maßnahme geschlossen.")),
    }
    if aktion not in aktionen:
        raise Http404
    funktion, text = aktionen[aktion]
    funktion(beitrag, request.user, begruendung)
    messages.success(request, text)
    return redirect("diskussionen_admin_meldungen")


def diskussionen(request):
    """All Diskussionen for locking and assigning; ?frage=1 shows questions to the Land, unassigned first."""
    _require(request, "diskussionen.change_diskussion")
    queryset = Diskussion.objects.select_related("zugewiesen_an", "themenfeld").order_by("-last_activity_at")
    nur_fragen = request.GET.get("frage") == "1"
    if nur_fragen:
        queryset = queryset.filter(is_frage_an_land=True).order_by("zugewiesen_an", "faellig_am", "created_at")
    seite = Paginator(queryset, PRO_SEITE).get_page(request.GET.get("p"))
    context = _context(_("Diskussionen moderieren"), "comment", seite=seite, nur_fragen=nur_fragen)
    return TemplateResponse(request, "diskussionen/admin/diskussionen.html", context)


@require_POST
def sperren(request, pk, gesperrt):
    _require(request, "diskussionen.change_diskussion")
    diskussion = get_object_or_404(Diskussion, pk=pk)
    form = ModerationForm(request.POST)
    moderation.sperren(diskussion, request.user, gesperrt, form.cleaned_data["begruendung"] if form.is_valid() else "")
    messages.success(request, _("Die Diskussion ist gesperrt.") if gesperrt else _("Die Diskussion ist wieder offen."))
    return redirect("diskussionen_admin_diskussionen")


def zuweisen(request, pk):
    _require(request, "diskussionen.change_diskussion")
    diskussion = get_object_or_404(Diskussion, pk=pk)
    initial = {"organisation": diskussion.zugewiesen_an_id, "faellig_am": diskussion.faellig_am}
    form = ZuweisungForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        moderation.zuweisen(
            diskussion, request.user, form.cleaned_data["organisation"], form.cleaned_data["faellig_am"]
        )
        messages.success(
            request, _("Die Frage ist %(stelle)s zugewiesen.") % {"stelle": form.cleaned_data["organisation"]}
        )
        return redirect("diskussionen_admin_diskussionen")
    title = _("Frage an das Land zuweisen")
    return TemplateResponse(
        request, "diskussionen/admin/zuweisen.html", _context(title, "comment", form=form, diskussion=diskussion)
    )


def protokoll(request):
    _require(request, "diskussionen.view_moderationsprotokoll")
    eintraege = Moderationsprotokoll.objects.select_related("wer", "diskussion", "beitrag")
    seite = Paginator(eintraege, PRO_SEITE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request, "diskussionen/admin/protokoll.html", _context(_("Moderationsprotokoll"), "list-ul", seite=seite)
    )
