from wagtail import hooks
from wagtail.permissions import register_permission_policy

from betrieb.group_permissions import ObjektrechteProtokoll
from betrieb.models import AuditEintrag
from betrieb.viewsets import AuditViewSet, SuperuserOnlyPolicy

# Before the viewset registers, or Wagtail creates its default policy based on model permissions.
register_permission_policy(AuditEintrag, SuperuserOnlyPolicy(AuditEintrag))


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditViewSet("audit")


@hooks.register("register_group_permission_panel", order=10_000)
def register_objektrechte_protokoll():
    return ObjektrechteProtokoll
