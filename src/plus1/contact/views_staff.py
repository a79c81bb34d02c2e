# SPDX-License-Identifier: EUPL-1.2
"""Workbench pages of the contact centre: one screen to find a person and register a contact
moment (with a callback), the person view, the callback queue, the counter's day view.
Thin views: parse, call one service or selector, render. A BSN only ever travels in a POST."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.selectors import cases_for_staff
from plus1.catalog.models import Product
from plus1.contact.models import (
    Appointment,
    AppointmentProduct,
    ContactChannel,
    ContactMoment,
    Coordinator,
    Location,
    TimeOfDay,
)
from plus1.contact.moment_selectors import (
    FIND_BY,
    appointments_of_day,
    callback_for_staff,
    open_callbacks,
    parties_found,
    party_by_uuid,
    person_view,
    search_kind,
    search_problems,
)
from plus1.contact.moment_services import (
    CallbackAlreadyDone,
    appointment_book_for_contact,
    callback_complete,
    callback_problems,
    contact_centre_activity,
    contact_moment_register,
    coordinator_set,
    moment_problems,
    persons_shown_record,
)
from plus1.contact.selectors import time_slots
from plus1.contact.services import (
    AlreadyCheckedIn,
    AppointmentNotFound,
    SlotFull,
    appointment_check_in,
)
from plus1.identity.decorators import staff_required
from plus1.identity.selectors import teams_of
from plus1.privacy.declarations import CHOSEN, processing_activity
from plus1.privacy.models import ProcessingActivity, TrailAction
from plus1.privacy.selectors import register_public
from plus1.privacy.services import personal_data_access

SEARCH_FIELDS = ["bsn", "naam", "geboortedatum", "postcode", "huisnummer", "kvk", "zaaknummer"]
MOMENT_FIELDS = ["kanaal", "product", "zaak", "samenvatting", "opmerking", "telefoon", "moment"]


def _activity(code: str) -> ProcessingActivity | None:
    return register_public().filter(code=code).first() if code else None


def _products() -> Any:
    return Product.objects.filter(published=True).only("slug", "name").order_by("name")


def _screen_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "activities": register_public(),
        "find_by": FIND_BY,
        "channels": ContactChannel.choices,
        "times": TimeOfDay.choices,
        "products": _products(),
        "problems": {},
        "values": {"kanaal": ContactChannel.PHONE, "moment": TimeOfDay.ANY, "persoon": "anoniem"},
    }


@processing_activity(CHOSEN)
@staff_required
@require_http_methods(["GET", "POST"])
def desk(request: HttpRequest) -> HttpResponse:
    """Find the person (purpose first), then register what the contact was about."""
    context = _screen_context(request)
    registered = request.GET.get("vastgelegd", "")
    if registered:
        context["registered"] = (
            ContactMoment.objects.filter(uuid=registered, registered_by=request.user.pk)
            .select_related("party", "callback", "callback__team")
            .first()
            if _is_uuid(registered)
            else None
        )
    context["registered_purpose"] = request.GET.get("doel", "")
    if request.method != "POST":
        return render(request, "contact/desk.html", context)
    data = request.POST
    values = {key: data.get(key, "").strip() for key in [*SEARCH_FIELDS, *MOMENT_FIELDS]}
    values.update(
        doel=data.get("doel", ""),
        persoon=data.get("persoon", ""),
        beantwoord=data.get("beantwoord", ""),
        terugbellen=data.get("terugbellen", ""),
    )
    context["values"] = values
    activity = _activity(values["doel"])
    if data.get("stap") == "zoeken":
        return _search(request, context, activity)
    return _register(request, context, activity)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _search(
    request: HttpRequest, context: dict[str, Any], activity: ProcessingActivity | None
) -> HttpResponse:
    values = context["values"]
    values["zoek_op"] = search_kind(values)
    problems = search_problems(values["zoek_op"], values)
    if activity is None:
        problems = {"doel": ["Kies eerst het doel waarvoor u de gegevens nodig heeft."], **problems}
    if problems:
        context["problems"] = problems
        return render(request, "contact/desk.html", context, status=400)
    found = parties_found(values["zoek_op"], values)
    persons_shown_record(
        actor=Actor.from_user(request.user),
        activity=activity,
        parties=found,
        name="gezocht en gevonden in het klantcontactcentrum",
        team=teams_of(request.user).first(),
    )
    context["found"] = found
    context["searched"] = True
    values["persoon"] = "anoniem" if not found else ""
    if len(found) == 1:
        values["persoon"] = str(found[0].uuid)
        values["telefoon"] = values["telefoon"] or found[0].phone
    values["bsn"] = ""  # never echoed back into the page
    return render(request, "contact/desk.html", context)


def _register(
    request: HttpRequest, context: dict[str, Any], activity: ProcessingActivity | None
) -> HttpResponse:
    values = context["values"]
    party = None if values["persoon"] in ("", "anoniem") else party_by_uuid(values["persoon"])
    problems: dict[str, list[str]] = {}
    if values["persoon"] == "":
        problems["persoon"] = ["Kies de persoon uit de zoekresultaten, of 'Anoniem contact'."]
    elif values["persoon"] != "anoniem" and party is None:
        problems["persoon"] = ["Zoek de persoon opnieuw op."]
    product = Product.objects.filter(slug=values["product"]).first() if values["product"] else None
    if values["product"] and product is None:
        problems["product"] = ["Kies een onderwerp uit de lijst."]
    case = None
    if values["zaak"]:
        case = Case.objects.filter(identification__iexact=values["zaak"]).first()
        if case is None:
            problems["zaak"] = ["Er is geen zaak met dit zaaknummer."]
    if values["beantwoord"] not in ("ja", "nee"):
        problems["beantwoord"] = ["Kies of de vraag is beantwoord."]
    callback = None
    if values["terugbellen"]:
        callback = {
            "name": party.name if party else data_name(request),
            "phone": values["telefoon"],
            "preferred_time": values["moment"],
        }
    try:
        if problems:  # list the service's problems too: every problem at once
            problems = {
                **moment_problems(
                    channel=values["kanaal"], summary=values["samenvatting"], party=None, case=None
                ),
                **(callback_problems(**callback) if callback else {}),
                **problems,
            }
            if party is not None and activity is None:
                problems["doel"] = ["Kies eerst het doel waarvoor u de gegevens nodig heeft."]
            raise ValidationError(problems)
        moment = contact_moment_register(
            actor=Actor.from_user(request.user),
            activity=activity,
            channel=values["kanaal"],
            summary=values["samenvatting"],
            answered=values["beantwoord"] == "ja",
            party=party,
            product=product,
            case=case,
            internal_remark=values["opmerking"],
            registered_by=request.user,
            team=teams_of(request.user).first(),
            callback=callback,
        )
    except ValidationError as exc:
        context["problems"] = {**problems, **exc.message_dict}
        if party is not None:
            context["found"] = [party]
        return render(request, "contact/desk.html", context, status=400)
    purpose = f"&doel={activity.code}" if activity is not None and party is not None else ""
    return redirect(f"{reverse('contact:desk')}?vastgelegd={moment.uuid}{purpose}")


def data_name(request: HttpRequest) -> str:
    """The name an anonymous caller gave for a callback."""
    return request.POST.get("naam_beller", "").strip()


def _person_or_404(party_id: Any) -> Any:
    party = party_by_uuid(party_id)
    if party is None:
        raise Http404
    return party


@processing_activity(CHOSEN)
@staff_required
def person(request: HttpRequest, party_id: Any) -> HttpResponse:
    """Everything of one person across channels, opened for a chosen purpose."""
    party = _person_or_404(party_id)
    activity = _activity(request.GET.get("doel", ""))
    if activity is None:
        context = {"party_id": party.uuid, "activities": register_public()}
        return render(request, "contact/person_purpose.html", context)
    personal_data_access(
        actor=Actor.from_user(request.user),
        subject=party,
        activity=activity,
        team=teams_of(request.user).first(),
        action=TrailAction.VIEWED,
        name="persoonsoverzicht bekeken (zaken, contactmomenten, afspraken, terugbelverzoeken)",
    )
    colleagues = {
        member for team in teams_of(request.user) for member in team.members.filter(is_staff=True)
    }
    context = {
        "view": person_view(request.user, party, activity.code),
        "activity": activity,
        "roles": Coordinator.Role.choices,
        "colleagues": sorted(colleagues, key=lambda user: user.get_full_name()),
        "problems": {},
        "saved": request.GET.get("opgeslagen") == "1",
    }
    return render(request, "contact/person.html", context)


@processing_activity(CHOSEN)
@staff_required
@require_POST
def person_coordinator(request: HttpRequest, party_id: Any) -> HttpResponse:
    """Name the casemanager or regisseur of a person's cases or household."""
    party = _person_or_404(party_id)
    activity = _activity(request.POST.get("doel", ""))
    colleagues = {
        member.pk: member
        for team in teams_of(request.user)
        for member in team.members.filter(is_staff=True)
    }
    staff_id = request.POST.get("medewerker", "")
    staff = colleagues.get(int(staff_id)) if staff_id.isdigit() else None
    household = request.POST.get("huishouden") == "ja"
    chosen = request.POST.getlist("zaken")
    cases = list(cases_for_staff(request.user).filter(identification__in=chosen))
    try:
        coordinator_set(
            actor=Actor.from_user(request.user),
            activity=activity,
            staff=staff,
            party=party,
            role=request.POST.get("rol", ""),
            cases=cases,
            household=household,
            phone=request.POST.get("telefoon", ""),
            email=request.POST.get("email", ""),
            reachable=request.POST.get("bereikbaar", ""),
        )
    except ValidationError as exc:
        if activity is None:
            context = {"party_id": party.uuid, "activities": register_public()}
            return render(request, "contact/person_purpose.html", context, status=400)
        context = {
            "view": person_view(request.user, party, activity.code),
            "activity": activity,
            "roles": Coordinator.Role.choices,
            "colleagues": sorted(colleagues.values(), key=lambda user: user.get_full_name()),
            "problems": exc.message_dict,
            "values": request.POST,
        }
        return render(request, "contact/person.html", context, status=400)
    url = reverse("contact:person", args=[party.uuid])
    return redirect(f"{url}?doel={activity.code if activity else ''}&opgeslagen=1")


