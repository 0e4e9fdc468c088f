"""Who may do what with a Praxisbeispiel; each check reads as a sentence: may_record_uebernahme(user, praxisbeispiel)."""

from konto.roles import is_member, is_redaktion


def may_record_uebernahme(user, praxisbeispiel):
    """Only members who speak for a Kommune record or withdraw adoptions, and only for that Kommune."""
    return is_member(user) and user.kommune_id is not None


def may_withdraw_kontakt(user, praxisbeispiel):
    """Redaktion, and the member who submitted the example, may withdraw the contact person's consent."""
    return is_redaktion(user) or (is_member(user) and praxisbeispiel.eingereicht_von_id == user.pk)
