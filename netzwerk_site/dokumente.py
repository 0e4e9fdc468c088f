"""Wagtail documents leave the portal only as downloads in a sandbox, like members' attachments.

Wagtail's view /dokumente/<id>/<name> runs its hook check_view_restrictions first, which refuses whoever the
document's collection does not admit (konto.sammlungen), then streams the file from PRIVATE_MEDIA_ROOT
(uploads.MediaStorage) with `default-src 'none'` and `nosniff`. WAGTAILDOCS_INLINE_CONTENT_TYPES = [] makes
every document a download; DocumentSandboxMiddleware adds the sandbox that downloads of members' attachments
have (uploads.download_response), so a file a browser takes for HTML or script cannot run in the portal's origin.
"""

from netzwerk_site import uploads

SERVE_VIEW = "wagtaildocs_serve"


class DocumentSandboxMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and match.url_name == SERVE_VIEW:
            response["Content-Security-Policy"] = uploads.SANDBOX_CSP
            response["X-Content-Type-Options"] = "nosniff"
        return response
