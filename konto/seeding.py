"""Seed step of konto: demo accounts for trying the portal; README lists them as demo-only."""

from django.contrib.auth.models import Group

from konto.models import User
from konto.roles import Rolle
from konto.setup import ensure_groups
from netzwerk_site.models import Kommune, Organisation
from netzwerk_site.seeding.loader import register_step

# Demo-only credentials, printed in README.md; never use them on a public server.
DEMO_ACCOUNTS = [
    {
        "username": "redaktion",
        "password": "Redaktion-Demo-2026",
        "first_name": "Rita",
        "last_name": "Redaktion",
        "email": "redaktion@example.org",
        "rolle": Rolle.REDAKTION,
        "organisation": "mffki",
    },
    {
        "username": "pirmasens",
        "password": "Pirmasens-Demo-2026",
        "first_name": "Paula",
        "last_name": "Pirmasens",
        "email": "integration@pirmasens.example.org",
        "rolle": Rolle.MITGLIED_KOMMUNE,
        "kommune": "stadt-pirmasens",
    },
    {
        "username": "ministerium",
        "password": "Ministerium-Demo-2026",
        "first_name": "Malte",
        "last_name": "Ministerium",
        "email": "integration@mffki.example.org",
        "rolle": Rolle.MITGLIED_LAND,
        "organisation": "mffki",
    },
]


def ensure_demo_accounts():
    """Create missing demo accounts; existing ones, and any change made to them, stay as they are."""
    ensure_groups()
    created = 0
    for spec in DEMO_ACCOUNTS:
        if User.objects.filter(username=spec["username"]).exists():
            continue
        user = User.objects.create_user(
            username=spec["username"],
            password=spec["password"],
            email=spec["email"],
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            kommune=Kommune.objects.get(slug=spec["kommune"]) if "kommune" in spec else None,
            organisation=Organisation.objects.get(slug=spec["organisation"]) if "organisation" in spec else None,
        )
        user.groups.add(Group.objects.get(name=spec["rolle"]))
        created += 1
    return created


@register_step(3)
def load_groups(loader):
    """The network's groups before any page that restricts itself to them (internal Veranstaltungen)."""
    ensure_groups()


@register_step(90)
def load_demo_accounts(loader):
    """Last, once the Kommunen and Organisationen exist; only `seed_netzwerk --demo` adds them."""
    loader.totals.append(("neue Demo-Konten", ensure_demo_accounts() if loader.demo else 0))
