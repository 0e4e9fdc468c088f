"""Wagtail admin of the Redaktion, grouped under "Diskussionen": reports, threads and questions to the Land, the log.

Each view names the model whose permission policy admits it and the action it needs; Wagtail's admin refuses
everyone else, and each menu item shows only to users its screen admits.
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from wagtail.admin.viewsets.base import ViewSetGroup

from diskussionen import moderation
from diskussionen.forms import ModerationForm, ZuweisungForm
from diskussionen.models import Beitrag, Diskussion, Meldung, Moderationsprotokoll
from konto.viewsets import PolicyView, PolicyViewSet
from netzwerk_site.auswahl import paginate

PRO_SEITE = 50


def _begruendung(request):
    form = ModerationForm(request.POST)
    return form.cleaned_data["begruendung"] if form.is_valid() else ""


class SeitenView(PolicyView, TemplateView):
    """A list in pages of PRO_SEITE, `seite` in the template; subclasses give `get_queryset`."""

    def get_context_data(self, **kwargs):
        seite, notices = paginate(self.get_queryset(), self.request.GET.get("p", "1"), PRO_SEITE)
        return super().get_context_data(seite=seite, notices=notices, **kwargs)


class MeldungenView(PolicyView, TemplateView):
    """Beiträge with open reports, oldest report first, and every hidden Beitrag for restoring."""

    model = Meldung
    permission_required = "view"
    page_title = gettext_lazy("Gemeldete Beiträge")
    template_name = "diskussionen/admin/meldungen.html"

    def get_context_data(self, **kwargs):
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
        verborgen = Beitrag.objects.filter(is_verborgen=True).select_related("diskussion", "author").order_by("-pk")
        return super().get_context_data(gemeldet=gemeldet, verborgen=verborgen[:100], **kwargs)


class BeitragModerierenView(PolicyView, View):
    """Hide or restore a Beitrag, or close its reports without action."""

    model = Beitrag
    permission_required = "change"
    http_method_names = ["post"]
    aktionen = {
        "verbergen": (moderation.verbergen, gettext_lazy("Der Beitrag ist verborgen.")),
        "wiederherstellen": (moderation.wiederherstellen, gettext_lazy("Der Beitrag ist wieder sichtbar.")),
        "meldungen-schliessen": (
            moderation.meldungen_ablehnen,
            gettext_lazy("Die Meldungen sind ohne Maßnahme geschlossen."),
        ),
    }

    def post(self, request, pk, aktion):
        if aktion not in self.aktionen:
            raise Http404
        beitrag = get_object_or_404(Beitrag.objects.select_related("diskussion"), pk=pk)
        funktion, text = self.aktionen[aktion]
        funktion(beitrag, request.user, _begruendung(request))
        messages.success(request, text)
        return redirect(self.index_url_name)


class MeldungenViewSet(PolicyViewSet):
    icon = "warning"
    menu_label = gettext_lazy("Gemeldete Beiträge")
    menu_order = 100
    url_prefix = "diskussionen"
    index_view_class = MeldungenView

    def get_urlpatterns(self):
        return [
            path("meldungen/", self.index_view, name="index"),
            path("beitrag/<int:pk>/<str:aktion>/", self.construct_view(BeitragModerierenView), name="moderieren"),
        ]


class DiskussionenView(SeitenView):
    """All Diskussionen for locking and assigning; ?frage=1 shows questions to the Land, unassigned first."""

    model = Diskussion
    permission_required = "change"
    page_title = gettext_lazy("Diskussionen moderieren")
    template_name = "diskussionen/admin/diskussionen.html"

    @cached_property
    def nur_fragen(self):
        return self.request.GET.get("frage") == "1"

    def get_queryset(self):
        queryset = Diskussion.objects.select_related("zugewiesen_an", "themenfeld").order_by("-last_activity_at")
        if self.nur_fragen:
            queryset = queryset.filter(is_frage_an_land=True).order_by("zugewiesen_an", "faellig_am", "created_at")
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(nur_fragen=self.nur_fragen, **kwargs)


class SperrenView(PolicyView, View):
    model = Diskussion
    permission_required = "change"
    http_method_names = ["post"]
    gesperrt = True

    def post(self, request, pk):
        diskussion = get_object_or_404(Diskussion, pk=pk)
        moderation.sperren(diskussion, request.user, self.gesperrt, _begruendung(request))
        text = _("Die Diskussion ist gesperrt.") if self.gesperrt else _("Die Diskussion ist wieder offen.")
        messages.success(request, text)
        return redirect(self.index_url_name)


class ZuweisenView(PolicyView, FormView):
    model = Diskussion
    permission_required = "change"
    page_title = gettext_lazy("Frage an das Land zuweisen")
    template_name = "diskussionen/admin/zuweisen.html"
    form_class = ZuweisungForm

    @cached_property
    def diskussion(self):
        return get_object_or_404(Diskussion, pk=self.kwargs["pk"])

    def get_initial(self):
        return {"organisation": self.diskussion.zugewiesen_an_id, "faellig_am": self.diskussion.faellig_am}

    def form_valid(self, form):
        organisation = form.cleaned_data["organisation"]
        moderation.zuweisen(self.diskussion, self.request.user, organisation, form.cleaned_data["faellig_am"])
        messages.success(self.request, _("Die Frage ist %(stelle)s zugewiesen.") % {"stelle": organisation})
        return super().form_valid(form)

    def get_success_url(self):
        # Back to the list of questions, where the Redaktion came from and continues.
        return f"{super().get_success_url()}?frage=1"

    def get_context_data(self, **kwargs):
        return super().get_context_data(diskussion=self.diskussion, **kwargs)


class DiskussionenViewSet(PolicyViewSet):
    icon = "comment"
    menu_label = gettext_lazy("Diskussionen und Fragen an das Land")
    menu_order = 200
    url_prefix = "diskussionen"
    index_view_class = DiskussionenView

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("<int:pk>/sperren/", self.construct_view(SperrenView, gesperrt=True), name="sperren"),
            path("<int:pk>/entsperren/", self.construct_view(SperrenView, gesperrt=False), name="entsperren"),
            path("<int:pk>/zuweisen/", self.construct_view(ZuweisenView), name="zuweisen"),
        ]


class ProtokollView(SeitenView):
    model = Moderationsprotokoll
    permission_required = "view"
    page_title = gettext_lazy("Moderationsprotokoll")
    template_name = "diskussionen/admin/protokoll.html"

    def get_queryset(self):
        return Moderationsprotokoll.objects.select_related("wer", "diskussion", "beitrag")


class ProtokollViewSet(PolicyViewSet):
    icon = "list-ul"
    menu_label = gettext_lazy("Moderationsprotokoll")
    menu_order = 300
    url_prefix = "diskussionen/protokoll"
    index_view_class = ProtokollView

    def get_urlpatterns(self):
        return [path("", self.index_view, name="index")]


class DiskussionenViewSetGroup(ViewSetGroup):
    """The admin menu "Diskussionen"; it shows when at least one of its screens admits the user."""

    menu_label = gettext_lazy("Diskussionen")
    menu_icon = "comment"
    menu_order = 160
    items = (
        MeldungenViewSet("diskussionen_meldungen"),
        DiskussionenViewSet("diskussionen_moderation"),
        ProtokollViewSet("diskussionen_protokoll"),
    )
