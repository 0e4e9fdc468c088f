from netzwerk_site.models.pages import (
    HandlungsfeldPage,
    HomePage,
    KooperationsstrategiePage,
    StrategieabschnittPage,
    ThemenfeldIndexPage,
    ThemenfeldPage,
    UmsetzungsstandAenderung,
)
from netzwerk_site.models.seed import SeedEintrag
from netzwerk_site.models.vocabularies import Kommune, Organisation, Themenfeld, Zielgruppe

__all__ = [
    "HandlungsfeldPage",
    "HomePage",
    "Kommune",
    "KooperationsstrategiePage",
    "Organisation",
    "SeedEintrag",
    "StrategieabschnittPage",
    "Themenfeld",
    "ThemenfeldIndexPage",
    "ThemenfeldPage",
    "UmsetzungsstandAenderung",
    "Zielgruppe",
]
