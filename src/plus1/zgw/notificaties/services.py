# SPDX-License-Identifier: EUPL-1.2
"""Writes of the Notificaties API: kanalen, abonnementen and published notificaties.
The rows live in `events` (which calls nobody); the rules and the audit trail live here."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.events.models import Abonnement, AbonnementKanaal, Berichtformaat, Kanaal
from plus1.events.notifications import publish
from plus1.zgw import audit_actions


@transaction.atomic
def kanaal_create(*, actor: Actor, naam: str, documentatie_link: str, filters: list[str]) -> Kanaal:
    if Kanaal.objects.filter(naam=naam).exists():
        message = "Er bestaat al een kanaal met deze naam."
        raise ValidationError({"naam": ValidationError(message, code="unique")})
    kanaal = Kanaal.objects.create(naam=naam, documentatie_link=documentatie_link, filters=filters)
    audit_record(
        actor=actor,
        action=audit_actions.KANAAL_CREATED,
        obj=kanaal,
        after={"naam": naam, "filters": filters},
    )
    return kanaal


def _checked_kanalen(kanalen: list[dict[str, Any]]) -> list[tuple[Kanaal, dict[str, str]]]:
    """(kanaal, filters) per requested kanaal; every unknown kanaal or filter at once."""
    known = {k.naam: k for k in Kanaal.objects.filter(naam__in=[g["naam"] for g in kanalen])}
    problems: dict[str, list[ValidationError]] = {}
    for index, group in enumerate(kanalen):
        kanaal = known.get(group["naam"])
        if kanaal is None:
            message = f"Het kanaal {group['naam']!r} bestaat niet."
            problems[f"kanalen.{index}.naam"] = [ValidationError(message, code="does_not_exist")]
            continue
        unknown = sorted(set(group.get("filters") or {}) - set(kanaal.filters))
        if unknown:
            message = f"Op dit kanaal kan niet gefilterd worden op: {', '.join(unknown)}."
            problems[f"kanalen.{index}.filters"] = [ValidationError(message, code="kanaal-filters")]
    if problems:
        raise ValidationError(problems)
    return [(known[g["naam"]], dict(g.get("filters") or {})) for g in kanalen]


def _snapshot(abonnement: Abonnement) -> dict[str, Any]:
    return {
        "callbackUrl": abonnement.callback_url,
        "berichtformaat": abonnement.berichtformaat,
        "kanalen": [
            {"naam": k.kanaal.naam, "filters": k.filters}
            for k in abonnement.kanalen.select_related("kanaal")
        ],
    }


def _save(
    abonnement: Abonnement, callback_url: str, auth: str, kanalen: list[dict], berichtformaat: str
) -> None:
    checked = _checked_kanalen(kanalen)
    abonnement.callback_url = callback_url
    abonnement.auth = auth
    abonnement.berichtformaat = berichtformaat
    abonnement.save()
    abonnement.kanalen.all().delete()
    AbonnementKanaal.objects.bulk_create(
        AbonnementKanaal(abonnement=abonnement, kanaal=kanaal, filters=filters)
        for kanaal, filters in checked
    )


@transaction.atomic
def abonnement_create(
    *,
    actor: Actor,
    callback_url: str,
    auth: str,
    kanalen: list[dict[str, Any]],
    berichtformaat: str = Berichtformaat.ZGW,
) -> Abonnement:
    abonnement = Abonnement(client_id=actor.id)
    _save(abonnement, callback_url, auth, kanalen, berichtformaat)
    audit_record(
        actor=actor,
        action=audit_actions.ABONNEMENT_CREATED,
        obj=abonnement,
        after=_snapshot(abonnement),
    )
    return abonnement


@transaction.atomic
def abonnement_update(
    *,
    actor: Actor,
    abonnement: Abonnement,
    callback_url: str,
    auth: str,
    kanalen: list[dict[str, Any]],
    berichtformaat: str = Berichtformaat.ZGW,
) -> Abonnement:
    abonnement = Abonnement.objects.select_for_update().get(pk=abonnement.pk)
    before = _snapshot(abonnement)
    _save(abonnement, callback_url, auth, kanalen, berichtformaat)
    audit_record(
        actor=actor,
        action=audit_actions.ABONNEMENT_UPDATED,
        obj=abonnement,
        before=before,
        after=_snapshot(abonnement),
    )
    return abonnement


@transaction.atomic
def abonnement_delete(*, actor: Actor, abonnement: Abonnement) -> None:
    audit_record(
        actor=actor,
        action=audit_actions.ABONNEMENT_DELETED,
        obj=abonnement,
        before=_snapshot(abonnement),
    )
    abonnement.delete()


@transaction.atomic
def notificatie_publish(*, actor: Actor, bericht: dict[str, Any]) -> int:
    """Route a notification sent to the API to every matching abonnement (via the outbox)."""
    kanaal = Kanaal.objects.filter(naam=bericht["kanaal"]).first()
    if kanaal is None:
        message = f"Het kanaal {bericht['kanaal']!r} bestaat niet."
        raise ValidationError({"kanaal": ValidationError(message, code="kanaal_naam")})
    audit_record(
        actor=actor,
        action=audit_actions.NOTIFICATIE_PUBLISHED,
        obj=kanaal,
        after={k: bericht[k] for k in ("kanaal", "resource", "actie", "resourceUrl")},
    )
    return publish(bericht)
