"""The Kommunen pages: what each Landkreis and kreisfreie Stadt shares and has taken up."""

from collections import Counter

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerk_site.auswahl import PAGE_PARAM, declare, paginate
from netzwerk_site.choices import KommuneArt
from netzwerk_site.models import Kommune
from netzwerk_site.persoenlich import members_cacheable
from praxisbeispiele.facets import PER_PAGE
from praxisbeispiele.models import PraxisbeispielPage, Uebernahme


def kreisebene():
    """The 36 Landkreise and kreisfreie Städte."""
    return Kommune.objects.filter(art__in=[KommuneArt.LANDKREIS, KommuneArt.KREISFREIE_STADT])


def praxisbeispiel_counts():
    """Live Praxisbeispiele per Kommune of the Kreisebene, its municipalities' examples included."""
    through = PraxisbeispielPage.kommunen.through
    rows = through.objects.filter(
        praxisbeispielpage__in=PraxisbeispielPage.objects.published().values("pk")
    ).values_list("kommune_id", "kommune__landkreis_id", "praxisbeispielpage_id")
    pairs = {(landkreis_id or kommune_id, page_id) for kommune_id, landkreis_id, page_id in rows}
    return Counter(kommune_id for kommune_id, _ in pairs)


def _mit_gemeinden(kommune):
    return [kommune.pk, *kommune.gemeinden.values_list("pk", flat=True)]


def praxisbeispiele_of(kommune):
    """Live Praxisbeispiele of a Kommune, including those of its municipalities."""
    return (
        PraxisbeispielPage.objects.published()
        .for_cards()
        .filter(kommunen__in=_mit_gemeinden(kommune))
        .distinct()
        .order_by("title")
    )


def uebernahmen_of(kommune):
    """What a Kommune (with its municipalities) has taken up from published Praxisbeispiele."""
    return (
        Uebernahme.objects.filter(
            kommune_id__in=_mit_gemeinden(kommune),
            praxisbeispiel__in=PraxisbeispielPage.objects.published().values("pk"),
        )
        .select_related("praxisbeispiel", "kommune")
        .order_by("praxisbeispiel__title")
    )


@members_cacheable
def kommune_list(request):
    counts = praxisbeispiel_counts()
    kommunen = [(kommune, counts.get(kommune.pk, 0)) for kommune in kreisebene().order_by("name", "art")]
    return render(request, "praxisbeispiele/kommune_list.html", {"kommunen": kommunen})


def kommune_detail(request, slug):
    """A Kommune with its examples, a page of them at a time as in the library, and its Übernahmen."""
    kommune = get_object_or_404(Kommune.objects.select_related("landkreis"), slug=slug)
    declare(PAGE_PARAM)
    seite, notices = paginate(praxisbeispiele_of(kommune), request.GET.get(PAGE_PARAM, "1")[:20], PER_PAGE)
    context = {
        "kommune": kommune,
        "gemeinden": kommune.gemeinden.order_by("name"),
        "seite": seite,
        "notices": notices,
        "uebernahmen": uebernahmen_of(kommune),
        "crumbs": [(_("Kommunen"), reverse("kommune_list"))],
        "current": kommune.display_name,
    }
    return render(request, "praxisbeispiele/kommune_detail.html", context)
