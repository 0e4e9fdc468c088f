"""Who may do what with a Veranstaltung; each check reads as a sentence: may_see_teilnehmende(user, page)."""

from konto.roles import is_member, is_redaktion


def may_register(user, page):
    """Members register; whether seats, deadline and status allow it is decided by anmeldung.check_open."""
    return is_member(user)


def may_see_teilnehmende(user, page):
    """Redaktion and the members of the organising Organisation see and export the list."""
    if is_redaktion(user):
        return True
    return is_member(user) and page.veranstalter_id is not None and user.organisation_id == page.veranstalter_id
