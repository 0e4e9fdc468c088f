"""Who may do what in a Diskussion; each check reads as a sentence: may_edit(user, beitrag)."""

from diskussionen.choices import Stand
from konto.roles import Rolle, is_land_member, is_redaktion


def is_author(user, beitrag):
    return user.is_authenticated and beitrag.author_id == user.pk


def may_reply(user, diskussion):
    return not diskussion.is_gesperrt


def may_edit(user, beitrag):
    """The author edits her own visible Beitrag while the thread is not locked."""
    return is_author(user, beitrag) and beitrag.is_sichtbar and not beitrag.diskussion.is_gesperrt


def may_delete(user, beitrag):
    return is_author(user, beitrag) and not beitrag.is_geloescht


def may_mark_answer(user, beitrag):
    """A Land member marks a visible Beitrag by a Land member as the Land's official answer."""
    if not (is_land_member(user) and beitrag.is_sichtbar and not beitrag.is_antwort_des_landes):
        return False
    # The thread page annotates author_is_land for all its posts at once (see queries.beitraege_seite).
    author_is_land = getattr(beitrag, "author_is_land", None)
    if author_is_land is None:
        author_is_land = (
            beitrag.author_id is not None and beitrag.author.groups.filter(name=Rolle.MITGLIED_LAND).exists()
        )
    return author_is_land


def may_answer_as_land(user, diskussion):
    """A member of the Land Organisation the question is assigned to posts the official answer in one step."""
    return (
        diskussion.is_frage_an_land
        and diskussion.zugewiesen_an_id is not None
        and is_land_member(user)
        and user.organisation_id == diskussion.zugewiesen_an_id
        and may_reply(user, diskussion)
    )


def may_close(user, diskussion):
    """The member who started the Diskussion, or the Redaktion, marks it erledigt."""
    is_starter = user.is_authenticated and diskussion.author_id == user.pk
    return diskussion.stand != Stand.ERLEDIGT and (is_starter or is_redaktion(user))


def may_see_fragen(user):
    """The list of questions assigned to the Land is for Land members."""
    return is_land_member(user)
