"""One way to refuse a request: raise Refusal; RefusalMiddleware renders it in the site layout.

The core knows no feature app, so this module imports only Django.
"""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

TITLES = {
    403: _("Kein Zugriff"),
    404: _("Nicht gefunden"),
    409: _("Nicht möglich"),
    429: _("Zu viele Anfragen"),
}


class Refusal(Exception):
    """A request the portal declines, with its HTTP status and a German sentence that says what to do next.

    403: the user may not do this; 404: the thing is not there for this user; 409: the current state does not
    allow it (a closed registration, an edit conflict); 429: too many requests in a short time.
    """

    status = 403

    def __init__(self, message, status=None):
        super().__init__(message)
        self.message = message
        self.status = status or self.status
        if self.status not in TITLES:
            raise ValueError(f"A refusal answers with one of {sorted(TITLES)}, not {self.status}.")

    @property
    def title(self):
        return TITLES[self.status]


def render_refusal(request, refusal):
    response = render(
        request, "refusal.html", {"title": refusal.title, "message": refusal.message}, status=refusal.status
    )
    response["Cache-Control"] = "private, no-store"
    return response


class RefusalMiddleware:
    """Turns every Refusal a view raises into the refusal page with the refusal's status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Refusal):
            return render_refusal(request, exception)
        return None
