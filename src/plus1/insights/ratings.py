# SPDX-License-Identifier: EUPL-1.2
"""Satisfaction after a case closed: a signed one-click link, answerable once, no login.

When a case reaches a final status, the consumer `request_rating` puts
`insights.rating_requested` in the outbox with the link; the message pipeline (contact)
sends it. The link is a `TimestampSigner` signature of the case's uuid; it expires after
`RATING_LINK_DAYS`. The rating is written by `satisfaction_rate`; a used, expired or
tampered link is refused with a Dutch message and nothing is written.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.cases.events import CASE_STATUS_CHANGED
from plus1.cases.models import Case
from plus1.events.services import Delivery, effect_once, outbox_put
from plus1.insights import audit_actions, events
from plus1.insights.models import SatisfactionRating
from plus1.privacy.models import TrailAction
from plus1.privacy.services import personal_data_access

CONSUMER = "insights.rating_request"
RATING_LINK_DAYS = 30
_SALT = "plus1.insights.rating"
SCORES = {
    1: "Heel ontevreden",
    2: "Ontevreden",
    3: "Niet tevreden, niet ontevreden",
    4: "Tevreden",
    5: "Heel tevreden",
}
# Nobody logs in to rate: the signed link is the authority.
RATING_ACTOR = Actor(kind="system", id="rating-link", label="beoordelingslink (zonder inloggen)")


class RatingRefused(ValueError):
    """The link cannot be used; the message says why, in Dutch."""


def rating_token(case: Case) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(case.uuid))


def rating_link(case: Case) -> str:
    return settings.BASE_URL.rstrip("/") + reverse("ratings:rate", args=[rating_token(case)])


def case_for_token(token: str) -> Case:
    """The case a link names; RatingRefused when tampered, expired, unknown or used."""
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        case_uuid = signer.unsign(token, max_age=dt.timedelta(days=RATING_LINK_DAYS))
    except signing.SignatureExpired as exc:
        raise RatingRefused(
            f"Deze link is verlopen. U kon tot {RATING_LINK_DAYS} dagen na het besluit een "
            "oordeel geven."
        ) from exc
    except signing.BadSignature as exc:
        raise RatingRefused(
            "Deze link klopt niet. Gebruik de link uit ons bericht, zonder hem te veranderen."
        ) from exc
    case = Case.objects.select_related("case_type", "initiator").filter(uuid=case_uuid).first()
    if case is None:
        raise RatingRefused("Deze link klopt niet. De zaak bestaat niet (meer).")
    if SatisfactionRating.objects.filter(case=case).exists():
        raise RatingRefused("U heeft al een oordeel gegeven over deze zaak. Dank u wel!")
    return case


def rating_problems(score: str, comment: str) -> list[str]:
    problems = []
    if score not in {str(n) for n in SCORES}:
        problems.append("Kies een cijfer van 1 tot en met 5.")
    if len(comment) > 2000:
        problems.append("Uw toelichting is te lang: gebruik hoogstens 2000 tekens.")
    return problems


@transaction.atomic(durable=True)
def satisfaction_rate(*, token: str, score: int, comment: str = "") -> SatisfactionRating:
    case = case_for_token(token)
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("case_type", "initiator")
        .get(pk=case.pk)
    )
    try:
        with transaction.atomic():
            rating = SatisfactionRating.objects.create(case=case, score=score, comment=comment)
    except IntegrityError as exc:  # answered at the same moment in another tab
        raise RatingRefused("U heeft al een oordeel gegeven over deze zaak. Dank u wel!") from exc
    audit_record(
        actor=RATING_ACTOR,
        action=audit_actions.SATISFACTION_RATED,
        obj=rating,
        after={"case": case.identification, "score": score, "comment": bool(comment)},
    )
    if case.initiator is not None:
        personal_data_access(
            actor=RATING_ACTOR,
            subject=case.initiator,
            action=TrailAction.CHANGED,
            name=f"Uw oordeel over zaak {case.identification} vastgelegd",
            case=case,
        )
    return rating


def request_rating(delivery: Delivery) -> None:
    """Consumer of case.status_changed: a final status asks the initiator for a rating."""
    facts = delivery.payload
    if not facts.get("is_final"):
        return
    case = Case.objects.filter(uuid=facts["case"]).select_related("initiator").first()
    if case is None or case.initiator is None:
        return
    expires = timezone.localdate() + dt.timedelta(days=RATING_LINK_DAYS)

    def effect() -> None:
        outbox_put(
            topic=events.RATING_REQUESTED,
            payload={
                "case": facts["case"],
                "case_type": facts.get("case_type"),
                "confidentiality": facts.get("confidentiality"),
                "identification": facts["identification"],
                "actor_kind": "system",
                "initiator": str(case.initiator.uuid) if case.initiator else None,
                "link": rating_link(case),
                "expires_on": expires.isoformat(),
            },
        )

    with transaction.atomic():
        effect_once(key=delivery.key, effect=effect)


def register() -> None:
    from plus1.events.services import subscribe

    subscribe(CASE_STATUS_CHANGED, CONSUMER, request_rating)
