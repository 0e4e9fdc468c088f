"""Who may do what with a Praxisbeispiel; each check reads as a sentence: may_record_uebernahme(user, praxisbeispiel)."""

from konto.roles import is_member, is_redaktion


def may_record_uebernahme(user, praxisbeispiel):
    """Only members who speak for a Kommune record or withdraw adoptions, for that Kommune, of another's example."""
    return is_member(user) and user.kommune_id is not None and not is_own_example(user, praxisbeispiel)


def is_own_example(user, praxisbeispiel):
    """The example comes from the user's Kommune: it cannot adopt what it started."""
    return user.kommune_id is not None and praxisbeispiel.kommunen.filter(pk=user.kommune_id).exists()


def may_withdraw_kontakt(user, praxisbeispiel):
    """Redaktion, and the member who submitted the example, may withdraw the contact person's consent."""
    return is_redaktion(user) or (is_member(user) and praxisbeispiel.eingereicht_von_id == user.pk)
