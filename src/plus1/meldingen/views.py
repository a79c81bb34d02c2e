# SPDX-License-Identifier: EUPL-1.2
"""Resident pages: the report form (with or without logging in), the public map and list,
one report's public page and following it. Thin: parse, call a selector or service, render."""

from __future__ import annotations

import contextlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.common.views import form_outcome
from plus1.geo.mapping import Dot, Projection, leaflet_context, svg_context
from plus1.geo.selectors import districts_with_neighbourhoods, municipality_bbox, place_at
from plus1.identity.models import Party
from plus1.identity.selectors import party_for_user
from plus1.meldingen import classification
from plus1.meldingen.categories import CATEGORIES, CATEGORY_SLUGS, category_name
from plus1.meldingen.photos import photos_discard, photos_kept, photos_stash
from plus1.meldingen.selectors import melding_by_identification, public_melding, public_open
from plus1.meldingen.services import (
    DuplicatesFound,
    RateLimited,
    Submission,
    melding_follow,
    melding_submit,
)
from plus1.privacy.declarations import no_personal_data, own_data

MAP_SHOWN_WIDTH = 640
MAX_DESCRIPTION = 1000  # as the service allows
# How sure the classifier must be to file a report without a chosen category; below it the
# form asks the resident to choose (together with every other problem).
SUGGESTION_CONFIDENCE = 0.35


def _actor(request: HttpRequest, party: Party | None) -> Actor:
    if party is not None:
        return Actor.from_user(request.user)
    return Actor(kind="anonymous", id="portal", label="Anonieme melder")


def _client(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "onbekend"))


def _map(dots: list[Dot], tiles: str = "") -> dict[str, object]:
    """The map of the municipality: wijken, dashed buurten, and the given dots."""
    districts = list(districts_with_neighbourhoods())
    return svg_context(
        municipality_bbox(),
        [(d.code, d.name, d.geometry) for d in districts],
        dots,
        tiles,
        [(b.code, b.name, b.geometry) for d in districts for b in d.neighbourhoods.all()],
    )


def _leaflet(dots: list[Dot]) -> dict[str, object] | None:
    """The interactive map over the configured tiles; None without tiles."""
    return leaflet_context(
        municipality_bbox(), dots, settings.MAP_TILE_URL, settings.MAP_TILE_ATTRIBUTION
    )


def _submission(request: HttpRequest, category: str) -> Submission:
    data = request.POST
    return Submission(
        description=data.get("omschrijving", ""),
        category=category,
        subcategory=data.get("subcategorie", ""),
        latitude=data.get("breedtegraad", "").strip() or None,
        longitude=data.get("lengtegraad", "").strip() or None,
        address=data.get("adres", "").strip(),
        email=data.get("email", "").strip(),
        phone=data.get("telefoon", "").strip(),
        photos=photos_kept(data.get("fotos_token", "")) + request.FILES.getlist("fotos"),
    )


def _map_click(request: HttpRequest, values: dict[str, Any]) -> str:
    """A click on the map image (an image button) chooses the place; returns a notice."""
    box = municipality_bbox()
    x, y = request.POST.get("kaart.x", "0"), request.POST.get("kaart.y", "0")
    if box is None or not (x.isdigit() and y.isdigit()) or (x, y) == ("0", "0"):
        return _("Kies de plek met een klik op de kaart, of typ een adres.")
    lat, lon = Projection.framing(box).point_at(int(x), int(y), MAP_SHOWN_WIDTH)
    values.update(breedtegraad=f"{lat:.6f}", lengtegraad=f"{lon:.6f}")
    place = place_at(lat, lon)
    if place is None:
        return _("Deze plek ligt buiten de gemeente. Kies een plek binnen de lijnen.")
    return _("U heeft een plek gekozen in de buurt {neighbourhood} ({district}).").format(
        neighbourhood=place.neighbourhood_name, district=place.district_name
    )


