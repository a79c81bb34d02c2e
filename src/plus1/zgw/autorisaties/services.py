# SPDX-License-Identifier: EUPL-1.2
"""Writes of the Autorisaties API: applicaties with their client ids and autorisaties, with
the standard's rules (ac-001 unique client ids, ac-002 all rights xor explicit
autorisaties, ac-003 the type and level each component needs). Rights are read on every
request (plus1.zgw.auth), so a change counts from the next call on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.events.notifications import notify
from plus1.zgw import audit_actions
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
UrlFor = Callable[[Applicatie], str]  # the resource URL of an applicatie (notifications)


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


def _publish(actie: str, url: str) -> None:
    notify(
        kanaal="autorisaties",
        resource="applicatie",
        actie=actie,
        resource_url=url,
        hoofd_object=url,
        kenmerken={},
    )


@transaction.atomic
def applicatie_create(
    *,
    actor: Actor,
    label: str,
    client_ids: list[str],
    heeft_alle_autorisaties: bool,
    autorisaties: list[dict[str, Any]],
    url_for: UrlFor,
) -> Applicatie:
    """Create an applicatie. `url_for(applicatie)` gives its resource URL (notification)."""
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
    _publish("create", url_for(applicatie))
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
    url_for: UrlFor,
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
    _publish("partial_update" if partial else "update", url_for(applicatie))
    return applicatie


@transaction.atomic
def applicatie_delete(*, actor: Actor, applicatie: Applicatie, url_for: UrlFor) -> None:
    """Delete an applicatie; its client ids keep their secrets but lose every right."""
    url = url_for(applicatie)
    before = _snapshot(applicatie)
    audit_record(
        actor=actor, action=audit_actions.APPLICATIE_DELETED, obj=applicatie, before=before
    )
    applicatie.delete()
    _publish("destroy", url)


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
