import datetime

import factory
import wagtail_factories

from veranstaltungen.choices import Art, Sichtbarkeit, Status
from veranstaltungen.models import VeranstaltungIndexPage, VeranstaltungPage


class VeranstaltungIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = VeranstaltungIndexPage

    title = "Veranstaltungen"
    slug = "veranstaltungen"


class VeranstaltungPageFactory(wagtail_factories.PageFactory):
    """A public, timed, single Veranstaltung; pass themenfelder as a list, times None for all-day."""

    class Meta:
        model = VeranstaltungPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Netzwerktreffen {n:03d}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    art = Art.NETZWERKTREFFEN
    summary = factory.Faker("sentence", nb_words=12, locale="de_DE")
    start_date = datetime.date(2027, 3, 9)
    start_time = datetime.time(10, 0)
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    end_time = datetime.time(12, 30)
    ort = "Rathaus Mainz, Jockel-Fuchs-Platz 1, 55116 Mainz"
    sichtbarkeit = Sichtbarkeit.OEFFENTLICH
    status = Status.GEPLANT

    @factory.post_generation
    def themenfelder(self, create, extracted, **kwargs):
        if extracted:
            self.themenfelder.set(extracted)
            self.save()
