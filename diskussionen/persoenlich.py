"""A thread's personal parts (netzwerk_site/persoenlich.py): the viewer's follow state and close button, what
she may do with each post, and the Land's answer button."""

from diskussionen import beitraege, queries
from diskussionen.models import Beitrag, Diskussion
from diskussionen.permissions import may_answer_as_land, may_close
from netzwerk_site import persoenlich

WERKZEUGE = "diskussionen/includes/werkzeuge.html"
BEITRAG_AKTIONEN = "diskussionen/includes/beitrag_aktionen.html"
ALS_ANTWORT = "diskussionen/includes/als_antwort_des_landes.html"


def _diskussionen(request, stellen):
    """The threads of the places with the viewer's read and follow state; the follow tools and the Land's
    answer button of one page share this one query."""
    return persoenlich.einmal(
        request,
        ("diskussionen", tuple(stelle["diskussion"] for stelle in stellen)),
        lambda: persoenlich.objects(queries.mit_eigenem_stand(Diskussion.objects, request.user), stellen, "diskussion"),
    )


def _leserin(request):
    """The viewer and the version of her read state: parts that show it are hers until she reads or posts."""
    return f"leserin={request.user.pk}:{persoenlich.eigener_stand(request, beitraege.LESESTAND)}"


@persoenlich.register("diskussion_werkzeuge", template=WERKZEUGE)
def werkzeuge(request, stellen):
    """Follow and close buttons; the visit counts as reading the thread, from the cache too.

    Kept for her until the content or her read state changes: a kept part means this thread was read since
    its last post under this content version, so there is nothing to write.
    """
    return persoenlich.geteilt(
        request, _leserin(request), "diskussion_werkzeuge", stellen, lambda stellen: _werkzeuge(request, stellen)
    )


def _werkzeuge(request, stellen):
    parts = []
    for diskussion in _diskussionen(request, stellen):
        beitraege.mark_read(request.user, diskussion, gelesen_am=diskussion.gelesen_am)
        context = {
            "diskussion": diskussion,
            "is_following": diskussion.is_following,
            "may_close": may_close(request.user, diskussion),
        }
        parts.append(persoenlich.teil(request, WERKZEUGE, context))
    return parts


@persoenlich.register("beitrag_aktionen", template=BEITRAG_AKTIONEN)
def beitrag_aktionen(request, stellen):
    """Quote, edit, delete, report and mark-as-answer of every post of the page.

    For another's post the actions are the same for every viewer of the visibility class (quote, report, and for
    the Land marking it as answer), so they are shared until the next change; the viewer's own posts are hers.
    """
    # Each place names the post's author (the page knew it), so telling hers from others' needs no query.
    eigene = [stelle for stelle in stellen if stelle["autorin"] == request.user.pk]
    fremde = [stelle for stelle in stellen if stelle["autorin"] != request.user.pk]
    html = {}
    for merkmal, gruppe in (("fremd", fremde), (f"autorin={request.user.pk}", eigene)):
        if gruppe:
            teile = persoenlich.geteilt(
                request, merkmal, "beitrag_aktionen", gruppe, lambda gruppe: _aktionen(request, gruppe)
            )
            html.update(zip((stelle["beitrag"] for stelle in gruppe), teile, strict=True))
    return [html[stelle["beitrag"]] for stelle in stellen]


def _aktionen(request, stellen):
    posts = persoenlich.objects(
        queries.mit_autor_land(Beitrag.objects.select_related("diskussion", "author").defer("body", "body_html")),
        stellen,
        "beitrag",
    )
    parts = []
    for post in posts:
        beitraege.mark_permissions([post], request.user, post.diskussion)
        parts.append(persoenlich.teil(request, BEITRAG_AKTIONEN, {"beitrag": post, "diskussion": post.diskussion}))
    return parts


@persoenlich.register("als_antwort_des_landes", template=ALS_ANTWORT)
def als_antwort_des_landes(request, stellen):
    """The Land's answer button: the same for every member of the Organisation the question is assigned to."""

    def render(stellen):
        return [
            persoenlich.teil(request, ALS_ANTWORT, {"may_answer_as_land": may_answer_as_land(request.user, diskussion)})
            for diskussion in _diskussionen(request, stellen)
        ]

    merkmal = f"organisation={request.user.organisation_id}"
    return persoenlich.geteilt(request, merkmal, "als_antwort_des_landes", stellen, render)


UNGELESEN_KLASSE = "diskussionen/includes/ungelesen_klasse.html"
UNGELESEN_MARKE = "diskussionen/includes/ungelesen_marke.html"
NEUE_BEITRAEGE = "diskussionen/includes/neue_beitraege.html"


def _ungelesen(request, stellen, template):
    """The part for each listed thread: the class and the badge of one list share one query for its unread
    threads, and the part is rendered once, not once per thread. Kept for her until the content or her read
    state changes."""

    def render(stellen):
        pks = tuple(stelle["diskussion"] for stelle in stellen)
        ungelesen = persoenlich.einmal(
            request, ("ungelesen", frozenset(pks)), lambda: queries.ungelesene(request.user, pks)
        )
        html = persoenlich.teil(request, template, {"diskussion": {"is_ungelesen": True}})
        return [html if pk in ungelesen else "" for pk in pks]

    return persoenlich.geteilt(request, _leserin(request), template, stellen, render)


@persoenlich.register("ungelesen_klasse", template=UNGELESEN_KLASSE)
def ungelesen_klasse(request, stellen):
    return _ungelesen(request, stellen, UNGELESEN_KLASSE)


@persoenlich.register("ungelesen_marke", template=UNGELESEN_MARKE)
def ungelesen_marke(request, stellen):
    return _ungelesen(request, stellen, UNGELESEN_MARKE)


@persoenlich.register("neue_beitraege", template=NEUE_BEITRAEGE)
def neue_beitraege(request, stellen):
    return _ungelesen(request, stellen, NEUE_BEITRAEGE)
