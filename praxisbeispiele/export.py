"""CSV and JSON export of the filtered library. Members-only fields (contact person,
submitter) are never part of it: the columns are an explicit allow-list."""

import io
import json

from django.http import HttpResponse

from netzwerk_site import csvexport

COLUMNS = [
    ("titel", "Titel"),
    ("url", "Adresse"),
    ("zusammenfassung", "Zusammenfassung"),
    ("themenfelder", "Themenfelder"),
    ("kommunen", "Kommunen"),
    ("ebene", "Ebene"),
    ("traeger", "Träger"),
    ("zielgruppen", "Zielgruppen"),
    ("foerderung", "Förderung"),
    ("website", "Website"),
    ("zuletzt_geprueft", "Zuletzt geprüft"),
    ("veroeffentlicht", "Veröffentlicht"),
    ("uebernahmen", "Übernahmen"),
]


def record(page, base_url):
    return {
        "titel": page.title,
        "url": base_url + page.url,
        "zusammenfassung": page.summary,
        "themenfelder": [t.title for t in page.themenfelder.all()],
        "kommunen": [k.display_name for k in page.kommunen.all()],
        "ebene": page.get_ebene_display(),
        "traeger": page.traeger_label,
        "zielgruppen": [z.name for z in page.zielgruppen.all()],
        "foerderung": [str(f) for f in page.foerderungen.all()],
        "website": page.website,
        "zuletzt_geprueft": page.zuletzt_geprueft.isoformat() if page.zuletzt_geprueft else None,
        "veroeffentlicht": page.first_published_at.date().isoformat() if page.first_published_at else None,
        "uebernahmen": page.uebernahmen_anzahl,
    }


def as_json(pages, base_url):
    data = [record(page, base_url) for page in pages]
    return json.dumps({"anzahl": len(data), "praxisbeispiele": data}, ensure_ascii=False, indent=2)


def as_csv(pages, base_url):
    """Semicolon-separated, with formulas neutralised (netzwerk_site.csvexport); lists joined by "; "."""
    buffer = io.StringIO()
    rows = (record(page, base_url) for page in pages)
    csvexport.write(
        buffer,
        [label for _, label in COLUMNS],
        ([_joined(row[key]) for key, _ in COLUMNS] for row in rows),
    )
    return buffer.getvalue()


def _joined(value):
    return "; ".join(value) if isinstance(value, list) else value


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def csv_response(request, pages):
    """pages (the library under the URL's selection) as a CSV download."""
    response = HttpResponse(as_csv(pages, _base_url(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="praxisbeispiele.csv"'
    return response


def json_response(request, pages):
    """pages (the library under the URL's selection) as JSON."""
    return HttpResponse(as_json(pages, _base_url(request)), content_type="application/json; charset=utf-8")
