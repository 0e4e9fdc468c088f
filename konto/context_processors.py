from konto.roles import is_member, is_redaktion


def portal(request):
    """Role flags that base.html and components need on every page."""
    user = getattr(request, "user", None)
    return {
        "is_member": bool(user) and is_member(user),
        "is_redaktion": bool(user) and is_redaktion(user),
    }
