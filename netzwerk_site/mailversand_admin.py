""" "Mailversand: Fehler" in the Wagtail admin: the mails the mail server refused, read-only, for the Redaktion.

Rows come only from netzwerk_site/mail.py; a mail that was sent on a later attempt stays listed as "Zugestellt",
one given up on as "Aufgegeben" with its last error.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy

from netzwerk_site.models import Mailversand

ADMIN_ZUGANG = "wagtailadmin.access_admin"


class AdminZugangPolicy(BasePermissionPolicy):
    """Whoever may use the Wagtail admin (the Redaktion) may view the rows; nobody adds, changes or deletes them."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(ADMIN_ZUGANG)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return [user for user in get_user_model().objects.filter(is_active=True) if user.has_perm(ADMIN_ZUGANG)]


class MailversandViewSet(ModelViewSet):
    model = Mailversand
    icon = "warning"
    menu_label = _("Mailversand: Fehler")
    add_to_settings_menu = True
    menu_order = 910
    list_display = ["updated_at", "stand", "empfaenger", "betreff", "versuche", "letzter_fehler"]
    list_filter = ["stand"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = ["empfaenger", "betreff", "vorlage", "stand", "versuche", "letzter_fehler", "created_at"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        """Listing and detail only: the rows are written by the mail task, never by hand."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        """None: access follows admin access, not permissions a group could be given."""
        return Permission.objects.none()
