"""The username django-axes records for a login attempt: what was typed, made storable."""

# The lockout tables store the username in a column of 255 characters; PostgreSQL refuses NUL bytes.
MAX_LAENGE = 255


def benutzername(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the typed username without NUL bytes, cut to the column length."""
    if credentials:
        value = credentials.get("username", "")
    else:
        value = request.POST.get("username", "") if request is not None and request.method == "POST" else ""
    return str(value or "").replace("\x00", "")[:MAX_LAENGE]
