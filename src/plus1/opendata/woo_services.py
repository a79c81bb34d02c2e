# SPDX-License-Identifier: EUPL-1.2
"""Every write to a Woo publication: the draft with its proposed redactions, the review,
a redaction added by hand, and publishing (refused while anything is undecided)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases.models import Case
from plus1.events.services import outbox_put
from plus1.opendata import audit_actions, events
from plus1.opendata.models import WooPublication, WooRedaction
from plus1.opendata.woo_detection import find_personal_data
from plus1.opendata.woo_grounds import PROPOSED_GROUND, DataKind, WooGround, marker
from plus1.opendata.woo_pdf import redacted_pdf
from plus1.opendata.woo_selectors import known_names

MAX_MANUAL_LENGTH = 500


@dataclass(frozen=True)
class DraftSource:
    """What a draft is made of: the source object, its case and its text."""

    kind: str  # WooPublication.Source
    uuid: uuid.UUID
    case: Case
    title: str
    text: str
    document_date: dt.date


@transaction.atomic
def publication_draft_create(*, actor: Actor, source: DraftSource) -> WooPublication:
    """A draft with a proposed redaction for each piece of personal data found; one per
    source (a repeat returns the existing draft). The case type must be marked for the Woo."""
    existing = WooPublication.objects.filter(source=source.kind, source_uuid=source.uuid).first()
    if existing is not None:
        return existing
    case_type = source.case.case_type
    if not (case_type.woo_publish and case_type.woo_category):
        raise ValidationError(
            f"Het zaaktype {case_type.name} wordt niet gepubliceerd onder de Woo."
        )
    publication = WooPublication.objects.create(
        source=source.kind,
        source_uuid=source.uuid,
        case=source.case,
        title=source.title[:300],
        text=source.text,
        category=case_type.woo_category,
        document_date=source.document_date,
    )
    found = find_personal_data(source.text, known_names(source.case, source.text))
    WooRedaction.objects.bulk_create(
        WooRedaction(
            publication=publication,
            start=item.start,
            end=item.end,
            kind=item.kind,
            ground=PROPOSED_GROUND[item.kind],
        )
        for item in found
    )
    audit_record(
        actor=actor,
        action=audit_actions.WOO_DRAFT_CREATED,
        obj=publication,
        after={
            "bron": source.kind,
            "bron_uuid": str(source.uuid),
            "zaak": source.case.identification,
            "voorgestelde_lakkingen": len(found),
        },
    )
    return publication


def _locked_draft(publication: WooPublication) -> WooPublication:
    row = WooPublication.objects.select_for_update().get(pk=publication.pk)
    if row.is_published:
        raise ValidationError("Deze publicatie is al gepubliceerd en kan niet meer veranderen.")
    return row


@dataclass(frozen=True)
class Verdict:
    """A staff member's decision on one redaction."""

    redaction_id: int
    state: str  # WooRedaction.State, or "" when not chosen
    ground: str


@transaction.atomic
def redactions_review(
    *, actor: Actor, publication: WooPublication, verdicts: list[Verdict]
) -> WooPublication:
    """Confirm or reject redactions and set their grounds, all or nothing: every problem is
    listed and nothing is saved when one verdict is wrong."""
    row = _locked_draft(publication)
    redactions = {r.pk: r for r in row.redactions.select_for_update().order_by("start", "pk")}
    number = {pk: i for i, pk in enumerate(redactions, start=1)}
    problems: list[str] = []
    for verdict in verdicts:
        if verdict.redaction_id not in redactions:
            problems.append("Een van de lakkingen hoort niet bij deze publicatie.")
        elif verdict.state and verdict.state not in WooRedaction.State.values:
            problems.append(f"Lakking {number[verdict.redaction_id]}: kies bevestigen of afwijzen.")
        elif verdict.ground not in WooGround.values:
            problems.append(f"Lakking {number[verdict.redaction_id]}: kies een geldige Woo-grond.")
    if problems:
        raise ValidationError(problems)
    changed = []
    for verdict in verdicts:
        redaction = redactions[verdict.redaction_id]
        state = verdict.state or redaction.state
        if (state, verdict.ground) != (redaction.state, redaction.ground):
            redaction.state, redaction.ground = state, verdict.ground
            changed.append(redaction)
    WooRedaction.objects.bulk_update(changed, ["state", "ground"])
    if changed:
        audit_record(
            actor=actor,
            action=audit_actions.WOO_REDACTIONS_REVIEWED,
            obj=row,
            after={
                "lakkingen": [
                    {"nummer": number[r.pk], "status": r.state, "grond": r.ground} for r in changed
                ]
            },
        )
    return row


