"""Admin for the Redaktion: a flat Praxisbeispiel listing with filters and a review-due marker."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

import django_filters

from netzwerk_site.models import Kommune, Themenfeld
from praxisbeispiele import personal_data, sections, seeding  # noqa: F401 (register their hooks)
from praxisbeispiele.models import PraxisbeispielPage
from praxisbeispiele.pruefung import review_due_q


class PruefungFaelligColumn(Column):
    """Shows "Prüfung fällig" where the last review, or else the first publication, is over 12 months old."""

    def get_value(self, instance):
        if instance.is_review_due():
            return _("Prüfung fällig")
        return instance.zuletzt_geprueft.strftime("%d.%m.%Y") if instance.zuletzt_geprueft else _("noch nicht geprüft")


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
        due = review_due_q()
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
