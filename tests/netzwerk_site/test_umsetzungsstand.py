import pytest

from netzwerk_site.choices import Umsetzungsstand
from tests.factories.netzwerk_site import HandlungsfeldPageFactory, ThemenfeldPageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_publishing_a_new_umsetzungsstand_records_who_changed_it(site_tree, editor):
    handlungsfeld = HandlungsfeldPageFactory(parent=ThemenfeldPageFactory(parent=site_tree.themenfelder))
    handlungsfeld.save_revision().publish()
    handlungsfeld.umsetzungsstand = Umsetzungsstand.IN_UMSETZUNG

    handlungsfeld.save_revision(user=editor).publish()

    verlauf = list(handlungsfeld.umsetzungsstand_verlauf.values_list("umsetzungsstand", "changed_by"))
    assert verlauf == [(Umsetzungsstand.IN_UMSETZUNG, editor.pk), (Umsetzungsstand.VEREINBART, None)]


def test_publishing_without_a_change_of_state_adds_no_entry(site_tree, editor):
    handlungsfeld = HandlungsfeldPageFactory(parent=ThemenfeldPageFactory(parent=site_tree.themenfelder))
    handlungsfeld.save_revision().publish()
    handlungsfeld.title = "Neuer Titel"

    handlungsfeld.save_revision(user=editor).publish()

    assert handlungsfeld.umsetzungsstand_verlauf.count() == 1


def test_handlungsfeld_page_shows_the_history(client, site_tree, editor):
    handlungsfeld = HandlungsfeldPageFactory(parent=ThemenfeldPageFactory(parent=site_tree.themenfelder))
    handlungsfeld.umsetzungsstand = Umsetzungsstand.UMGESETZT
    handlungsfeld.save_revision(user=editor).publish()

    response = client.get(handlungsfeld.url)

    assert (
        f'<td class="kern-table__cell" data-label="Stand">umgesetzt</td>'
        f'<td class="kern-table__cell" data-label="Geändert von">{editor.get_full_name()}</td>'
    ) in response.content.decode()
