"""Views of the Veranstaltungen: lists, archive, feeds, registration, personal calendar access."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from konto.permissions import members_only
from konto.roles import is_member
from netzwerk_site import auswahl as liste
from netzwerk_site.idempotency import idempotent
from netzwerk_site.models import Themenfeld
from netzwerk_site.refusals import Refusal
from veranstaltungen import anmeldung, feeds, filters, kalenderzugang, queries
from veranstaltungen.choices import AnmeldungStatus, Ansicht
from veranstaltungen.models import VeranstaltungPage
from veranstaltungen.permissions import may_see_teilnehmende

SESSION_NEW_TOKEN = "veranstaltungen_neuer_kalender_token"  # noqa: S105 (a session key, not a secret)


# -- pages below the VeranstaltungIndexPage (routes of the index page) ----------------


def _filter_context(request):
    """The parsed filters with their options; the view adds its own notices."""
    auswahl, options = liste.load(liste.parse(request.GET, filters.SPEC), filters.FACETS)
    context = {
        "auswahl": auswahl,
        "ansicht": auswahl.get("ansicht", Ansicht.LISTE),
        "has_filters": auswahl.has_filters(filters.FACETS),
        "themenfeld_optionen": options["themenfeld"],
        "alle_arten": options["art"],
        "gewaehlte_themenfelder": auswahl.getlist("themenfeld"),
        "gewaehlte_arten": auswahl.getlist("art"),
    }
    return auswahl, context


def kommende(request, index_page):
    auswahl, context = _filter_context(request)
    notices = auswahl.notices
    if context["ansicht"] == Ansicht.MONAT:
        monat, month_notices = filters.monat(auswahl, queries.today())
        wochen = queries.monat(request.user, auswahl, monat)
        context.update(
            wochen=wochen,
            monat=monat,
            vormonat=queries.add_months(monat, -1),
            folgemonat=queries.add_months(monat, 1),
            monat_leer=not any(tag and tag.eintraege for woche in wochen for tag in woche),
        )
        if context["monat_leer"]:
            context["frueherer_monat"], context["spaeterer_monat"] = queries.nachbar_monate(
                request.user, auswahl, monat
            )
        notices += month_notices
    else:
        context["seite"], page_notices = queries.kommende(request.user, auswahl)
        context["eintraege"] = context["seite"].object_list
        notices += page_notices
    context["notices"] = notices
    return index_page.render(request, context_overrides=context)


def archiv(request, index_page):
    auswahl, context = _filter_context(request)
    context["seite"], page_notices = queries.archiv(request.user, auswahl)
    context["notices"] = auswahl.notices + page_notices
    context["archiv_crumbs"] = [(index_page.title, index_page.url)]
    return index_page.render(request, context_overrides=context, template="veranstaltungen/veranstaltung_archiv.html")


# -- calendar feeds ------------------------------------------------------------


@require_GET
def kalender(request):
    return feeds.serve(
        request,
        queries.public_feed(),
        name=_("Veranstaltungen – Netzwerk Integration Rheinland-Pfalz"),
        description=_("Öffentliche Veranstaltungen des Netzwerks Integration Rheinland-Pfalz."),
        filename="veranstaltungen.ics",
    )


@require_GET
def themenfeld_kalender(request, slug):
    themenfeld = get_object_or_404(Themenfeld, slug=slug)
    return feeds.serve(
        request,
        queries.public_feed(themenfeld=themenfeld),
        name=_("Veranstaltungen: %(title)s") % {"title": themenfeld.title},
        description=_("Öffentliche Veranstaltungen im Themenfeld „%(title)s“.") % {"title": themenfeld.title},
        filename=f"veranstaltungen-{themenfeld.slug}.ics",
    )


@require_GET
def termin(request, slug):
    page = _visible_page(request.user, slug)
    return feeds.serve(
        request,
        VeranstaltungPage.objects.filter(pk=page.pk),
        name=page.title,
        filename=f"{page.slug}.ics",
        for_member=is_member(request.user),
        download=True,
    )


@require_GET
def persoenlicher_kalender(request, token):
    user = kalenderzugang.user_for(token)
    if user is None:
        raise Http404
    return feeds.serve(
        request,
        queries.personal_feed(user),
        name=_("Meine Netzwerk-Veranstaltungen"),
        description=_("Interne Treffen des Netzwerks und Ihre Anmeldungen."),
        filename="meine-veranstaltungen.ics",
        for_member=True,
        anmeldungen=queries.anmeldungen_of(user),
    )


def _visible_page(user, slug):
    page = VeranstaltungPage.objects.visible_to(user).filter(slug=slug).first()
    if page is None:
        raise Http404
    return page


# -- registration ----------------------------------------------------------------


def _page_by_pk(user, pk):
    return get_object_or_404(VeranstaltungPage.objects.visible_to(user), pk=pk)


@members_only
@require_POST
@idempotent
def anmelden(request, pk):
    page = _page_by_pk(request.user, pk)
    result = anmeldung.anmelden(page, request.user)
    anmeldung.bestaetige(result)
    if result.status == AnmeldungStatus.BESTAETIGT:
        messages.success(request, _("Sie sind angemeldet. Der Termin steht auch in Ihrem persönlichen Kalender."))
    else:
        messages.info(
            request,
            _("Alle Plätze sind vergeben; Sie stehen auf der Warteliste und rücken bei einer Absage nach."),
        )
    return redirect(page.url)


@members_only
@require_POST
def abmelden(request, pk):
    page = _page_by_pk(request.user, pk)
    nachgerueckt = anmeldung.abmelden(page, request.user)
    if nachgerueckt is not None:
        anmeldung.benachrichtige_nachgerueckt(nachgerueckt)
    feeds.note_removal()
    messages.success(request, _("Sie haben sich abgemeldet. Ihr Platz ist wieder frei."))
    return redirect(page.url)


def _check_teilnehmende(user, page):
    if not may_see_teilnehmende(user, page):
        raise Refusal(
            _(
                "Die Liste der Angemeldeten sehen die Redaktion und die veranstaltende Organisation. Fragen Sie bitte "
                "dort nach, wenn Sie sie brauchen."
            )
        )


@members_only
@require_GET
def teilnehmende_csv(request, pk):
    page = _page_by_pk(request.user, pk)
    _check_teilnehmende(request.user, page)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teilnehmende-{page.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    anmeldung.write_csv(page, response)
    return response


@members_only
@require_GET
def teilnehmende(request, pk):
    page = _page_by_pk(request.user, pk)
    _check_teilnehmende(request.user, page)
    context = {
        "page": page,
        "anmeldungen": anmeldung.teilnehmende(page),
        "anmeldestand": anmeldung.anmeldestand(page),
    }
    return render(request, "veranstaltungen/teilnehmende.html", context)


# -- personal calendar access (linked from /konto/) -------------------------------------


@members_only
@require_POST
def kalender_erneuern(request):
    request.session[SESSION_NEW_TOKEN] = kalenderzugang.regenerate(request.user)
    return redirect("kalender:zugang")


@login_required
@require_POST
def kalender_widerrufen(request):
    if kalenderzugang.revoke(request.user):
        messages.success(
            request, _("Die Adresse Ihres persönlichen Kalenders ist widerrufen und funktioniert nicht mehr.")
        )
    else:
        messages.info(request, _("Sie hatten keine Adresse für einen persönlichen Kalender."))
    return redirect("konto:uebersicht")


@login_required
@require_GET
def kalender_zugang(request):
    """Shows a newly created address once; afterwards only its hash is known."""
    token = request.session.pop(SESSION_NEW_TOKEN, None)
    if token is None:
        return redirect("konto:uebersicht")
    https_url = request.build_absolute_uri(reverse("kalender:persoenlich", kwargs={"token": token}))
    response = render(
        request,
        "veranstaltungen/kalender_zugang.html",
        {"https_url": https_url, "webcal_url": "webcal://" + https_url.split("://", 1)[1]},
    )
    response["Cache-Control"] = "private, no-store"
    return response
