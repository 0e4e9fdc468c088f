from django.db import models
from django.utils.translation import gettext_lazy as _


class Benachrichtigungsart(models.TextChoices):
    """What a Benachrichtigung is about; members can turn off the e-mail per Art, never the row in the portal."""

    FRAGE_NEU = "frage_neu", _("Neue Frage an das Land")
    FRAGE_ZUGEWIESEN = "frage_zugewiesen", _("Frage an Ihre Stelle zugewiesen")
    FRAGE_ERINNERUNG = "frage_erinnerung", _("Erinnerung an eine fällige Frage")
    FRAGE_UEBERFAELLIG = "frage_ueberfaellig", _("Frage an das Land überfällig")
    ANTWORT_DES_LANDES = "antwort_des_landes", _("Antwort des Landes")
    BEITRAG_GEMELDET = "beitrag_gemeldet", _("Beitrag gemeldet")
    BEITRAG_AUSGEBLENDET = "beitrag_ausgeblendet", _("Ihr Beitrag wurde ausgeblendet")
    EINREICHUNG_NEU = "einreichung_neu", _("Neue Einreichung")
    EINREICHUNG_UEBERARBEITET = "einreichung_ueberarbeitet", _("Einreichung überarbeitet")
    EINREICHUNG_SCHRITT = "einreichung_schritt", _("Neuer Stand Ihrer Einreichung")
    BARRIERE_GEMELDET = "barriere_gemeldet", _("Barriere gemeldet")
    BARRIERE_ERINNERUNG = "barriere_erinnerung", _("Antwortfrist einer Barrieremeldung läuft ab")
    PRUEFUNG_FAELLIG = "pruefung_faellig", _("Praxisbeispiel prüfen: Ist das noch aktuell?")
    ANMELDUNG = "anmeldung", _("Anmeldung zu einer Veranstaltung")
    WARTELISTE_NACHGERUECKT = "warteliste_nachgerueckt", _("Von der Warteliste nachgerückt")
    VERANSTALTUNG_GEAENDERT = "veranstaltung_geaendert", _("Veranstaltung verschoben oder abgesagt")
    WOCHENUEBERBLICK = "wochenueberblick", _("Wochenüberblick des Netzwerks")