@transaction.atomic
def redaction_add(
    *, actor: Actor, publication: WooPublication, phrase: str, ground: str
) -> list[WooRedaction]:
    """Redact every occurrence of `phrase` that no other redaction covers yet (confirmed:
    a staff member chose it)."""
    row = _locked_draft(publication)
    phrase = phrase.strip()
    problems = []
    if not phrase:
        problems.append("Vul de tekst in die u wilt lakken.")
    elif len(phrase) > MAX_MANUAL_LENGTH:
        problems.append(f"Lak ten hoogste {MAX_MANUAL_LENGTH} tekens tegelijk.")
    if ground not in WooGround.values:
        problems.append("Kies de Woo-grond van de lakking.")
    if problems:
        raise ValidationError(problems)
    taken = [
        (r.start, r.end)
        for r in row.redactions.exclude(state=WooRedaction.State.REJECTED).order_by("start")
    ]
    spans, lowered, at = [], row.text.lower(), 0
    while (start := lowered.find(phrase.lower(), at)) != -1:
        end = start + len(phrase)
        if not any(start < t_end and t_start < end for t_start, t_end in taken):
            spans.append((start, end))
        at = end
    if not spans:
        raise ValidationError(
            "Deze tekst staat niet in het document."
            if phrase.lower() not in lowered
            else "Deze tekst is al gelakt."
        )
    # A rejected proposal on the same span makes way for the staff member's choice.
    row.redactions.filter(
        state=WooRedaction.State.REJECTED, start__in=[s for s, _ in spans]
    ).delete()
    added = WooRedaction.objects.bulk_create(
        WooRedaction(
            publication=row,
            start=start,
            end=end,
            kind=DataKind.OTHER,
            ground=ground,
            state=WooRedaction.State.CONFIRMED,
            added_by_staff=True,
        )
        for start, end in spans
    )
    audit_record(
        actor=actor,
        action=audit_actions.WOO_REDACTION_ADDED,
        obj=row,
        after={"plaatsen": [[s, e] for s, e in spans], "grond": ground},
    )
    return added


def redacted(text: str, redactions: list[WooRedaction]) -> str:
    """The text with every confirmed redaction replaced by its marker; overlapping spans
    (a proposal confirmed again over a staff member's own) are hidden as one."""
    parts, at = [], 0
    confirmed = [r for r in redactions if r.state == WooRedaction.State.CONFIRMED]
    for redaction in sorted(confirmed, key=lambda r: (r.start, -r.end)):
        if redaction.start >= at:
            parts += [text[at : redaction.start], marker(redaction.ground)]
        at = max(at, redaction.end)
    return "".join(parts) + text[at:]


@transaction.atomic
def publication_publish(*, actor: Actor, publication: WooPublication) -> WooPublication:
    """Render the redacted PDF and publish. Refused, listing each one, while a proposed
    redaction is neither confirmed nor rejected; then nothing changes."""
    row = _locked_draft(publication)
    redactions = list(row.redactions.order_by("start", "pk"))
    problems = [
        f"Lakking {i} ({r.get_kind_display().lower()}) is nog niet bevestigd of afgewezen."
        for i, r in enumerate(redactions, start=1)
        if r.state == WooRedaction.State.PROPOSED
    ]
    if problems:
        raise ValidationError(["Publiceren kan nog niet.", *problems])
    row.redacted_text = redacted(row.text, redactions)
    row.redacted_pdf = redacted_pdf(row, row.redacted_text)
    row.state = WooPublication.State.PUBLISHED
    row.published_at = timezone.now()
    row.save(update_fields=["redacted_text", "redacted_pdf", "state", "published_at"])
    confirmed = [r for r in redactions if r.state == WooRedaction.State.CONFIRMED]
    audit_record(
        actor=actor,
        action=audit_actions.WOO_PUBLISHED,
        obj=row,
        before={"status": WooPublication.State.DRAFT},
        after={
            "status": row.state,
            "gelakt": len(confirmed),
            "gronden": sorted({r.ground for r in confirmed}),
        },
    )
    outbox_put(
        topic=events.WOO_PUBLISHED,
        payload={
            "publication": str(row.uuid),
            "case": str(row.case.uuid),
            "category": row.category,
        },
    )
    return row
