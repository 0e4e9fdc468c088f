from functools import cache

from konto.benachrichtigungen import ungelesen
from konto.roles import is_member, is_redaktion


def portal(request):
    """Role flags and the unread count that base.html and components need on every page.

    ungelesene_benachrichtigungen is a callable the template calls on first use, so a page that does not show
    the count costs no query; after that the count is cached per member (konto.benachrichtigungen.ungelesen).
    """
    user = getattr(request, "user", None)
    authenticated = bool(user) and user.is_authenticated
    return {
        "is_member": bool(user) and is_member(user),
        "is_redaktion": bool(user) and is_redaktion(user),
        "ungelesene_benachrichtigungen": cache(lambda: ungelesen(user)) if authenticated else 0,
    }
