"""Posts keep their line breaks; "Vorschau" shows the sanitized text without saving; limits are named, not cut."""

import pytest

from diskussionen.forms import BeitragForm, DiskussionForm
from diskussionen.models import Beitrag, Diskussion
from diskussionen.rendering import render_markdown
from tests.diskussionen.conftest import executable_markup

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SIGNATUR = "Danke für die Hinweise.\n\nViele Grüße\nErika Muster\nKreisverwaltung Mayen-Koblenz"
SKRIPT = "Hallo <script>alert(1)</script>\n<img src=x onerror=alert(2)>\nZweite Zeile"


# -- line breaks -----------------------------------------------------------------------------------------------------
def test_a_signature_keeps_one_line_per_line():
    html = render_markdown("Viele Grüße\nErika Muster")

    assert html == "<p>Viele Grüße<br>\nErika Muster</p>"


def test_a_blank_line_still_starts_a_new_paragraph():
    html = render_markdown(SIGNATUR)

    assert html == (
        "<p>Danke für die Hinweise.</p>\n<p>Viele Grüße<br>\nErika Muster<br>\nKreisverwaltung Mayen-Koblenz</p>"
    )


def test_line_breaks_in_code_stay_text_without_br():
    assert render_markdown("```\neins\nzwei\n```") == "<pre><code>eins\nzwei\n</code></pre>"


def test_a_br_with_attributes_loses_them():
    assert render_markdown('a<br onclick="x()" class="y">b') == "<p>a<br>b</p>"


def test_a_posted_reply_is_saved_with_its_line_breaks(client, diskussion, other_member):
    client.force_login(other_member)

    client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": SIGNATUR})

    assert Beitrag.objects.get(author=other_member).body_html == (
        "<p>Danke für die Hinweise.</p>\n<p>Viele Grüße<br>\nErika Muster<br>\nKreisverwaltung Mayen-Koblenz</p>"
    )


# -- preview ---------------------------------------------------------------------------------------------------------
def test_preview_of_a_new_thread_saves_nothing_and_keeps_the_text(client, member):
    client.force_login(member)

    response = client.post(
        "/diskussionen/neu/", {"title": "Sprachkurse nach Zuweisung", "body": SIGNATUR, "vorschau": "1"}
    )

    assert response.status_code == 200
    assert (Diskussion.objects.count(), Beitrag.objects.count()) == (0, 0)
    assert response.context["vorschau"] == render_markdown(SIGNATUR)
    assert response.context["form"]["title"].value() == "Sprachkurse nach Zuweisung"
    assert response.context["form"]["body"].value() == SIGNATUR
    assert f"{SIGNATUR}</textarea>" in response.content.decode()


def test_preview_of_a_new_thread_shows_title_and_text_under_a_heading(client, member):
    client.force_login(member)

    response = client.post(
        "/diskussionen/neu/", {"title": "Sprachkurse <b>jetzt</b>", "body": SIGNATUR, "vorschau": "1"}
    )

    content = response.content.decode()
    assert '<section class="vorschau" id="vorschau" tabindex="-1" aria-labelledby="vorschau-titel">' in content
    assert '<h2 id="vorschau-titel">Vorschau</h2>' in content
    assert '<p class="vorschau__titel">Sprachkurse &lt;b&gt;jetzt&lt;/b&gt;</p>' in content
    assert "Viele Grüße<br>\nErika Muster<br>" in content


def test_preview_of_a_reply_saves_nothing_and_keeps_the_text(client, diskussion, other_member):
    client.force_login(other_member)

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": SIGNATUR, "vorschau": "1"})

    assert response.status_code == 200
    assert list(diskussion.beitraege.values_list("body", flat=True)) == [
        "Wie organisieren Sie die Sprachstandsfeststellung?"
    ]
    assert response.context["vorschau"] == render_markdown(SIGNATUR)
    assert response.context["form"]["body"].value() == SIGNATUR


def test_script_in_a_preview_is_neutralised(client, diskussion, other_member):
    client.force_login(other_member)

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": SKRIPT, "vorschau": "1"})

    vorschau = response.context["vorschau"]
    assert vorschau == "<p>Hallo alert(1)<br>\n<br>\nZweite Zeile</p>"
    assert executable_markup(response.content.decode().split('<div class="beitrag__text">')[-1]) == []


