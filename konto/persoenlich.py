"""The account's personal parts of every page (netzwerk_site/persoenlich.py)."""

from django.template.loader import render_to_string

from netzwerk_site import persoenlich


@persoenlich.register("kopf_konto", template="konto/includes/kopf_konto.html")
def kopf_konto(request, stellen):
    """The header's account items: Mein Konto, unread notifications, open questions, Redaktion, Abmelden."""
    return [render_to_string("konto/includes/kopf_konto.html", request=request) for _stelle in stellen]
