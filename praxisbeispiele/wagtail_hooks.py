"""Admin for the Redaktion: a flat Praxisbeispiel listing with filters and a review-due marker."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

import django_filters

from netzwerk_site.models import Kommune, Themenfeld
from praxisbeispiele import personal_data, sections, seeding  # noqa: F401 (register their hooks)
from praxisbeispiele.models import PraxisbeispielPage

REVIEW_INTERVAL = timedelta(days=365)


def review_due_cutoff():
    return (timezone.now() - REVIEW_INTERVAL).date()


class PruefungFaelligColumn(Column):
    """Shows "Prüfung fällig" for examples not reviewed within the last 12 months."""

    def get_value(self, instance):
        if instance.zuletzt_geprueft is None or instance.zuletzt_geprueft < review_due_cutoff():
            return _("Prüfung fällig")
        return instance.zuletzt_geprueft.strftime("%d.%m.%Y")


class PraxisbeispielFilterSet(PageListingViewSet.filterset_class):
    themenfelder = django_filters.ModelMultipleChoiceFilter(
        label=_("Themenfeld"), queryset=Themenfeld.objects.order_by("order"), distinct=True
    )
    kommunen = django_filters.ModelMultipleChoiceFilter(
        label=_("Kommune"), queryset=Kommune.objects.order_by("name"), distinct=True
    )
    pruefung_faellig = django_filters.BooleanFilter(label=_("Prüfung fällig"), method="filter_pruefung_faellig")

    class Meta:
        model = PraxisbeispielPage
        fields = ["themenfelder", "kommunen", "ebene"]

    def filter_pruefung_faellig(self, queryset, name, value):
        due = Q(zuletzt_geprueft__isnull=True) | Q(zuletzt_geprueft__lt=review_due_cutoff())
        return queryset.filter(due) if value else queryset.exclude(due)


class PraxisbeispielListingViewSet(PageListingViewSet):
    model = PraxisbeispielPage
    icon = "pick"
    menu_label = _("Praxisbeispiele")
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = PraxisbeispielFilterSet
    columns = [
        *PageListingViewSet.columns,
        PruefungFaelligColumn("zuletzt_geprueft", label=_("Zuletzt geprüft"), sort_key="zuletzt_geprueft"),
    ]


@hooks.register("register_admin_viewset")
def register_praxisbeispiel_listing():
    return PraxisbeispielListingViewSet("praxisbeispiel_listing", url_prefix="praxisbeispiele")