@processing_activity(CHOSEN)
@staff_required
def callbacks(request: HttpRequest) -> HttpResponse:
    """Open callbacks of my teams, the one due first on top."""
    rows = list(open_callbacks(request.user))
    persons_shown_record(
        actor=Actor.from_user(request.user),
        activity=contact_centre_activity(),
        parties=[row.party for row in rows if row.party is not None],
        name="terugbelverzoeken bekeken",
    )
    return render(
        request,
        "contact/callbacks.html",
        {"callbacks": rows, "now": timezone.now(), "done": request.GET.get("klaar") == "1"},
    )


@processing_activity(CHOSEN)
@staff_required
@require_http_methods(["GET", "POST"])
def callback_detail(request: HttpRequest, callback_id: Any) -> HttpResponse:
    callback = callback_for_staff(request.user, callback_id)
    if callback is None:
        raise Http404
    context: dict[str, Any] = {"callback": callback, "problems": {}, "values": {}}
    if request.method == "POST" and callback.status == callback.Status.OPEN:
        values = {key: request.POST.get(key, "") for key in ("uitkomst", "bereikt", "beantwoord")}
        context["values"] = values
        try:
            callback_complete(
                actor=Actor.from_user(request.user),
                callback_id=callback.uuid,
                user=request.user,
                outcome=values["uitkomst"],
                reached=values["bereikt"] != "nee",
                answered=values["beantwoord"] == "ja",
            )
        except ValidationError as exc:
            context["problems"] = exc.message_dict
            return render(request, "contact/callback.html", context, status=400)
        except CallbackAlreadyDone:
            context["already_done"] = True
            return render(request, "contact/callback.html", context, status=409)
        return redirect(f"{reverse('contact:callbacks')}?klaar=1")
    if callback.party is not None:
        personal_data_access(
            actor=Actor.from_user(request.user),
            subject=callback.party,
            activity=contact_centre_activity(),
            team=callback.team,
            action=TrailAction.VIEWED,
            name="terugbelverzoek geopend",
        )
    return render(request, "contact/callback.html", context)


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return timezone.localdate()


