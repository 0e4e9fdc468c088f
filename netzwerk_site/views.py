from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerk_site.models import Kommune
from netzwerk_site.queries import kreisebene, praxisbeispiel_counts, praxisbeispiele_of


def kommune_list(request):
    counts = praxisbeispiel_counts()
    kommunen = [(kommune, counts.get(kommune.pk, 0)) for kommune in kreisebene().order_by("name", "art")]
    return render(request, "netzwerk_site/kommune_list.html", {"kommunen": kommunen})


def kommune_detail(request, slug):
    kommune = get_object_or_404(Kommune.objects.select_related("landkreis"), slug=slug)
    context = {
        "kommune": kommune,
        "gemeinden": kommune.gemeinden.order_by("name"),
        "praxisbeispiele": praxisbeispiele_of(kommune),
        "crumbs": [(_("Kommunen"), reverse("kommune_list"))],
        "current": kommune.display_name,
    }
    return render(request, "netzwerk_site/kommune_detail.html", context)
