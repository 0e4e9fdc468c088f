from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from konto import admin_views, seeding  # noqa: F401 (seeding registers the demo accounts step)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("konto/einladen/", admin_views.einladen, name="konto_einladen")]


class EinladenMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("konto.add_einladung")


@hooks.register("register_admin_menu_item")
def register_einladen_menu_item():
    return EinladenMenuItem(_("Mitglied einladen"), reverse("konto_einladen"), icon_name="mail", order=900)
