"""konto's part of `bereit_fuer_betrieb`: active demo accounts and accounts with an example address."""

from konto.models import User
from konto.seeding import DEMO_ACCOUNTS
from netzwerk_site import golive


def _demo_usernames():
    return [spec["username"] for spec in DEMO_ACCOUNTS]


@golive.register(order=20)
def demo_konten():
    names = User.objects.filter(is_active=True, username__in=_demo_usernames()).order_by("username")
    return [
        f"Das Demo-Konto „{name}“ ist aktiv, sein Passwort steht im README: Löschen oder deaktivieren Sie es "
        "im Admin unter „Benutzer“."
        for name in names.values_list("username", flat=True)
    ]


@golive.register(order=21)
def beispieladressen():
    """Active accounts whose e-mail is an example address; demo accounts have their own line above."""
    users = (
        User.objects.filter(is_active=True, email__icontains="example")
        .exclude(username__in=_demo_usernames())
        .order_by("username")
    )
    return [
        f"Das Konto „{user.username}“ hat die Beispieladresse „{address}“: Tragen Sie im Admin unter "
        "„Benutzer“ die echte E-Mail-Adresse ein oder deaktivieren Sie das Konto."
        for user in users
        if (address := golive.example_address(user.email))
    ]
