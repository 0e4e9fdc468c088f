"""Posting limit per member, counted in the database so that it holds across processes."""

from datetime import timedelta

from django.conf import settings
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
    """Raise ZuVieleBeitraege if the member has used up the posts allowed within the last minute."""
    from diskussionen.models import Beitrag

    limit = beitraege_pro_minute()
    since = (now or timezone.now()) - timedelta(minutes=1)
    if Beitrag.objects.filter(author=user, created_at__gt=since).count() >= limit:
        raise ZuVieleBeitraege(limit)
