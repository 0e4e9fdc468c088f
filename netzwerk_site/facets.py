"""Facets over the shared vocabularies, for every list that filters by them."""

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from netzwerk_site.auswahl import UNKNOWN, Facet
from netzwerk_site.choices import KommuneArt, Umsetzungsstand
from netzwerk_site.models import Kommune, Themenfeld, Zielgruppe


def themenfeld_options():
    return Themenfeld.objects.order_by("order").values_list("slug", "title")


def kommune_options():
    """The Landkreise and kreisfreie Städte; a Landkreis stands for its municipalities too."""
    kreisebene = Kommune.objects.filter(art__in=[KommuneArt.LANDKREIS, KommuneArt.KREISFREIE_STADT])
    return [(k.slug, k.display_name) for k in kreisebene.order_by("name", "art").only("slug", "name", "art")]


def zielgruppe_options():
    return Zielgruppe.objects.order_by("name").values_list("slug", "name")


def by_slug(field_name, group=None):
    """narrow and count for a foreign key or many-to-many field to a vocabulary with slugs.

    count gives rows of key and n, unevaluated, so that netzwerk_site.auswahl.count asks for every
    facet's counts in one query.

    group names a foreign key of the vocabulary to a row that stands for it (Kommune.landkreis):
    choosing that row includes its members, and a member counts for it instead of for itself.
    """

    def matches(prefix, values):
        chosen = Q(**{f"{prefix}__slug__in": values})
        return chosen | Q(**{f"{prefix}__{group}__slug__in": values}) if group else chosen

    def key(prefix):
        return Coalesce(f"{prefix}__{group}__slug", f"{prefix}__slug") if group else F(f"{prefix}__slug")

    def narrow(queryset, values):
        field = getattr(queryset.model, field_name)
        if not hasattr(field, "through"):
            return queryset.filter(matches(field_name, values))
        source, target = field.field.m2m_field_name(), field.field.m2m_reverse_field_name()
        rows = field.through.objects.filter(matches(target, values)).values(f"{source}_id")
        return queryset.filter(pk__in=rows)

    def count(queryset, options):
        field = getattr(queryset.model, field_name)
        if not hasattr(field, "through"):
            return queryset.order_by().annotate(key=key(field_name)).values("key").annotate(n=Count("pk"))
        source, target = field.field.m2m_field_name(), field.field.m2m_reverse_field_name()
        return (
            field.through.objects.filter(**{f"{source}_id__in": queryset.values("pk")})
            .annotate(key=key(target))
            .values("key")
            .annotate(n=Count(f"{source}_id", distinct=True))
        )

    return narrow, count


def by_value(field_name):
    """narrow and count for a field whose values are the options (a choices field)."""

    def narrow(queryset, values):
        return queryset.filter(**{f"{field_name}__in": values})

    def count(queryset, options):
        return queryset.order_by().annotate(key=F(field_name)).values("key").annotate(n=Count("pk"))

    return narrow, count


def facet(name, label, narrow_and_count, **kwargs):
    """A Facet that filters and counts with a (narrow, count) pair such as by_slug or by_value gives."""
    narrow, count = narrow_and_count
    return Facet(name, label, narrow=narrow, count=count, **kwargs)


def themenfeld(field_name="themenfelder", multiple=True, unknown=UNKNOWN):
    options = {"load": themenfeld_options, "multiple": multiple, "unknown": unknown}
    return facet("themenfeld", _("Themenfeld"), by_slug(field_name), **options)


def kommune(field_name="kommunen", multiple=True, unknown=UNKNOWN):
    """Kommunen of the Kreisebene; a Landkreis includes the rows of its municipalities."""
    options = {"load": kommune_options, "multiple": multiple, "unknown": unknown}
    return facet("kommune", _("Kommune"), by_slug(field_name, group="landkreis"), **options)


def zielgruppe(field_name="zielgruppen", multiple=True, unknown=UNKNOWN):
    options = {"load": zielgruppe_options, "multiple": multiple, "unknown": unknown}
    return facet("zielgruppe", _("Zielgruppe"), by_slug(field_name), **options)


UMSETZUNG = (
    themenfeld(
        "themenfeld",
        multiple=False,
        unknown=_("Das Themenfeld „%(value)s“ gibt es nicht; der Filter wurde ignoriert."),
    ),
    facet(
        "stand",
        _("Stand"),
        by_value("umsetzungsstand"),
        kind="choice",
        choices=tuple(Umsetzungsstand.choices),
        unknown=_("Den Stand „%(value)s“ gibt es nicht; der Filter wurde ignoriert."),
    ),
)