@processing_activity(CHOSEN)
@staff_required
def day_view(request: HttpRequest) -> HttpResponse:
    """The appointments of one location on one day, with check-in at the counter."""
    locations = list(Location.objects.all())
    location = next(
        (loc for loc in locations if loc.slug == request.GET.get("locatie")),
        locations[0] if locations else None,
    )
    day = _day(request.GET.get("dag", ""))
    rows = list(appointments_of_day(location.pk, day)) if location else []
    persons_shown_record(
        actor=Actor.from_user(request.user),
        activity=contact_centre_activity(),
        parties=[row.party for row in rows if row.party is not None],
        name=f"dagoverzicht afspraken {location.name if location else ''} bekeken",
    )
    context = {
        "locations": locations,
        "location": location,
        "day": day,
        "appointments": rows,
        "checked": request.GET.get("aangemeld", ""),
    }
    return render(request, "contact/day.html", context)


@processing_activity(CHOSEN)
@staff_required
@require_POST
def check_in(request: HttpRequest, appointment_id: Any) -> HttpResponse:
    try:
        appointment = appointment_check_in(
            actor=Actor.from_user(request.user), appointment_id=appointment_id
        )
    except (AppointmentNotFound, ValidationError):
        raise Http404("Deze afspraak bestaat niet of is geannuleerd.") from None
    except AlreadyCheckedIn:
        appointment = Appointment.objects.select_related("location").get(uuid=appointment_id)
    day = timezone.localtime(appointment.start).date()
    url = reverse("contact:day")
    return redirect(
        f"{url}?locatie={appointment.location.slug}&dag={day.isoformat()}"
        f"&aangemeld={appointment.uuid}"
    )