@own_data
def new(request: HttpRequest) -> HttpResponse:
    party = party_for_user(request.user)
    if request.method != "POST":
        return _form(request, party, _prefill(request), {})
    values: dict[str, Any] = {key: request.POST.get(key, "") for key in request.POST}
    action = request.POST.get("actie", "")
    if "kaart.x" in request.POST:
        return _form(request, party, values, {}, notice=_map_click(request, values))
    if action.startswith("volg:"):
        return _follow_instead(request, party, values, action.removeprefix("volg:"))
    if request.POST.get("fotos_weg"):
        photos_discard(str(values.get("fotos_token", "")))
        values["fotos_token"] = ""
    if action == "voorstel":
        return _suggest(request, party, values)
    category, chosen_for_you = _category(values)
    try:
        melding = melding_submit(
            actor=_actor(request, party),
            submission=_submission(request, category),
            reporter=party,
            client=None if party else _client(request),
            allow_duplicates=action == "toch-nieuw",
        )
    except RateLimited as exc:
        return _form(request, party, values, exc.message_dict, status=429)
    except ValidationError as exc:
        return _form(request, party, values, exc.message_dict, status=400)
    except DuplicatesFound as found:
        return _form(request, party, values, {}, nearby=found.nearby)
    photos_discard(str(values.get("fotos_token", "")))
    chosen = f" Wij hebben hem ingedeeld bij ‘{category_name(category)}’." if chosen_for_you else ""
    messages.success(
        request,
        f"Bedankt! Uw melding is ontvangen met nummer {melding.case.identification}.{chosen} "
        "Op deze pagina volgt u wat de gemeente ermee doet.",
    )
    return redirect("meldingen:detail", identification=melding.case.identification)


def _category(values: dict[str, Any]) -> tuple[str, bool]:
    """The chosen category, or, when none was chosen, the one the description points at
    (so one press sends the report); True when we chose it."""
    chosen = str(values.get("categorie", ""))
    if chosen in CATEGORY_SLUGS:
        return chosen, False
    text = str(values.get("omschrijving", "")).strip()
    ranked = classification.suggest(text) if len(text) >= 5 else []
    if ranked and ranked[0][1] >= SUGGESTION_CONFIDENCE:
        return ranked[0][0], True
    return chosen, False


def _chosen(values: dict[str, Any]) -> list[Dot]:
    with contextlib.suppress(KeyError, ValueError, TypeError):
        return [
            Dot(
                float(values["breedtegraad"]),
                float(values["lengtegraad"]),
                "Gekozen plek",
                "marker",
            )
        ]
    return []


def _prefill(request: HttpRequest) -> dict[str, Any]:
    """A report started from the finder: its category and the resident's own words."""
    values: dict[str, Any] = {}
    if request.GET.get("categorie") in CATEGORY_SLUGS:
        values["categorie"] = request.GET["categorie"]
    if request.GET.get("omschrijving"):
        values["omschrijving"] = request.GET["omschrijving"][:MAX_DESCRIPTION]
    return values


def _suggest(request: HttpRequest, party: Party | None, values: dict[str, Any]) -> HttpResponse:
    text = str(values.get("omschrijving", "")).strip()
    if len(text) < 5:
        problems = {"omschrijving": ["Beschrijf eerst in een paar woorden wat er aan de hand is."]}
        return _form(request, party, values, problems, status=400)
    ranked = classification.suggest(text)
    if ranked:
        values["categorie"] = ranked[0][0]
    notice = (
        f"Wij denken dat uw melding gaat over: {category_name(values['categorie'])}. "
        "Klopt dat niet? Kies hieronder een andere categorie. Verstuur daarna uw melding."
        if ranked
        else "Kies een categorie."
    )
    return _form(request, party, values, {}, notice=notice)


