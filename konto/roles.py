"""Groups of the network and what each may do."""

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rolle(models.TextChoices):
    MITGLIED_KOMMUNE = "Mitglied (Kommune)", _("Mitglied (Kommune)")
    MITGLIED_LAND = "Mitglied (Land)", _("Mitglied (Land)")
    REDAKTION = "Redaktion", _("Redaktion")


MEMBER_GROUPS = frozenset(Rolle.values)


def group_names(user):
    """The user's group names, fetched once per request and cached on the user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_netzwerk_groups"):
        user._netzwerk_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._netzwerk_groups


def is_member(user):
    """True for active users in any network group, and for superusers."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(group_names(user) & MEMBER_GROUPS)


def is_redaktion(user):
    return user.is_authenticated and user.is_active and (user.is_superuser or Rolle.REDAKTION in group_names(user))


def is_land_member(user):
    return Rolle.MITGLIED_LAND in group_names(user)


def redaktion_users():
    """The active users of the Redaktion group, who hear of new questions to the Land and of reported posts."""
    return get_user_model().objects.filter(is_active=True, groups__name=Rolle.REDAKTION).order_by("pk")
