from netzwerk_site.models.feedback import Barrieremeldung
from netzwerk_site.models.mailversand import Mailversand
from netzwerk_site.models.pages import (
    HandlungsfeldPage,
    HomePage,
    InhaltsPage,
    KooperationsstrategiePage,
    StrategieabschnittPage,
    ThemenfeldIndexPage,
    ThemenfeldPage,
    UmsetzungsstandAenderung,
)
from netzwerk_site.models.seed import SeedEintrag
from netzwerk_site.models.vocabularies import Kommune, Organisation, Themenfeld, Zielgruppe

__all__ = [
    "Barrieremeldung",
    "HandlungsfeldPage",
    "HomePage",
    "InhaltsPage",
    "Kommune",
    "KooperationsstrategiePage",
    "Mailversand",
    "Organisation",
    "SeedEintrag",
    "StrategieabschnittPage",
    "Themenfeld",
    "ThemenfeldIndexPage",
    "ThemenfeldPage",
    "UmsetzungsstandAenderung",
    "Zielgruppe",
]
