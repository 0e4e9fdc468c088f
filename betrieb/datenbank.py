"""The query planner's statistics, refreshed after bulk writes and once a day.

SQLite keeps no statistics unless ANALYZE runs. Without them it guesses, and a query for the five Themenfeld
pages scans all 12,000 pages of the tree first (8 ms at benchmark scale 100, 1.5 ms after ANALYZE); every
public list joins the page tree this way. PostgreSQL's autovacuum analyzes on its own, but only some time
after a restore or a bulk load. ANALYZE of the whole database takes about 0.2 s at scale 100 on SQLite.
"""

from django.db import connection


def statistik_aktualisieren():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
