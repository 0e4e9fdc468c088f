"""A thread's personal parts (netzwerk_site/persoenlich.py): the viewer's follow state and close button, what
she may do with each post, and the Land's answer button."""

from django.template.loader import render_to_string

from diskussionen import beitraege, queries
from diskussionen.models import Beitrag, Diskussion
from diskussionen.permissions import may_answer_as_land, may_close
from netzwerk_site import persoenlich

WERKZEUGE = "diskussionen/includes/werkzeuge.html"
BEITRAG_AKTIONEN = "diskussionen/includes/beitrag_aktionen.html"
ALS_ANTWORT = "diskussionen/includes/als_antwort_des_landes.html"


def _diskussionen(stellen):
    return persoenlich.objects(Diskussion.objects, stellen, "diskussion")


@persoenlich.register("diskussion_werkzeuge", template=WERKZEUGE)
def werkzeuge(request, stellen):
    """Follow and close buttons; the visit counts as reading the thread, from the cache too."""
    parts = []
    for diskussion in _diskussionen(stellen):
        beitraege.mark_read(request.user, diskussion)
        context = {
            "diskussion": diskussion,
            "is_following": queries.is_following(request.user, diskussion),
            "may_close": may_close(request.user, diskussion),
        }
        parts.append(render_to_string(WERKZEUGE, context, request=request))
    return parts


@persoenlich.register("beitrag_aktionen", template=BEITRAG_AKTIONEN)
def beitrag_aktionen(request, stellen):
    """Quote, edit, delete, report and mark-as-answer of every post of the page, from one query."""
    posts = persoenlich.objects(Beitrag.objects.select_related("diskussion", "author"), stellen, "beitrag")
    for post in posts:
        beitraege.mark_permissions([post], request.user, post.diskussion)
    return [
        render_to_string(BEITRAG_AKTIONEN, {"beitrag": post, "diskussion": post.diskussion}, request=request)
        for post in posts
    ]


@persoenlich.register("als_antwort_des_landes", template=ALS_ANTWORT)
def als_antwort_des_landes(request, stellen):
    return [
        render_to_string(ALS_ANTWORT, {"may_answer_as_land": may_answer_as_land(request.user, diskussion)})
        for diskussion in _diskussionen(stellen)
    ]


UNGELESEN_KLASSE = "diskussionen/includes/ungelesen_klasse.html"
UNGELESEN_MARKE = "diskussionen/includes/ungelesen_marke.html"


def _ungelesen(request, stellen, template):
    """The part for each listed thread, is_ungelesen from one query for all of them."""
    found = persoenlich.objects(queries.diskussionen_fuer(request.user), stellen, "diskussion")
    return [render_to_string(template, {"diskussion": diskussion}) for diskussion in found]


@persoenlich.register("ungelesen_klasse", template=UNGELESEN_KLASSE)
def ungelesen_klasse(request, stellen):
    return _ungelesen(request, stellen, UNGELESEN_KLASSE)


@persoenlich.register("ungelesen_marke", template=UNGELESEN_MARKE)
def ungelesen_marke(request, stellen):
    return _ungelesen(request, stellen, UNGELESEN_MARKE)
