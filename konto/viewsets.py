"""Wagtail admin screens guarded by a permission policy: the base for the Redaktion's screens, and the invitation."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from konto.forms import EinladungForm
from konto.invitations import create_invitation, send_invitation
from konto.models import Einladung


class PolicyView(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """An admin screen whose `model` names the permission policy and `permission_required` the action it needs."""

    model = None
    index_url_name = None

    def get_success_url(self):
        return reverse(self.index_url_name)

    def get_breadcrumbs_items(self):
        # The header names the screen, after "Home", as Wagtail's own listings do.
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class PolicyViewSet(ViewSet):
    """Admin screens whose menu item is shown to exactly the users the index view admits.

    The policy comes from Wagtail's registry for the index view's model (ModelPermissionPolicy unless another is
    registered), so that views and menu ask the same question.
    """

    index_view_class = None

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(self.index_view_class.model)

    @cached_property
    def menu_item_class(self):
        viewset = self

        def is_shown(item, request):
            return viewset.permission_policy.user_has_permission(
                request.user, viewset.index_view_class.permission_required
            )

        return type(f"{type(self).__name__}MenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            header_icon=self.icon, index_url_name=self.get_url_name("index"), **kwargs
        )

    @cached_property
    def index_view(self):
        return self.construct_view(self.index_view_class)


class EinladenView(PolicyView, FormView):
    model = Einladung
    permission_required = "add"
    page_title = gettext_lazy("Mitglied einladen")
    template_name = "konto/admin/einladen.html"
    form_class = EinladungForm

    def form_valid(self, form):
        einladung, raw_token = create_invitation(created_by=self.request.user, **form.cleaned_data)
        send_invitation(einladung, raw_token)
        messages.success(self.request, _("Die Einladung an %(email)s wurde verschickt.") % {"email": einladung.email})
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        einladungen = Einladung.objects.select_related("kommune", "organisation", "created_by")[:50]
        return super().get_context_data(einladungen=einladungen, **kwargs)


class EinladenViewSet(PolicyViewSet):
    """Redaktion invites new members; the screen lists the latest invitations."""

    icon = "mail"
    menu_label = gettext_lazy("Mitglied einladen")
    menu_order = 900
    add_to_admin_menu = True
    url_prefix = "konto/einladen"
    index_view_class = EinladenView

    def get_urlpatterns(self):
        return [path("", self.index_view, name="index")]