def _follow_instead(
    request: HttpRequest, party: Party | None, values: dict[str, Any], identification: str
) -> HttpResponse:
    melding = melding_by_identification(identification)
    if melding is None:
        raise Http404
    try:
        melding_follow(
            actor=_actor(request, party),
            melding=melding,
            party=party,
            email=values.get("email", ""),
        )
    except ValidationError as exc:
        return _form(request, party, values, exc.message_dict, status=400)
    messages.success(
        request, f"U volgt nu melding {identification}. U krijgt bericht als de status verandert."
    )
    return redirect("meldingen:detail", identification=identification)


def _form(
    request: HttpRequest,
    party: Party | None,
    values: dict[str, Any],
    problems: dict[str, list[str]],
    *,
    notice: str = "",
    nearby: list[Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    box = municipality_bbox()
    shown_height = 0
    if box is not None:
        projection = Projection.framing(box)
        shown_height = round(projection.height * MAP_SHOWN_WIDTH / projection.width)
    token, kept = str(values.get("fotos_token", "")), 0
    if request.method == "POST":
        token, kept = photos_stash(request.FILES.getlist("fotos"), token)
        values["fotos_token"] = token
    context = {
        "party": party,
        "values": values,
        "photos_kept": kept,
        "leaflet": _leaflet(_chosen(values)),
        "problems": problems,
        "notice": notice,
        "nearby": nearby or [],
        "categories": CATEGORIES,
        "map_width": MAP_SHOWN_WIDTH,
        "map_height": shown_height,
    }
    return render(request, "meldingen/new.html", context, status=status)


@no_personal_data
def map_image(request: HttpRequest) -> HttpResponse:
    """The clickable map of the report form as an SVG image, with the chosen place marked."""
    dots = []
    with contextlib.suppress(KeyError, ValueError):
        dots = [Dot(float(request.GET["lat"]), float(request.GET["lon"]), "Gekozen plek", "marker")]
    svg_map = _map(dots)
    if not svg_map["available"]:
        raise Http404
    body = render_to_string("geo/map.svg", {"map": svg_map, "map_title": "Kies de plek"})
    return HttpResponse(body, content_type="image/svg+xml")


@no_personal_data
def public_map(request: HttpRequest) -> HttpResponse:
    """Open reports on a simple map and as a list; works without JavaScript and tiles."""
    category = request.GET.get("categorie", "")
    category = category if category in CATEGORY_SLUGS else ""
    reports = public_open(category=category)
    dots = [
        Dot(r.latitude, r.longitude, f"{r.category_name}: {r.status} ({r.identification})")
        for r in reports
    ]
    context = {
        "reports": reports,
        "category": category,
        "categories": CATEGORIES,
        "map": _map(dots, settings.MAP_TILE_URL),
        "map_title": "Kaart met openstaande meldingen",
        "leaflet": _leaflet(dots),
    }
    return render(request, "meldingen/map.html", context)


@no_personal_data
def detail(request: HttpRequest, identification: str) -> HttpResponse:
    found = public_melding(identification)
    if found is None:
        raise Http404
    report, history = found
    context = {
        "report": report,
        "history": history,
        "party": party_for_user(request.user),
        "map": _map(
            [Dot(report.latitude, report.longitude, "Plek van de melding", "marker")],
            settings.MAP_TILE_URL,
        ),
        "leaflet": _leaflet(
            [Dot(report.latitude, report.longitude, "Plek van de melding", "marker")]
        ),
        "map_title": "Plek van de melding",
    }
    return render(request, "meldingen/detail.html", context)


@own_data
@require_POST
def follow(request: HttpRequest, identification: str) -> HttpResponse:
    melding = melding_by_identification(identification)
    if melding is None:
        raise Http404
    party = party_for_user(request.user)
    with form_outcome(request, "U volgt deze melding. U krijgt bericht als de status verandert."):
        melding_follow(
            actor=_actor(request, party),
            melding=melding,
            party=party,
            email=request.POST.get("email", ""),
        )
    return redirect("meldingen:detail", identification=identification)
