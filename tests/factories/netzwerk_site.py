import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from netzwerk_site.choices import Ebene, KommuneArt, OrganisationArt, Umsetzungsstand
from netzwerk_site.models import (
    HandlungsfeldPage,
    HomePage,
    Kommune,
    Organisation,
    Themenfeld,
    ThemenfeldIndexPage,
    ThemenfeldPage,
    Zielgruppe,
)


class ThemenfeldFactory(DjangoModelFactory):
    class Meta:
        model = Themenfeld
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"themenfeld-{n}")
    title = factory.Sequence(lambda n: f"Themenfeld {n}")
    description = factory.Faker("paragraph", locale="de_DE")
    order = factory.Sequence(int)


class KommuneFactory(DjangoModelFactory):
    class Meta:
        model = Kommune

    slug = factory.Sequence(lambda n: f"kommune-{n}")
    name = factory.Sequence(lambda n: f"Musterkreis {n}")
    art = KommuneArt.LANDKREIS


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Landesstelle {n}")
    art = OrganisationArt.MINISTERIUM


class ZielgruppeFactory(DjangoModelFactory):
    class Meta:
        model = Zielgruppe

    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Netzwerk Integration Rheinland-Pfalz"
    slug = "start"


class ThemenfeldIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemenfeldIndexPage

    title = "Themenfelder"
    slug = "themenfelder"


class ThemenfeldPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemenfeldPage

    themenfeld = factory.SubFactory(ThemenfeldFactory)
    title = factory.LazyAttribute(lambda o: o.themenfeld.title)
    slug = factory.LazyAttribute(lambda o: o.themenfeld.slug)
    intro = "<p>Ergebnisse des Workshops.</p>"


class HandlungsfeldPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HandlungsfeldPage

    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")
    situation = factory.LazyFunction(lambda: "<p>Die Ausgangslage.</p>")
    zusammenwirken = "Austausch von Land und Kommunen."
    vereinbarung = "<p>Land und Kommunen wollen sich austauschen.</p>"
    ebene = Ebene.GEMEINSAM
    umsetzungsstand = Umsetzungsstand.VEREINBART
