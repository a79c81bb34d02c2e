# SPDX-License-Identifier: EUPL-1.2
"""Writes of the Autorisaties API: applicaties with their client ids and autorisaties, with
the standard's rules (ac-001 unique client ids, ac-002 all rights xor explicit
autorisaties, ac-003 the type and level each component needs). Rights are read on every
request (plus1.zgw.auth), so a change counts from the next call on."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.events.services import outbox_put
from plus1.zgw import audit_actions, events
from plus1.zgw.models import Applicatie, ApplicatieClient, Autorisatie, ClientSecret

# ac-003: a scope of the component's own resources needs these fields on the autorisatie.
REQUIRED_FOR = {
    "zrc": ("zaken.", ["zaaktype", "max_vertrouwelijkheidaanduiding"]),
    "drc": ("documenten.", ["informatieobjecttype", "max_vertrouwelijkheidaanduiding"]),
    "brc": ("besluiten.", ["besluittype"]),
}
API_NAMES = {
    "zaaktype": "zaaktype",
    "informatieobjecttype": "informatieobjecttype",
    "besluittype": "besluittype",
    "max_vertrouwelijkheidaanduiding": "maxVertrouwelijkheidaanduiding",
}
AUTORISATIE_FIELDS = ("component", "scopes", *API_NAMES)


def _problems(
    applicatie: Applicatie | None,
    client_ids: list[str],
    alle: bool,
    autorisaties: list[dict[str, Any]],
) -> dict[str, list[ValidationError]]:
    problems: dict[str, list[ValidationError]] = {}
    taken = ApplicatieClient.objects.filter(client_id__in=client_ids)
    if applicatie is not None:
        taken = taken.exclude(applicatie=applicatie)
    if taken.exists():
        message = "Een of meer client ids horen al bij een andere applicatie."
        problems["clientIds"] = [ValidationError(message, code="clientId-exists")]
    if alle and autorisaties:
        message = "Geef óf heeftAlleAutorisaties óf losse autorisaties op, niet allebei."
        problems["nonFieldErrors"] = [
            ValidationError(message, code="ambiguous-authorizations-specified")
        ]
    elif not alle and not autorisaties:
        message = "Geef heeftAlleAutorisaties of ten minste één autorisatie op."
        problems["nonFieldErrors"] = [ValidationError(message, code="missing-authorizations")]
    for index, autorisatie in enumerate(autorisaties):
        prefix, needed = REQUIRED_FOR.get(autorisatie["component"], ("", []))
        if not any(scope.startswith(prefix) for scope in autorisatie["scopes"]):
            continue
        for field in needed:
            if not autorisatie.get(field):
                message = "Dit veld is verplicht bij deze scopes."
                name = f"autorisaties.{index}.{API_NAMES[field]}"
                problems[name] = [ValidationError(message, code="required")]
    return problems


def _save(
    *,
    applicatie: Applicatie,
    label: str,
    client_ids: list[str],
    alle: bool,
    autorisaties: list[dict[str, Any]],
) -> None:
    problems = _problems(applicatie if applicatie.pk else None, client_ids, alle, autorisaties)
    if problems:
        raise ValidationError(problems)
    applicatie.label = label
    applicatie.heeft_alle_autorisaties = alle
    applicatie.save()
    applicatie.clients.exclude(client_id__in=client_ids).delete()
    known = set(applicatie.clients.values_list("client_id", flat=True))
    ApplicatieClient.objects.bulk_create(
        ApplicatieClient(applicatie=applicatie, client_id=client_id)
        for client_id in dict.fromkeys(client_ids)
        if client_id not in known
    )
    applicatie.autorisaties.all().delete()
    Autorisatie.objects.bulk_create(
        Autorisatie(
            applicatie=applicatie,
            **{name: values.get(name) or "" for name in AUTORISATIE_FIELDS[2:]},
            component=values["component"],
            scopes=values["scopes"],
        )
        for values in autorisaties
    )


def _snapshot(applicatie: Applicatie) -> dict[str, Any]:
    return {
        "label": applicatie.label,
        "clientIds": sorted(applicatie.clients.values_list("client_id", flat=True)),
        "heeftAlleAutorisaties": applicatie.heeft_alle_autorisaties,
        "autorisaties": list(applicatie.autorisaties.values(*AUTORISATIE_FIELDS)),
    }


def _event(topic: str, applicatie: Applicatie, partial: bool | None = None) -> None:
    payload: dict[str, Any] = {"applicatie": str(applicatie.uuid)}
    if partial is not None:
        payload["partial"] = partial
    outbox_put(topic=topic, payload=payload)


@transaction.atomic
def applicatie_create(
    *,
    actor: Actor,
    label: str,
    client_ids: list[str],
    heeft_alle_autorisaties: bool,
    autorisaties: list[dict[str, Any]],
) -> Applicatie:
    """Create an applicatie."""
    applicatie = Applicatie()
    _save(
        applicatie=applicatie,
        label=label,
        client_ids=client_ids,
        alle=heeft_alle_autorisaties,
        autorisaties=autorisaties,
    )
    audit_record(
        actor=actor,
        action=audit_actions.APPLICATIE_CREATED,
        obj=applicatie,
        after=_snapshot(applicatie),
    )
    _event(events.APPLICATIE_CREATED, applicatie)
    return applicatie


@transaction.atomic
def applicatie_update(
    *,
    actor: Actor,
    applicatie: Applicatie,
    label: str,
    client_ids: list[str],
    heeft_alle_autorisaties: bool,
    autorisaties: list[dict[str, Any]],
    partial: bool = False,
) -> Applicatie:
    before = _snapshot(applicatie)
    _save(
        applicatie=applicatie,
        label=label,
        client_ids=client_ids,
        alle=heeft_alle_autorisaties,
        autorisaties=autorisaties,
    )
    audit_record(
        actor=actor,
        action=audit_actions.APPLICATIE_UPDATED,
        obj=applicatie,
        before=before,
        after=_snapshot(applicatie),
    )
    _event(events.APPLICATIE_UPDATED, applicatie, partial=partial)
    return applicatie


@transaction.atomic
def applicatie_delete(*, actor: Actor, applicatie: Applicatie) -> None:
    """Delete an applicatie; its client ids keep their secrets but lose every right."""
    before = _snapshot(applicatie)
    audit_record(
        actor=actor, action=audit_actions.APPLICATIE_DELETED, obj=applicatie, before=before
    )
    _event(events.APPLICATIE_DELETED, applicatie)
    applicatie.delete()


@transaction.atomic
def applicatie_register(
    *,
    actor: Actor,
    label: str,
    client_id: str,
    secret: str,
    heeft_alle_autorisaties: bool,
    autorisaties: list[dict[str, Any]] | None = None,
) -> Applicatie:
    """Register (or replace) the applicatie behind one client id."""
    ApplicatieClient.objects.filter(client_id=client_id).delete()
    ClientSecret.objects.update_or_create(client_id=client_id, defaults={"secret": secret})
    applicatie = Applicatie.objects.create(
        label=label, heeft_alle_autorisaties=heeft_alle_autorisaties
    )
    ApplicatieClient.objects.create(applicatie=applicatie, client_id=client_id)
    for values in autorisaties or []:
        Autorisatie.objects.create(applicatie=applicatie, **values)
    audit_record(
        actor=actor,
        action=audit_actions.APPLICATIE_REGISTERED,
        obj=applicatie,
        after={"label": label, "client_id": client_id, "alle": heeft_alle_autorisaties},
    )
    return applicatie


def _configure_problems(
    client_id: str, secret: str, component: str, autorisaties: list[dict[str, Any]]
) -> dict[str, list[ValidationError]]:
    from plus1.catalog.models import Confidentiality
    from plus1.zgw.scopes import ALL

    problems: dict[str, list[ValidationError]] = {}
    if not client_id.strip():
        problems["client-id"] = [ValidationError("Geef een client id.", code="required")]
    if len(secret) < 8:
        message = "Het secret moet minstens 8 tekens lang zijn."
        problems["secret"] = [ValidationError(message, code="too-short")]
    known = {scope.code for scope in ALL if scope.component == component}
    for autorisatie in autorisaties:
        unknown = sorted(set(autorisatie["scopes"]) - known)
        if unknown:
            listed = ", ".join(sorted(known)) or "geen"
            message = (
                f"Onbekende scope(s) voor {component}: {', '.join(unknown)}. Kies uit: {listed}."
            )
            problems["scopes"] = [ValidationError(message, code="unknown-scope")]
        level = autorisatie.get("max_vertrouwelijkheidaanduiding", "")
        if level and level not in Confidentiality.values:
            message = f"Onbekend niveau {level}. Kies uit: {', '.join(Confidentiality.values)}."
            problems["max-vertrouwelijkheid"] = [ValidationError(message, code="invalid")]
    return problems


@transaction.atomic(durable=True)
def applicatie_configure(
    *,
    actor: Actor,
    client_id: str,
    secret: str,
    label: str = "",
    heeft_alle_autorisaties: bool = False,
    component: str = "",
    autorisaties: list[dict[str, Any]] | None = None,
) -> tuple[Applicatie, bool]:
    """Register or update, in one step, the API client `client_id`: its secret and its
    applicatie with either all rights or the autorisaties of one component (those replace
    that component's earlier ones; other components' stay). Returns (applicatie, created).
    Every problem is raised at once and nothing is written."""
    given = [{"component": component, **values} for values in autorisaties or []]
    problems = _configure_problems(client_id, secret, component, given)
    link = ApplicatieClient.objects.filter(client_id=client_id).select_related("applicatie")
    existing = link.first()
    kept: list[dict[str, Any]] = []
    if existing is not None and not heeft_alle_autorisaties:
        kept = [
            dict(values)
            for values in existing.applicatie.autorisaties.exclude(component=component).values(
                *AUTORISATIE_FIELDS
            )
        ]
    if problems:
        raise ValidationError(problems)
    wanted = [] if heeft_alle_autorisaties else kept + given
    ClientSecret.objects.update_or_create(client_id=client_id, defaults={"secret": secret})
    if existing is None:
        applicatie = applicatie_create(
            actor=actor,
            label=label or client_id,
            client_ids=[client_id],
            heeft_alle_autorisaties=heeft_alle_autorisaties,
            autorisaties=wanted,
        )
        return applicatie, True
    applicatie = existing.applicatie
    applicatie = applicatie_update(
        actor=actor,
        applicatie=applicatie,
        label=label or applicatie.label,
        client_ids=list(applicatie.clients.values_list("client_id", flat=True)),
        heeft_alle_autorisaties=heeft_alle_autorisaties,
        autorisaties=wanted,
    )
    return applicatie, False


def applicaties_overview() -> list[dict[str, Any]]:
    """Every applicatie with its client ids and autorisaties, never a secret."""
    rows = Applicatie.objects.prefetch_related("clients", "autorisaties").order_by("label")
    return [
        {
            "label": applicatie.label,
            "clientIds": sorted(client.client_id for client in applicatie.clients.all()),
            "heeftAlleAutorisaties": applicatie.heeft_alle_autorisaties,
            "autorisaties": [
                {name: getattr(autorisatie, name) for name in AUTORISATIE_FIELDS}
                for autorisatie in applicatie.autorisaties.all()
            ],
        }
        for applicatie in rows
    ]
