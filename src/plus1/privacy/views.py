# SPDX-License-Identifier: EUPL-1.2
"""Public register page and the resident's privacy pages: thin views over selectors/services."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.identity.decorators import resident_required
from plus1.identity.models import Party
from plus1.privacy.builtin import OWN_DATA, builtin_activity
from plus1.privacy.categories import CATEGORIES
from plus1.privacy.declarations import no_personal_data, own_data
from plus1.privacy.export import personal_data_export
from plus1.privacy.models import Consent, Partner, ProcessingActivity, TrailAction
from plus1.privacy.pdf import export_pdf
from plus1.privacy.selectors import (
    consents_of,
    partners_active,
    register_public,
    trail_activities_of_party,
    trail_line,
    trail_of_party,
    upl_legal_bases,
)
from plus1.privacy.services import consent_grant, consent_revoke, personal_data_access


def parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


@no_personal_data
def register(request: HttpRequest) -> HttpResponse:
    activities = [(activity, upl_legal_bases(activity)) for activity in register_public()]
    return render(request, "privacy/register.html", {"activities": activities})


@own_data
@resident_required
def my_data(request: HttpRequest, party: Party) -> HttpResponse:
    return render(request, "privacy/my_data.html", {"data": personal_data_export(party)})


@own_data
@resident_required
def my_trail(request: HttpRequest, party: Party) -> HttpResponse:
    since = parse_date(request.GET.get("van"))
    until = parse_date(request.GET.get("tot"))
    purpose = request.GET.get("doel", "")
    records = trail_of_party(party, since=since, until=until, activity_code=purpose)[:500]
    context = {
        "lines": [trail_line(record) for record in records],
        "activities": trail_activities_of_party(party),
        "filters": {"van": since, "tot": until, "doel": purpose},
    }
    return render(request, "privacy/my_trail.html", context)


@own_data
@resident_required
def download(request: HttpRequest, party: Party, fmt: str) -> HttpResponse:
    """All the person's data at once; the download itself is written to their trail first."""
    if fmt not in ("json", "pdf"):
        raise Http404
    personal_data_access(
        actor=Actor.from_user(request.user),
        subject=party,
        activity=builtin_activity(OWN_DATA),
        action=TrailAction.SENT,
        name=f"al uw gegevens gedownload ({fmt.upper()})",
        role="uzelf",
    )
    document = personal_data_export(party)
    if fmt == "json":
        body: bytes = json.dumps(document, ensure_ascii=False, indent=2).encode()
        content_type = "application/json; charset=utf-8"
    else:
        body, content_type = export_pdf(document), "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens.{fmt}"'
    return response


@own_data
@resident_required
def consents(request: HttpRequest, party: Party) -> HttpResponse:
    problems: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            consent_grant(
                actor=Actor.from_user(request.user),
                party=party,
                partner=Partner.objects.filter(slug=request.POST.get("partner", "")).first(),
                activity=ProcessingActivity.objects.filter(
                    code=request.POST.get("doel", "")
                ).first(),
                categories=request.POST.getlist("gegevens"),
                valid_from=parse_date(request.POST.get("vanaf")),
                valid_until=parse_date(request.POST.get("tot")),
            )
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            messages.success(request, _("Uw toestemming is vastgelegd."))
            return redirect("privacy:consents")
    context = {
        "consents": consents_of(party),
        "partners": partners_active(),
        "categories": CATEGORIES.values(),
        "problems": problems,
        "values": request.POST,
        "today": dt.date.today(),
    }
    return render(request, "privacy/consents.html", context, status=400 if problems else 200)


@own_data
@resident_required
@require_POST
def consent_withdraw(request: HttpRequest, party: Party, consent_id: str) -> HttpResponse:
    consent = Consent.objects.filter(party=party, uuid=consent_id).first()
    if consent is None:
        raise Http404
    consent_revoke(actor=Actor.from_user(request.user), consent=consent)
    messages.success(
        request,
        _("Uw toestemming voor %(partner)s is ingetrokken.") % {"partner": consent.partner.name},
    )
    return redirect("privacy:consents")
