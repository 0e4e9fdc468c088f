"""A Kommune member registers for the internal Netzwerktreffen, asks the Land a question and downloads her data."""

import json
import zipfile

import pytest

from tests.journeys.conftest import ask_the_land, feed_events, follow, go_to, log_in, on_small_screen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NETZWERKTREFFEN = "Netzwerktreffen des interkommunalen Netzwerks Integration"
FRAGE = "Wer übernimmt die Kosten der Sprachmittlung in Kitas?"
ANGEMELDET = "Sie sind angemeldet. Der Termin steht auch in Ihrem persönlichen Kalender."
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_kommune_member_registers_asks_the_land_and_downloads_her_data(seeded, live_server, person):
    base = live_server.url
    page = person()
    log_in(page, base, "pirmasens")

    go_to(page, "Veranstaltungen")
    follow(page.get_by_role("link", name=NETZWERKTREFFEN))
    follow(page.get_by_role("button", name="Verbindlich anmelden"))
    confirmation = page.get_by_text(ANGEMELDET).count()
    screenshot(page, "kommune-angemeldet")
    go_to(page, "Mein Konto")
    follow(page.get_by_role("button", name="Adresse für den persönlichen Kalender erstellen"))
    personal_feed = feed_events(page, page.get_by_role("link", name="Persönlichen Kalender abonnieren (webcal)"))

    assert confirmation == 1
    assert NETZWERKTREFFEN in personal_feed

    ask_the_land(
        page,
        FRAGE,
        "Wie handhaben andere Kommunen das?\nViele Grüße\nPaula Pirmasens",
        attachments=[{"name": "kita-konzept.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    thread_heading = page.get_by_role("heading", level=1).inner_text()

    assert thread_heading == FRAGE

    go_to(page, "Mein Konto")
    with page.expect_download() as download:
        page.get_by_role("link", name="Meine Daten herunterladen").click()
    with zipfile.ZipFile(download.value.path()) as export:
        names = export.namelist()
        attachments = [export.read(name) for name in names if name.startswith("anhaenge/")]
        daten = json.dumps(json.loads(export.read("daten.json")), ensure_ascii=False)
        uebersicht = export.read("uebersicht.html").decode()

    assert {"daten.json", "uebersicht.html"} <= set(names)
    assert attachments == [PDF]
    assert FRAGE in daten
    assert FRAGE in uebersicht

    small = on_small_screen(person, base, "kommune", "/konto/", username="pirmasens")

    assert small == {"Anmeldung": 0, "/konto/": 0}
