"""Every answer to a signed-in user is private and not stored, so that nothing personal (the data export,
the Konto page, threads, attachments, search answers with members-only hits) stays in the browser's disk
cache or a shared cache after logout. Answers to anonymous visitors keep the caching their views chose."""

from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import empty


class PrivateCacheControlMiddleware:
    """Adds `private, no-store` to the Cache-Control of a signed-in user's answer, keeping stricter words."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _signed_in(request):
            # patch_cache_control drops "public" for "private" and keeps what a view set, e.g. no-cache.
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        return response


def _signed_in(request):
    """True for a signed-in user whom the view has looked at; never loads the session just to ask.

    A view that did not read request.user (/healthz) cannot have put anything personal into its answer.
    """
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return False
    return user.is_authenticated
