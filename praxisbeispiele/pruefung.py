"""When a Praxisbeispiel is due for the Redaktion's review: 12 months after the last review or first publication."""

from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

REVIEW_MONTHS = 12


def review_due_before(today=None):
    """The day 12 months before today; a review or first publication before it is overdue."""
    today = today or timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - REVIEW_MONTHS, 12)
    month += 1
    try:
        return today.replace(year=year, month=month)
    except ValueError:  # 29 February a year later: the last day of that February
        return date(year, month, 28)


def is_review_due(zuletzt_geprueft, first_published_at, today=None):
    """Never-published drafts are not due: there is nothing public to check yet."""
    cutoff = review_due_before(today)
    if zuletzt_geprueft is not None:
        return zuletzt_geprueft < cutoff
    return first_published_at is not None and timezone.localdate(first_published_at) < cutoff


def review_due_q(today=None):
    cutoff = review_due_before(today)
    start_of_cutoff = timezone.make_aware(datetime.combine(cutoff, time.min))
    return Q(zuletzt_geprueft__lt=cutoff) | Q(zuletzt_geprueft__isnull=True, first_published_at__lt=start_of_cutoff)
