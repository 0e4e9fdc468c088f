"""Content-Security-Policy for every path, the Wagtail admin included.

The portal's policy forbids inline scripts and styles and every other host. The Wagtail admin
(used by Redaktion only, behind login) cannot run under it: Wagtail 8 writes inline <script>
blocks into the page explorer and the editor, without nonces. The admin therefore gets
'unsafe-inline' for scripts and styles, and nothing else: no eval, no other host, no framing.
tests/browser/test_admin_csp.py checks in Chromium that the admin raises no violation under this
policy and that the public pages keep the strict one.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES) and parts.config is None:
            parts.replace = {**ADMIN_REPLACE, **(parts.replace or {})}
        return parts
