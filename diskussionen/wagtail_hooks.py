"""Admin menu "Diskussionen" for the Redaktion: reports, moderation of threads, assignments, and the log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from diskussionen import (
    admin_views,
    personal_data,  # noqa: F401 (registers its hooks)
    sections,  # noqa: F401 (registers its hooks)
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("diskussionen/meldungen/", admin_views.meldungen, name="diskussionen_admin_meldungen"),
        path(
            "diskussionen/beitrag/<int:pk>/<str:aktion>/",
            admin_views.beitrag_moderieren,
            name="diskussionen_admin_beitrag",
        ),
        path("diskussionen/", admin_views.diskussionen, name="diskussionen_admin_diskussionen"),
        path(
            "diskussionen/<int:pk>/sperren/",
            admin_views.sperren,
            {"gesperrt": True},
            name="diskussionen_admin_sperren",
        ),
        path(
            "diskussionen/<int:pk>/entsperren/",
            admin_views.sperren,
            {"gesperrt": False},
            name="diskussionen_admin_entsperren",
        ),
        path("diskussionen/<int:pk>/zuweisen/", admin_views.zuweisen, name="diskussionen_admin_zuweisen"),
        path("diskussionen/protokoll/", admin_views.protokoll, name="diskussionen_admin_protokoll"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


diskussionen_menu = Menu(register_hook_name="register_diskussionen_menu_item", construct_hook_name=None)


@hooks.register("register_diskussionen_menu_item")
def register_meldungen_item():
    return PermissionMenuItem(
        _("Gemeldete Beiträge"),
        reverse("diskussionen_admin_meldungen"),
        icon_name="warning",
        order=100,
        permission="diskussionen.view_meldung",
    )


@hooks.register("register_diskussionen_menu_item")
def register_diskussionen_item():
    return PermissionMenuItem(
        _("Diskussionen und Fragen an das Land"),
        reverse("diskussionen_admin_diskussionen"),
        icon_name="comment",
        order=200,
        permission="diskussionen.change_diskussion",
    )


@hooks.register("register_diskussionen_menu_item")
def register_protokoll_item():
    return PermissionMenuItem(
        _("Moderationsprotokoll"),
        reverse("diskussionen_admin_protokoll"),
        icon_name="list-ul",
        order=300,
        permission="diskussionen.view_moderationsprotokoll",
    )


@hooks.register("register_admin_menu_item")
def register_diskussionen_menu():
    return SubmenuMenuItem(_("Diskussionen"), diskussionen_menu, icon_name="comment", order=160)
