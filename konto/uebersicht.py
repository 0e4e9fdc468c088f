"""Bounded lists for the member's overview (/konto/): each app's section shows the first few and links to all."""

from dataclasses import dataclass

from django.urls import reverse

GRENZE = 10
PARAMETER = "alle"


@dataclass(frozen=True)
class Ausschnitt:
    """The first entries of a list; alle_url leads to the whole list where there is more."""

    name: str
    eintraege: list
    alle_url: str = ""


def ausschnitt(request, name, queryset, grenze=GRENZE):
    """The first grenze entries, or every entry when /konto/?alle=<name> asks for them (one query either way)."""
    if request is not None and request.GET.get(PARAMETER) == name:
        return Ausschnitt(name, list(queryset))
    eintraege = list(queryset[: grenze + 1])
    if len(eintraege) <= grenze:
        return Ausschnitt(name, eintraege)
    return Ausschnitt(name, eintraege[:grenze], f"{reverse('konto:uebersicht')}?{PARAMETER}={name}#{name}")