@processing_activity(CHOSEN)
@staff_required
@require_http_methods(["GET", "POST"])
def book_for_contact(request: HttpRequest, moment_id: Any) -> HttpResponse:
    """Book an appointment on the person's behalf from their contact moment."""
    moment = (
        ContactMoment.objects.filter(uuid=moment_id, registered_by=request.user.pk)
        .select_related("party")
        .first()
        if _is_uuid(str(moment_id))
        else None
    )
    if moment is None or moment.party is None:
        raise Http404
    data = request.POST if request.method == "POST" else request.GET
    products = list(AppointmentProduct.objects.all())
    product = next((p for p in products if p.slug == data.get("product")), None)
    locations = list(Location.objects.filter(counters__product=product)) if product else []
    location = next((loc for loc in locations if loc.slug == data.get("locatie")), None)
    day = None
    try:
        day = dt.date.fromisoformat(data.get("dag", "")) if data.get("dag") else None
    except ValueError:
        day = None
    context: dict[str, Any] = {
        "moment": moment,
        "products": products,
        "product": product,
        "locations": locations,
        "location": location,
        "day": day,
        "email": data.get("email", moment.party.email),
        "problems": {},
    }
    if product and location and day:
        context["slots"] = [s for s in time_slots(product, location, day, day) if s.available]
    if request.method == "POST" and product and location and day:
        try:
            start = dt.datetime.fromisoformat(request.POST.get("tijd", ""))
        except ValueError:
            context["problems"] = {"start": ["Kies een tijd."]}
            return render(request, "contact/book_for_contact.html", context, status=400)
        try:
            appointment_book_for_contact(
                actor=Actor.from_user(request.user),
                moment=moment,
                user=request.user,
                product=product,
                location=location,
                start=start,
                email=context["email"],
            )
        except ValidationError as exc:
            context["problems"] = exc.message_dict
            return render(request, "contact/book_for_contact.html", context, status=400)
        except SlotFull as exc:
            context["problems"] = {"start": [str(exc)]}
            return render(request, "contact/book_for_contact.html", context, status=409)
        day_url = reverse("contact:day")
        return redirect(f"{day_url}?locatie={location.slug}&dag={day.isoformat()}")
    return render(request, "contact/book_for_contact.html", context)
