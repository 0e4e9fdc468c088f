"""The one gate for members-only views."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext_lazy as _

from konto.roles import is_member
from netzwerk_site.refusals import Refusal

NUR_MITGLIEDER = _(
    "Dieser Bereich ist nur für Mitglieder des Netzwerks Integration. Wenn Sie mitarbeiten möchten, bitten Sie "
    "die Redaktion um eine Einladung."
)


def members_only(view):
    """Anonymous and inactive users go to the login with `next`; logged-in users outside the network are refused (403).

    Put it above require_POST and similar decorators: who asks is checked before what was sent.
    """

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_member(request.user):
            raise Refusal(NUR_MITGLIEDER)
        return view(request, *args, **kwargs)

    return wrapped
