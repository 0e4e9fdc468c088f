"""Login lockout (django-axes): what it records per attempt, and when it locks.

A username is locked at one address after AXES_FAILURE_LIMIT failures (AXES_LOCKOUT_PARAMETERS), so a
colleague behind the same NAT or load balancer can still sign in. The address as a whole is locked only
after AXES_IP_FAILURE_LIMIT failures across all usernames, which stops guessing many accounts from one place.
The address is the one netzwerk_site.client_address resolves (AXES_CLIENT_IP_CALLABLE).
"""

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt

# The lockout tables store the username in a column of 255 characters; PostgreSQL refuses NUL bytes.
MAX_LAENGE = 255


def benutzername(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the typed username without NUL bytes, cut to the column length."""
    if credentials:
        value = credentials.get("username", "")
    else:
        value = request.POST.get("username", "") if request is not None and request.method == "POST" else ""
    return str(value or "").replace("\x00", "")[:MAX_LAENGE]


class Sperre(AxesDatabaseHandler):
    """AXES_HANDLER: the database handler, plus a lock on the address after AXES_IP_FAILURE_LIMIT failures."""

    def get_failures(self, request, credentials=None):
        """Failures of this username at this address; the lock's limit once the address has used up its own."""
        failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.AXES_IP_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def address_failures(self, request):
        """Failures from the request's address within the lock time, whatever username was typed."""
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def gesperrt(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page, naming the lock time and who can lift the lock earlier."""
    context = {
        "minuten": round(get_cool_off(request).total_seconds() / 60),
        "redaktion_email": settings.REDAKTION_EMAIL,
    }
    return render(request, "konto/gesperrt.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
