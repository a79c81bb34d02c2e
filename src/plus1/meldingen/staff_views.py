# SPDX-License-Identifier: EUPL-1.2
"""Staff pages for reports: duplicates to merge, the public text, photos. Thin views."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.common.views import form_outcome
from plus1.geo.selectors import area_names, nearest_address
from plus1.identity.decorators import staff_required
from plus1.meldingen.categories import category_name
from plus1.meldingen.models import Melding
from plus1.meldingen.selectors import melding_for_staff, merge_candidates
from plus1.meldingen.services import melding_merge, melding_publish
from plus1.privacy.declarations import CASE_TYPE, processing_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access


def _melding_or_404(request: HttpRequest, identification: str) -> Melding:
    melding = melding_for_staff(request.user, identification)
    if melding is None:
        raise Http404
    return melding


@processing_activity(CASE_TYPE)
@staff_required
def melding_page(request: HttpRequest, identification: str) -> HttpResponse:
    melding = _melding_or_404(request, identification)
    if melding.case.initiator is not None:
        personal_data_access(
            actor=Actor.from_user(request.user),
            subject=melding.case.initiator,
            case=melding.case,
            action=TrailAction.VIEWED,
            name=f"melding {identification} bekeken",
        )
    context = {
        "melding": melding,
        "category_name": category_name(melding.category),
        "candidates": merge_candidates(melding, request.user),
        "area_names": area_names([melding.case.neighbourhood_code, melding.case.district_code]),
        "near_address": nearest_address(melding.case.latitude, melding.case.longitude)
        if melding.case.latitude is not None and melding.case.longitude is not None
        else "",
    }
    return render(request, "meldingen/staff.html", context)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def merge(request: HttpRequest, identification: str) -> HttpResponse:
    duplicate = _melding_or_404(request, identification)
    into = melding_for_staff(request.user, request.POST.get("into", ""))
    if into is None:  # unknown, or of a team this staff member does not belong to
        messages.error(request, "Kies een melding van uw eigen team om mee samen te voegen.")
        return redirect("meldingen-werkplek:melding", identification=identification)
    try:
        melding_merge(actor=Actor.from_user(request.user), duplicate=duplicate, into=into)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("meldingen-werkplek:melding", identification=identification)
    messages.success(
        request,
        f"Melding {identification} is samengevoegd met {into.case.identification}. "
        "De melder en volgers krijgen voortaan de berichten van die melding.",
    )
    return redirect("workbench:case", identification=identification)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def publish(request: HttpRequest, identification: str) -> HttpResponse:
    melding = _melding_or_404(request, identification)
    with form_outcome(request, "De openbare toelichting is opgeslagen."):
        melding_publish(
            actor=Actor.from_user(request.user), melding=melding, text=request.POST.get("text", "")
        )
    return redirect("meldingen-werkplek:melding", identification=identification)


@processing_activity(CASE_TYPE)
@staff_required
def photo(request: HttpRequest, identification: str, number: int) -> FileResponse:
    melding = _melding_or_404(request, identification)
    found = melding.photos.filter(pk=number).first()
    if found is None or not default_storage.exists(found.file.name):
        raise Http404
    return FileResponse(
        default_storage.open(found.file.name, "rb"), content_type=found.content_type
    )
