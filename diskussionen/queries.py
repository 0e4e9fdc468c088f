"""Querysets of the forum with their select/prefetch, the Land-question figures, and the home page teaser."""

import statistics

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.utils import timezone

from diskussionen import antwortzeiten, filters
from diskussionen.choices import Stand
from diskussionen.models import Abonnement, Beitrag, BeitragVersion, Diskussion, Lesestand, ThemenfeldAbonnement
from konto.roles import Rolle, is_member
from netzwerk_site import auswahl as liste
from netzwerk_site.auswahl import paginate
from netzwerk_site.models import Themenfeld

DEFAULT_BEITRAEGE_PRO_SEITE = 20
DISKUSSIONEN_PRO_SEITE = 25


def beitraege_pro_seite():
    return getattr(settings, "DISKUSSIONEN_BEITRAEGE_PRO_SEITE", DEFAULT_BEITRAEGE_PRO_SEITE)


def _gelesen_am(user):
    """When the member last read each Diskussion of the query (None: never)."""
    return Subquery(Lesestand.objects.filter(user=user, diskussion=OuterRef("pk")).values("gelesen_am")[:1])


def diskussionen_fuer(user):
    """All Diskussionen, newest activity first, each with is_ungelesen for this member."""
    return (
        Diskussion.objects.select_related("themenfeld", "author__kommune", "author__organisation", "zugewiesen_an")
        .annotate(gelesen_am=_gelesen_am(user))
        .annotate(
            is_ungelesen=Case(
                When(gelesen_am__isnull=True, then=Value(True)),
                When(gelesen_am__lt=F("last_activity_at"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-last_activity_at", "-pk")
    )


def diskussionen_seite(user, auswahl):
    """(page, notices): one page of the Diskussionen under the chosen filters."""
    diskussionen = liste.narrow(diskussionen_fuer(user), auswahl, filters.FACETS)
    return liste.paginate(diskussionen, auswahl.seite, DISKUSSIONEN_PRO_SEITE)


def land_statistik(today=None):
    """Open questions to the Land, how many are overdue, and the median working time to the Land's first answer."""
    fragen = Diskussion.objects.filter(is_frage_an_land=True)
    today = today or timezone.localdate()
    offene = fragen.filter(stand=Stand.OFFEN)
    dauern = [
        antwortzeiten.arbeitszeit(begonnen, beantwortet)
        for begonnen, beantwortet in fragen.filter(beantwortet_am__isnull=False).values_list(
            "created_at", "beantwortet_am"
        )
    ]
    median = statistics.median(dauern) if dauern else None
    return {
        "offene_fragen": offene.count(),
        "ueberfaellige_fragen": offene.filter(faellig_am__lt=today).count(),
        "beantwortete_fragen": len(dauern),
        "median_antwortzeit": median,
        "median_antwortzeit_text": antwortzeiten.dauer_text(median) if median is not None else "",
    }


def beitraege_seite(diskussion, seite, *, mit_versionen=False):
    """(page, notices): one page of a thread's Beiträge; the number of queries does not grow with the thread."""
    beitraege = (
        mit_autor_land(diskussion.beitraege.select_related("author__kommune", "author__organisation"))
        .prefetch_related("anhaenge")
        .order_by("created_at", "pk")
    )
    if mit_versionen:
        beitraege = beitraege.prefetch_related(
            Prefetch("versionen", queryset=BeitragVersion.objects.order_by("-version"))
        )
    return paginate(beitraege, seite, beitraege_pro_seite())


def mit_autor_land(beitraege):
    """The Beiträge with author_is_land, which may_mark_answer reads instead of asking per post."""
    land_group = get_user_model().groups.through.objects.filter(
        user_id=OuterRef("author_id"), group__name=Rolle.MITGLIED_LAND
    )
    return beitraege.annotate(author_is_land=Exists(land_group))


def ungelesene(user, pks):
    """Which of these Diskussionen have news for the member (as is_ungelesen of diskussionen_fuer decides).

    Two plain queries for a cached page's personal parts: compiling the one with the annotation costs more
    than both together (0.65 ms against 1.1 ms per list of 20 threads, measured on SQLite).
    """
    gelesen = dict(
        Lesestand.objects.filter(user=user, diskussion_id__in=pks).values_list("diskussion_id", "gelesen_am")
    )
    letzte = Diskussion.objects.filter(pk__in=pks).values_list("pk", "last_activity_at")
    return {pk for pk, zuletzt in letzte if gelesen.get(pk) is None or gelesen[pk] < zuletzt}


def seite_von(beitrag):
    """The page number on which a Beitrag appears in its thread (for permalinks)."""
    vorher = Beitrag.objects.filter(diskussion_id=beitrag.diskussion_id).filter(
        Q(created_at__lt=beitrag.created_at) | Q(created_at=beitrag.created_at, pk__lt=beitrag.pk)
    )
    return vorher.count() // beitraege_pro_seite() + 1


def mit_eigenem_stand(diskussionen, user):
    """The Diskussionen with the member's gelesen_am (None: never read) and is_following, in the same query."""
    return diskussionen.annotate(
        gelesen_am=_gelesen_am(user),
        is_following=Exists(Abonnement.objects.filter(user=user, diskussion=OuterRef("pk"))),
    )


def is_following(user, diskussion):
    return Abonnement.objects.filter(user=user, diskussion=diskussion).exists()


def offene_fragen_fuer(user, today=None):
    """Open questions assigned to the member's Land Organisation, overdue first, then by due date."""
    if not user.organisation_id:
        return Diskussion.objects.none()
    today = today or timezone.localdate()
    return (
        Diskussion.objects.filter(is_frage_an_land=True, stand=Stand.OFFEN, zugewiesen_an_id=user.organisation_id)
        .select_related("themenfeld", "author__kommune", "author__organisation", "zugewiesen_an")
        .annotate(
            is_ueberfaellig_flag=Case(
                When(faellig_am__lt=today, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
        .order_by("-is_ueberfaellig_flag", F("faellig_am").asc(nulls_last=True), "created_at")
    )


def beantwortete_fragen_fuer(user, limit=10):
    """The questions the member's Land Organisation answered most recently."""
    if not user.organisation_id:
        return Diskussion.objects.none()
    return (
        Diskussion.objects.filter(
            is_frage_an_land=True, zugewiesen_an_id=user.organisation_id, beantwortet_am__isnull=False
        )
        .select_related("author__kommune", "author__organisation", "zugewiesen_an")
        .order_by("-beantwortet_am", "-pk")[:limit]
    )


def aktive_diskussionen(user, limit=5):
    """The most recently active Diskussionen for the home page; nothing for anyone who is not a member."""
    if not is_member(user):
        return []
    return list(diskussionen_fuer(user)[:limit])


def diskussionen_zu(user, **verknuepfung):
    """Diskussionen linked to a Themenfeld, Handlungsfeld, Praxisbeispiel or Veranstaltung; members only."""
    if not is_member(user):
        return []
    return list(diskussionen_fuer(user).filter(**verknuepfung)[:10])


def themenfelder_mit_abo(user):
    """Every Themenfeld with is_abonniert for this member."""
    abo = ThemenfeldAbonnement.objects.filter(user=user, themenfeld=OuterRef("pk"))
    return Themenfeld.objects.annotate(is_abonniert=Exists(abo))
