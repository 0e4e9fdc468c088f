"""Facets over the shared vocabularies, for every list that filters by them."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from netzwerk_site.auswahl import UNKNOWN, Facet
from netzwerk_site.choices import Umsetzungsstand
from netzwerk_site.models import Themenfeld


def themenfeld_options():
    return Themenfeld.objects.order_by("order").values_list("slug", "title")


def by_slug(field_name):
    """narrow and count for a foreign key or many-to-many field to a vocabulary with slugs."""

    def narrow(queryset, values):
        field = getattr(queryset.model, field_name)
        if not hasattr(field, "through"):
            return queryset.filter(**{f"{field_name}__slug__in": values})
        source, target = field.field.m2m_field_name(), field.field.m2m_reverse_field_name()
        rows = field.through.objects.filter(**{f"{target}__slug__in": values}).values(f"{source}_id")
        return queryset.filter(pk__in=rows)

    def count(queryset, options):
        field = getattr(queryset.model, field_name)
        if not hasattr(field, "through"):
            rows = queryset.order_by().values_list(f"{field_name}__slug").annotate(n=Count("pk"))
            return dict(rows)
        source, target = field.field.m2m_field_name(), field.field.m2m_reverse_field_name()
        rows = (
            field.through.objects.filter(**{f"{source}_id__in": queryset.values("pk")})
            .values_list(f"{target}__slug")
            .annotate(n=Count(f"{source}_id", distinct=True))
        )
        return dict(rows)

    return narrow, count


def themenfeld(field_name="themenfelder", multiple=True, unknown=UNKNOWN):
    narrow, count = by_slug(field_name)
    return Facet(
        "themenfeld",
        _("Themenfeld"),
        multiple=multiple,
        unknown=unknown,
        load=themenfeld_options,
        narrow=narrow,
        count=count,
    )


def _narrow_umsetzungsstand(queryset, values):
    return queryset.filter(umsetzungsstand__in=values)


UMSETZUNG = (
    themenfeld(
        "themenfeld",
        multiple=False,
        unknown=_("Das Themenfeld „%(value)s“ gibt es nicht; der Filter wurde ignoriert."),
    ),
    Facet(
        "stand",
        _("Stand"),
        kind="choice",
        choices=tuple(Umsetzungsstand.choices),
        unknown=_("Den Stand „%(value)s“ gibt es nicht; der Filter wurde ignoriert."),
        narrow=_narrow_umsetzungsstand,
    ),
)
