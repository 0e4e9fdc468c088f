"""The audit log in the Wagtail admin: a read-only listing for superusers, filterable by action and date."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy

import django_filters

from betrieb.choices import AuditAktion
from betrieb.models import AuditEintrag


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Active superusers may view entries; nobody may add, change or delete them."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class AuditFilterSet(WagtailFilterSet):
    aktion = django_filters.ChoiceFilter(
        label=_("Aktion"), choices=AuditAktion.choices, empty_label=_("Alle"), widget=forms.RadioSelect
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Zeitraum"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEintrag
        fields = ["aktion", "created_at"]


class AuditViewSet(ModelViewSet):
    model = AuditEintrag
    icon = "list-ul"
    menu_label = _("Audit-Protokoll")
    add_to_settings_menu = True
    menu_order = 900
    list_display = ["created_at", "aktion", "target", "actor_name", "details"]
    filterset_class = AuditFilterSet
    search_fields = ["actor_name", "target"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        """Listing and detail only: the log is written by the portal itself, never by hand."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        """None: access follows superuser status, not permissions a group could be given."""
        return Permission.objects.none()
