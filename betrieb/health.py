"""The checks behind /healthz: does the database answer, and can the configured search engine answer."""

import logging

from django.db import DatabaseError, connection

from search.engines import configured_engine
from search.models import SuchDokument

logger = logging.getLogger("netzwerk.betrieb")

OK, FEHLER, AUSWEICHBETRIEB = "ok", "fehler", "ausweichbetrieb"
# Load balancers give a health check a few seconds; Elasticsearch must answer well within that.
ELASTICSEARCH_TIMEOUT_SEKUNDEN = 1.0


def zustand():
    """{"status", "datenbank", "suche"}; status follows the database alone, as that decides whether pages work."""
    datenbank = datenbank_status()
    suche = suche_status(datenbank_ok=datenbank == OK)
    return {"status": OK if datenbank == OK else FEHLER, "datenbank": datenbank, "suche": suche}


def datenbank_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: Die Datenbank antwortet nicht.")
        return FEHLER
    return OK


def suche_status(datenbank_ok=True):
    """ok; ausweichbetrieb when Elasticsearch is configured but down and the database engine steps in; fehler.

    Without a database neither the database engine nor the fallback can work, so it is not asked again.
    """
    engine = configured_engine()
    if engine.name == "elasticsearch":
        if engine.is_reachable(timeout=ELASTICSEARCH_TIMEOUT_SEKUNDEN):
            return OK
        logger.warning("Health check: Elasticsearch antwortet nicht, die Suche nutzt die Datenbank.")
        return AUSWEICHBETRIEB if datenbank_ok and _database_index_status() == OK else FEHLER
    return _database_index_status() if datenbank_ok else FEHLER


def _database_index_status():
    """A trivial read on the index table of the database engine."""
    try:
        SuchDokument.objects.exists()
    except DatabaseError:
        logger.exception("Health check: Der Suchindex in der Datenbank ist nicht lesbar.")
        return FEHLER
    return OK
