# SPDX-License-Identifier: EUPL-1.2
"""GDPR requests: started by the resident in the portal, extended and decided by staff."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.cases.selectors import case_for_staff
from plus1.catalog import forms_schema
from plus1.catalog.models import CaseType
from plus1.common.views import form_outcome
from plus1.identity.decorators import resident_required, staff_required
from plus1.identity.models import Party
from plus1.privacy.declarations import CASE_TYPE, own_data, processing_activity
from plus1.privacy.models import GdprRequest, GdprRight
from plus1.privacy.services import gdpr_request_decide, gdpr_request_extend, gdpr_request_start
from plus1.privacy.services.gdpr import CASE_TYPE_OF_RIGHT


@own_data
@resident_required
def gdpr_request(request: HttpRequest, party: Party) -> HttpResponse:
    right = request.POST.get("recht") or request.GET.get("recht", "")
    case_type = CaseType.objects.filter(code=CASE_TYPE_OF_RIGHT.get(right, "")).first()  # type: ignore[call-overload]
    problems: dict[str, list[str]] = {}
    if request.method == "POST":
        values = (
            forms_schema.read_submission(case_type.form_schema, request.POST) if case_type else {}
        )
        try:
            started = gdpr_request_start(
                actor=Actor.from_user(request.user), party=party, right=right, form_data=values
            )
        except ValidationError as exc:
            problems = exc.message_dict
        else:
            messages.success(
                request,
                _("Uw verzoek is ontvangen als zaak %(case)s. Wij beslissen binnen een maand.")
                % {"case": started.case.identification},
            )
            return redirect("portal:case-detail", identification=started.case.identification)
    context = {
        "rights": GdprRight.choices,
        "right": right,
        "fields": forms_schema.fields(case_type.form_schema) if case_type else [],
        "values": request.POST,
        "problems": problems,
    }
    return render(request, "privacy/gdpr_request.html", context, status=400 if problems else 200)


def _gdpr_request_or_404(request: HttpRequest, identification: str) -> GdprRequest:
    case = case_for_staff(request.user, identification)
    found = (
        GdprRequest.objects.filter(case=case).select_related("case", "party").first()
        if case
        else None
    )
    if found is None:
        raise Http404
    return found


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def gdpr_extend(request: HttpRequest, identification: str) -> HttpResponse:
    found = _gdpr_request_or_404(request, identification)
    with form_outcome(request, "De termijn is verlengd; de inwoner ziet de reden."):
        gdpr_request_extend(
            actor=Actor.from_user(request.user), request=found, reason=request.POST.get("reden", "")
        )
    return redirect("workbench:case", identification=identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def gdpr_decide(request: HttpRequest, identification: str) -> HttpResponse:
    found = _gdpr_request_or_404(request, identification)
    with form_outcome(request, "Het besluit is vastgelegd en de inwoner is op de hoogte gebracht."):
        gdpr_request_decide(
            actor=Actor.from_user(request.user),
            request=found,
            granted=request.POST.get("besluit") == "toekennen",
            text=request.POST.get("toelichting", ""),
        )
    return redirect("workbench:case", identification=identification)
