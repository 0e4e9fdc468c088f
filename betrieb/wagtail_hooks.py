from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.permissions import register_permission_policy

from betrieb.group_permissions import ObjektrechteProtokoll
from betrieb.models import AuditEintrag
from betrieb.viewsets import AuditViewSet, SuperuserOnlyPolicy
from netzwerk_site import persoenlich

# Before the viewset registers, or Wagtail creates its default policy based on model permissions.
register_permission_policy(AuditEintrag, SuperuserOnlyPolicy(AuditEintrag))


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditViewSet("audit")


@hooks.register("register_group_permission_panel", order=10_000)
def register_objektrechte_protokoll():
    return ObjektrechteProtokoll


@hooks.register("before_serve_page")
def mitglieder_zwischenspeichern(page, request, serve_args, serve_kwargs):
    """Page types with `members_cacheable = True` may be served to members from the cache of their class.

    Not under a password restriction: whether the viewer entered the password is in her session, not her class.
    """
    if not (persoenlich.build_allowed(request) and getattr(page.specific_class, "members_cacheable", False)):
        return
    if page.get_view_restrictions().filter(restriction_type=PageViewRestriction.PASSWORD).exists():
        return
    persoenlich.mark_cacheable(request)
