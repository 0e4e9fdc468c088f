"""One log line per request with a request ID, and the request context for the audit log."""

import logging
import re
import time
import uuid

from django.utils.functional import empty

from betrieb import audit, logs

logger = logging.getLogger("netzwerk.request")

REQUEST_ID_HEADER = "X-Request-ID"
# Accept a load balancer's id only if it is harmless in logs and headers: no spaces, quotes or line breaks.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
# URL parts that work like passwords (invitation, calendar feed, unsubscribe, password reset links).
SECRET_URL_KWARGS = ("token", "uidb64")


class RequestLogMiddleware:
    """Log method, path, status, duration and user id for every request.

    The query string is never logged (it may carry personal data), nor are secret tokens in the path.

    Placed first in MIDDLEWARE, so that the duration covers every other middleware and responses that
    middleware returns early (HTTPS redirect, static files) are logged and carry the X-Request-ID too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A NUL byte in the User-Agent would reach the lockout log (django-axes), which PostgreSQL refuses.
        if "\x00" in request.META.get("HTTP_USER_AGENT", ""):
            request.META["HTTP_USER_AGENT"] = request.META["HTTP_USER_AGENT"].replace("\x00", "")
        request_id = incoming_request_id(request) or uuid.uuid4().hex
        request.request_id = request_id
        token = logs.bind_request_id(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            response[REQUEST_ID_HEADER] = request_id
            log_request(request, response.status_code, duration_ms)
            return response
        finally:
            logs.reset_request_id(token)


def incoming_request_id(request):
    value = request.headers.get(REQUEST_ID_HEADER, "")
    return value if VALID_REQUEST_ID.fullmatch(value) else None


def log_request(request, status, duration_ms):
    path = loggable_path(request)
    fields = {
        "request_id": request.request_id,
        "method": request.method,
        "path": path,
        "status": status,
        "duration_ms": duration_ms,
        "user_id": _user_id(request),
    }
    level = logging.WARNING if status >= 500 else logging.INFO
    logger.log(level, "%s %s %s %.1f ms", request.method, path, status, duration_ms, extra=fields)


def loggable_path(request):
    """The path with the values of secret URL parts replaced, as far as URL resolution found them."""
    path = request.path
    kwargs = request.resolver_match.kwargs if getattr(request, "resolver_match", None) else {}
    for name in SECRET_URL_KWARGS:
        if kwargs.get(name):
            path = path.replace(str(kwargs[name]), "[entfernt]")
    return path


def _user_id(request):
    """The signed-in user's id if the request already looked the user up; never loads the session for the log."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None


class AuditMiddleware:
    """Make the request (its user and address) known to the audit log's signal handlers.

    Stores the request only; the user is looked up lazily, when an audited event actually happens.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit.request_context(request):
            return self.get_response(request)
