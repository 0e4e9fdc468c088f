"""Posting limit per member, counted in the database under a lock on the member, so it holds across processes."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerk_site.refusals import Refusal

DEFAULT_BEITRAEGE_PRO_MINUTE = 5


class ZuVieleBeitraege(Refusal):
    """Raised when a member posts more often than DISKUSSIONEN_BEITRAEGE_PRO_MINUTE allows."""

    status = 429

    def __init__(self, limit):
        self.limit = limit
        super().__init__(
            _(
                "Sie haben in der letzten Minute bereits %(limit)d Beiträge geschrieben. Warten Sie bitte eine Minute "
                "und senden Sie Ihren Beitrag dann erneut; Ihr Text bleibt erhalten."
            )
            % {"limit": limit}
        )


def beitraege_pro_minute():
    return getattr(settings, "DISKUSSIONEN_BEITRAEGE_PRO_MINUTE", DEFAULT_BEITRAEGE_PRO_MINUTE)


def check_rate_limit(user, now=None):
    """Raise ZuVieleBeitraege if the member has used up the posts allowed within the last minute.

    Runs inside the transaction that inserts the Beitrag. It first locks the member's row, so parallel
    posts of one member queue here and each counts the posts committed before it; on SQLite the
    IMMEDIATE transaction (settings) already holds the only write lock.
    """
    from diskussionen.models import Beitrag

    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError("check_rate_limit() belongs in the transaction that inserts the Beitrag.")
    list(get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk"))
    limit = beitraege_pro_minute()
    since = (now or timezone.now()) - timedelta(minutes=1)
    if Beitrag.objects.filter(author=user, created_at__gt=since).count() >= limit:
        raise ZuVieleBeitraege(limit)
