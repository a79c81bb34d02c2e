# SPDX-License-Identifier: EUPL-1.2
"""Staff pages for Woo publications: the drafts of one's teams, starting a draft from a
case, the review of each redaction and publishing. Thin views over woo_services."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from plus1.audit.services import Actor
from plus1.cases.models import Case
from plus1.cases.selectors import case_for_staff
from plus1.common.views import form_outcome
from plus1.decisions.selectors import decisions_of_case
from plus1.identity.decorators import staff_required
from plus1.opendata.models import WooPublication, WooRedaction
from plus1.opendata.woo_forms import ManualRedactionForm
from plus1.opendata.woo_grounds import WooGround
from plus1.opendata.woo_selectors import publication_for_staff, publications_for_staff
from plus1.opendata.woo_services import (
    Verdict,
    publication_draft_create,
    publication_publish,
    redaction_add,
    redactions_review,
)
from plus1.opendata.woo_sources import decision_source, document_source, publishable_documents
from plus1.privacy.declarations import CASE_TYPE, processing_activity
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access


@dataclass(frozen=True)
class Segment:
    text: str
    redaction: WooRedaction | None = None
    number: int = 0


def segments(publication: WooPublication, redactions: list[WooRedaction]) -> list[Segment]:
    """The text cut at each redaction, so the page can mark every span with its number."""
    found, at = [], 0
    for number, redaction in enumerate(redactions, start=1):
        if redaction.start < at:  # a staff span inside a rejected proposal: shown in the list
            continue
        found.append(Segment(publication.text[at : redaction.start]))
        found.append(Segment(publication.text[redaction.start : redaction.end], redaction, number))
        at = redaction.end
    return [*found, Segment(publication.text[at:])]


def _publication_or_404(request: HttpRequest, publication_uuid: uuid.UUID | str) -> WooPublication:
    publication = publication_for_staff(request.user, publication_uuid)
    if publication is None:
        raise Http404
    return publication


def _case_or_404(request: HttpRequest, identification: str) -> Case:
    case = case_for_staff(request.user, identification)
    if case is None:
        raise Http404
    return case


@processing_activity(CASE_TYPE)
@staff_required
def publication_list(request: HttpRequest) -> HttpResponse:
    rows = publications_for_staff(request.user)
    return render(request, "opendata/woo/staff_list.html", {"publications": rows})


@processing_activity(CASE_TYPE)
@staff_required
def case_sources(request: HttpRequest, identification: str) -> HttpResponse:
    case = _case_or_404(request, identification)
    drafted = dict(WooPublication.objects.filter(case=case).values_list("source_uuid", "uuid"))
    context = {
        "case": case,
        "decisions": [(d, drafted.get(d.uuid)) for d in decisions_of_case(case)],
        "documents": publishable_documents(case),
    }
    return render(request, "opendata/woo/staff_case.html", context)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def draft_start(request: HttpRequest, identification: str) -> HttpResponse:
    case = _case_or_404(request, identification)
    kind, _, source_uuid = request.POST.get("source", "").partition(":")
    try:
        if kind == WooPublication.Source.DECISION:
            decision = decisions_of_case(case).filter(uuid=source_uuid).first()
            if decision is None:
                raise ValidationError("Kies een besluit van deze zaak.")
            source = decision_source(decision)
        else:
            link = publishable_documents(case).filter(document__uuid=source_uuid).first()
            if link is None:
                raise ValidationError("Kies een definitief document van deze zaak.")
            source = document_source(case, link)
        publication = publication_draft_create(actor=Actor.from_user(request.user), source=source)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("woo-werkplek:case", identification=identification)
    messages.success(request, "Het publicatieconcept is gemaakt. Beoordeel de lakkingen.")
    return redirect("woo-werkplek:review", publication_uuid=publication.uuid)


@processing_activity(CASE_TYPE)
@staff_required
def review(request: HttpRequest, publication_uuid: str) -> HttpResponse:
    publication = _publication_or_404(request, publication_uuid)
    if publication.case.initiator is not None:
        personal_data_access(
            actor=Actor.from_user(request.user),
            subject=publication.case.initiator,
            case=publication.case,
            action=TrailAction.VIEWED,
            name=f"Woo-publicatieconcept van zaak {publication.case.identification} bekeken",
        )
    redactions = list(publication.redactions.all())
    context = {
        "publication": publication,
        "segments": segments(publication, redactions),
        "redactions": [
            (i, r, publication.text[r.start : r.end]) for i, r in enumerate(redactions, 1)
        ],
        "grounds": WooGround.choices,
        "states": WooRedaction.State,
        "manual_form": ManualRedactionForm(),
        "open_count": sum(r.state == WooRedaction.State.PROPOSED for r in redactions),
    }
    return render(request, "opendata/woo/review.html", context)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def review_save(request: HttpRequest, publication_uuid: str) -> HttpResponse:
    publication = _publication_or_404(request, publication_uuid)
    verdicts = [
        Verdict(
            redaction_id=redaction.pk,
            state=request.POST.get(f"state-{redaction.pk}", ""),
            ground=request.POST.get(f"ground-{redaction.pk}", redaction.ground),
        )
        for redaction in publication.redactions.all()
    ]
    with form_outcome(request, "De beoordeling van de lakkingen is opgeslagen."):
        redactions_review(
            actor=Actor.from_user(request.user), publication=publication, verdicts=verdicts
        )
    return redirect("woo-werkplek:review", publication_uuid=publication.uuid)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def redaction_new(request: HttpRequest, publication_uuid: str) -> HttpResponse:
    publication = _publication_or_404(request, publication_uuid)
    form = ManualRedactionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("woo-werkplek:review", publication_uuid=publication.uuid)
    with form_outcome(request, "De lakking is toegevoegd en bevestigd."):
        redaction_add(
            actor=Actor.from_user(request.user),
            publication=publication,
            phrase=form.cleaned_data["phrase"],
            ground=form.cleaned_data["ground"],
        )
    return redirect("woo-werkplek:review", publication_uuid=publication.uuid)


@processing_activity(CASE_TYPE)
@staff_required
@require_POST
def publish(request: HttpRequest, publication_uuid: str) -> HttpResponse:
    publication = _publication_or_404(request, publication_uuid)
    try:
        publication_publish(actor=Actor.from_user(request.user), publication=publication)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("woo-werkplek:review", publication_uuid=publication.uuid)
    messages.success(request, "De publicatie staat nu op de openbare Woo-pagina.")
    return redirect("woo:detail", publication_uuid=publication.uuid)
