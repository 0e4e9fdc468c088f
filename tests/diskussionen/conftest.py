from datetime import date
from html.parser import HTMLParser

from django.contrib.auth.models import Permission

import pytest

from konto.roles import Rolle
from tests.factories.diskussionen import BeitragFactory, DiskussionFactory
from tests.factories.konto import UserFactory
from tests.factories.netzwerk_site import KommuneFactory, OrganisationFactory, ThemenfeldFactory


@pytest.fixture
def themenfeld(db):
    return ThemenfeldFactory(slug="sprache-und-bildung", title="Sprache und Bildung")


@pytest.fixture
def ministerium(db):
    return OrganisationFactory(
        slug="mffki", name="Ministerium für Familie, Frauen, Kultur und Integration", short_name="MFFKI"
    )


@pytest.fixture
def land_member(groups, ministerium):
    return UserFactory(rolle=Rolle.MITGLIED_LAND, username="land", organisation=ministerium)


@pytest.fixture
def member(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, username="kommune", kommune=KommuneFactory(name="Mayen-Koblenz"))


@pytest.fixture
def admin_member(member):
    """The Kommune member, allowed into the Wagtail admin: only the screens' own permission policies refuse her."""
    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return member


@pytest.fixture
def other_member(groups):
    return UserFactory(rolle=Rolle.MITGLIED_KOMMUNE, username="nachbar", kommune=KommuneFactory(name="Vulkaneifel"))


@pytest.fixture
def diskussion(member, themenfeld):
    """A thread started by member with one post; member follows it as if she had posted through the form."""
    diskussion = DiskussionFactory(author=member, themenfeld=themenfeld, title="Sprachstand nach der Zuweisung")
    BeitragFactory(diskussion=diskussion, author=member, body="Wie organisieren Sie die Sprachstandsfeststellung?")
    diskussion.beitrag_count = 1
    diskussion.save()
    return diskussion


@pytest.fixture
def frage(diskussion):
    diskussion.is_frage_an_land = True
    diskussion.save()
    return diskussion


@pytest.fixture
def zugewiesene_frage(frage, ministerium):
    """The question, assigned to the ministerium and due at the end of 2026."""
    frage.zugewiesen_an = ministerium
    frage.faellig_am = date(2026, 12, 31)
    frage.save()
    return frage


class ExecutableMarkupFinder(HTMLParser):
    """Collects everything in an HTML document that could run script or load foreign content.

    The site's own scripts, stylesheets and pictures (the signet in header and footer) come from /static/.
    """

    FORBIDDEN_TAGS = {
        "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "base",
        "video", "audio", "source", "template", "xml", "isindex", "marquee", "input-image", "portal", "noscript",
    }  # fmt: skip
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcset"}
    BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self._in_script = True
            if not (attributes.get("src") or "").startswith("/static/"):
                self.found.append(("script", attrs))
        elif (
            tag in self.FORBIDDEN_TAGS
            or tag == "link"
            and not (attributes.get("href") or "").startswith("/static/")
            or tag == "img"
            and not (attributes.get("src") or "").startswith("/static/")
            or tag == "meta"
            and "http-equiv" in attributes
        ):
            self.found.append((tag, attrs))
        for name, value in attrs:
            compact = "".join((value or "").split()).lower()
            if (
                name.startswith("on")
                or name in ("style", "srcdoc", "formaction")
                or name in self.URL_ATTRIBUTES
                and compact.startswith(self.BAD_SCHEMES)
            ):
                self.found.append((tag, name, value))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(("inline script", data))


def executable_markup(html):
    finder = ExecutableMarkupFinder()
    finder.feed(html)
    finder.close()
    return finder.found


@pytest.fixture
def find_executable():
    return executable_markup
