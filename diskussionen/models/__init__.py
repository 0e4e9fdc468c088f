from diskussionen.models.benachrichtigung import (
    Abonnement,
    Benachrichtigung,
    Benachrichtigungseinstellung,
    ThemenfeldAbonnement,
)
from diskussionen.models.diskussion import EHEMALIGES_MITGLIED, Anhang, Beitrag, BeitragVersion, Diskussion, Lesestand
from diskussionen.models.moderation import Meldung, Moderationsprotokoll

__all__ = [
    "EHEMALIGES_MITGLIED",
    "Abonnement",
    "Anhang",
    "Beitrag",
    "BeitragVersion",
    "Benachrichtigung",
    "Benachrichtigungseinstellung",
    "Diskussion",
    "Lesestand",
    "Meldung",
    "Moderationsprotokoll",
    "ThemenfeldAbonnement",
]
