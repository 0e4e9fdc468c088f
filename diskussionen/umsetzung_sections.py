"""The answer times of the Land Organisations on the public Umsetzung list.

Public on purpose: the figures are counts and medians per Organisation of the Land, public bodies whose
promise to answer the Kommunen the Kooperationsstrategie makes; no title, text or asker of a question shows.
"""

from diskussionen import antwortzeiten
from netzwerk_site import sections
from netzwerk_site.sections import Section


@sections.register("umsetzung")
def antwortzeiten_des_landes(request, obj):
    """One query; nothing while no question has been put to the Land."""
    zeilen = antwortzeiten.je_organisation()
    if not zeilen:
        return None
    return Section("diskussionen/sections/umsetzung_antwortzeiten.html", {"antwortzeiten": zeilen}, order=10)