def test_preview_of_an_empty_text_shows_the_error_and_no_preview(client, member):
    client.force_login(member)

    response = client.post("/diskussionen/neu/", {"title": "Sprachkurse", "body": "", "vorschau": "1"})

    assert response.context["vorschau"] is None
    assert response.context["form"].errors == {"body": ["Schreiben Sie einen Text für Ihren Beitrag."]}
    assert 'id="vorschau"' not in response.content.decode()


def test_preview_without_a_title_still_shows_the_text_and_asks_for_the_title(client, member):
    client.force_login(member)

    response = client.post("/diskussionen/neu/", {"title": "", "body": "Viele Grüße\nErika", "vorschau": "1"})

    assert response.context["vorschau"] == "<p>Viele Grüße<br>\nErika</p>"
    assert response.context["form"].errors == {"title": ["Geben Sie einen Titel für die Diskussion ein."]}


def test_sending_after_a_preview_posts_once_and_a_double_click_still_creates_one(client, member):
    client.force_login(member)
    data = {"title": "Sprachkurse nach Zuweisung", "body": SIGNATUR}

    vorschau = client.post("/diskussionen/neu/", {**data, "vorschau": "1"})
    responses = [client.post("/diskussionen/neu/", data) for _ in range(2)]

    diskussion = Diskussion.objects.get()
    assert vorschau.status_code == 200
    assert [(r.status_code, r["Location"]) for r in responses] == [(302, f"/diskussionen/{diskussion.pk}/")] * 2
    assert list(diskussion.beitraege.values_list("body_html", flat=True)) == [render_markdown(SIGNATUR)]


def test_two_previews_in_a_row_both_render(client, diskussion, other_member):
    client.force_login(other_member)
    url = f"/diskussionen/{diskussion.pk}/antworten/"

    responses = [client.post(url, {"body": "Entwurf", "vorschau": "1"}) for _ in range(2)]

    assert [r.status_code for r in responses] == [200, 200]
    assert [r.context["vorschau"] for r in responses] == ["<p>Entwurf</p>"] * 2
    assert diskussion.beitraege.count() == 1


def test_send_button_comes_before_preview_so_enter_sends(client, member):
    client.force_login(member)

    content = client.get("/diskussionen/neu/").content.decode()

    assert content.index(">Diskussion eröffnen</span></button>") < content.index(
        'name="vorschau" value="1"><span class="kern-label">Vorschau</span></button>'
    )


# -- limits ----------------------------------------------------------------------------------------------------------
def test_title_and_text_carry_their_limit_for_the_counter_instead_of_maxlength():
    form = DiskussionForm()

    attrs = [form.fields[name].widget.attrs for name in ("title", "body")]

    assert [(a.get("maxlength"), a.get("data-zeichen-max")) for a in attrs] == [(None, "200"), (None, "20000")]
    assert BeitragForm().fields["body"].widget.attrs.get("data-zeichen-max") == "20000"


def test_a_too_long_title_is_refused_with_its_limit_and_kept(client, member):
    client.force_login(member)
    title = "T" * 230

    response = client.post("/diskussionen/neu/", {"title": title, "body": "Text"})

    assert response.status_code == 200
    assert Diskussion.objects.count() == 0
    assert response.context["form"].errors == {
        "title": ["Der Titel ist zu lang: Er hat 230 Zeichen. Kürzen Sie ihn auf höchstens 200 Zeichen."]
    }
    assert response.context["form"]["title"].value() == title


def test_a_too_long_reply_is_refused_with_its_limit(client, diskussion, other_member):
    client.force_login(other_member)

    response = client.post(f"/diskussionen/{diskussion.pk}/antworten/", {"body": "x" * 20001})

    assert response.context["form"].errors == {
        "body": ["Ihr Beitrag ist zu lang: Er hat 20001 Zeichen. Kürzen Sie ihn auf höchstens 20000 Zeichen."]
    }
    assert diskussion.beitraege.count() == 1


def test_forum_forms_load_the_counter_script(client, diskussion, member):
    client.force_login(member)

    pages = [client.get(url).content.decode() for url in ("/diskussionen/neu/", f"/diskussionen/{diskussion.pk}/")]

    assert ['<script src="/static/diskussionen/formular.js" defer></script>' in page for page in pages] == [True, True]
