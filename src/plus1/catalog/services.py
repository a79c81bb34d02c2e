# SPDX-License-Identifier: EUPL-1.2
"""Writes to the catalog: importing case types and products from a YAML document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from plus1.audit.services import Actor, audit_record
from plus1.catalog import audit_actions
from plus1.catalog.case_type_services import case_type_draft, case_type_publish, case_type_save
from plus1.catalog.forms_schema import schema_problems, with_current_date_rules, with_field_order
from plus1.catalog.models import (
    CaseType,
    CaseTypeKind,
    Confidentiality,
    Product,
    StatusType,
    Transition,
)
from plus1.catalog.product_services import upl_uri
from plus1.catalog.selectors import case_type_document
from plus1.catalog.woo_categories import WooCategory
from plus1.catalog.workflow import StatusSpec, TransitionSpec, workflow_problems
from plus1.common.legal_clock import InvalidTerm, parse_term
from plus1.identity.assurance import Level
from plus1.identity.models import Team


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    versioned: list[str] = field(default_factory=list)  # a new version: the old has cases
    unchanged: list[str] = field(default_factory=list)


def catalog_problems(document: dict[str, Any]) -> list[str]:
    """Every reason the document cannot be imported, all at once."""
    problems: list[str] = []
    teams = set(Team.objects.values_list("slug", flat=True))
    codes = set()
    for index, item in enumerate(document.get("case_types", []), start=1):
        where = f"zaaktype {item.get('code') or index}"
        problems += _case_type_problems(where, item, teams)
        codes.add(item.get("code"))
    known_codes = codes | set(CaseType.objects.values_list("code", flat=True))
    for index, item in enumerate(document.get("products", []), start=1):
        where = f"product {item.get('slug') or index}"
        for key in ("slug", "name"):
            if not item.get(key):
                problems.append(f"{where}: ‘{key}’ ontbreekt.")
        if item.get("case_type") and item["case_type"] not in known_codes:
            problems.append(f"{where}: onbekend zaaktype ‘{item['case_type']}’.")
        if item.get("audience", "both") not in Product.Audience.values:
            problems.append(f"{where}: doelgroep moet een van {Product.Audience.values} zijn.")
        if item.get("login_level", Level.BASIS) not in Level.values:
            problems.append(f"{where}: betrouwbaarheidsniveau moet een van {Level.values} zijn.")
    return problems


def _case_type_problems(where: str, item: dict[str, Any], teams: set[str]) -> list[str]:
    problems = [
        f"{where}: ‘{key}’ ontbreekt." for key in ("code", "name", "team") if not item.get(key)
    ]
    if item.get("team") and item["team"] not in teams:
        problems.append(f"{where}: onbekend team ‘{item['team']}’.")
    for key in ("legal_term", "reply_term"):
        try:
            parse_term(item.get(key, "P8W"))
        except InvalidTerm as exc:
            problems.append(f"{where}: {exc}")
    if item.get("confidentiality", "zaakvertrouwelijk") not in Confidentiality.values:
        problems.append(f"{where}: onbekende vertrouwelijkheid ‘{item['confidentiality']}’.")
    if item.get("kind", CaseTypeKind.APPLICATION) not in CaseTypeKind.values:
        problems.append(f"{where}: soort moet een van {CaseTypeKind.values} zijn.")
    if item.get("woo_category", "") not in ["", *WooCategory.values]:
        problems.append(f"{where}: onbekende Woo-informatiecategorie ‘{item['woo_category']}’.")
    elif item.get("woo_publish") and not item.get("woo_category"):
        problems.append(f"{where}: kies de Woo-informatiecategorie (woo_category).")
    statuses = item.get("statuses", [])
    status_codes = [status.get("code") for status in statuses]
    if sum(bool(status.get("initial")) for status in statuses) != 1:
        problems.append(f"{where}: precies één status moet de beginstatus zijn.")
    if not any(status.get("final") for status in statuses):
        problems.append(f"{where}: minstens één status moet een eindstatus zijn.")
    if len(set(status_codes)) != len(status_codes):
        problems.append(f"{where}: statuscodes moeten uniek zijn.")
    for transition in item.get("transitions", []):
        for end in ("from", "to"):
            if transition.get(end) not in status_codes:
                problems.append(
                    f"{where}: overgang naar/van onbekende status ‘{transition.get(end)}’."
                )
    if not problems:  # the same checks as the admin's workflow editor: reachable, finishable
        problems += [f"{where}: {problem}" for problem in _workflow_problems(item)]
    problems += [f"{where}: {problem}" for problem in schema_problems(item.get("form", {}))]
    return problems


def _workflow_problems(item: dict[str, Any]) -> list[str]:
    statuses = [
        StatusSpec(
            code=status.get("code", ""),
            name=status.get("name", status.get("code", "")),
            order=order,
            is_initial=bool(status.get("initial")),
            is_final=bool(status.get("final")),
            norm_days=status.get("norm_days"),
        )
        for order, status in enumerate(item.get("statuses", []), start=1)
    ]
    names = {status.code: status.name for status in statuses}
    transitions = [
        TransitionSpec(
            source=move.get("from", ""),
            target=move.get("to", ""),
            label=move.get("label", names.get(move.get("to", ""), "")),
        )
        for move in item.get("transitions", [])
    ]
    return workflow_problems(statuses, transitions)


@transaction.atomic
def catalog_import(
    *, actor: Actor, document: dict[str, Any], publish: bool = False
) -> ImportResult:
    """Create or change case types and products. A changed case type that already has cases
    gets a new version, as a change in the admin does: a draft, or published right away
    with `publish`; its running cases keep their version."""
    problems = catalog_problems(document)
    if problems:
        raise ValidationError(problems)
    result = ImportResult()
    for item in document.get("case_types", []):
        _import_case_type(actor, item, result, publish=publish)
    for item in document.get("products", []):
        _import_product(actor, item, result)
    return result


def _case_type_values(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": item["name"],
        "description": item.get("description", ""),
        "name_en": item.get("name_en", ""),
        "description_en": item.get("description_en", ""),
        "kind": item.get("kind", CaseTypeKind.APPLICATION),
        "legal_term": item.get("legal_term", "P8W"),
        "reply_term": item.get("reply_term", "P2W"),
        "team": item["team"],
        "confidentiality": item.get("confidentiality", Confidentiality.ZAAKVERTROUWELIJK),
        "form_schema": with_field_order(with_current_date_rules(item.get("form") or {})),
        "active": item.get("active", True),
        "penalty_applies": item.get("penalty_applies", True),
        "woo_publish": item.get("woo_publish", False),
        "woo_category": item.get("woo_category", ""),
        "statuses": [
            {
                "code": status["code"],
                "name": status.get("name", status["code"]),
                "resident_text": status.get("resident_text", ""),
                "initial": bool(status.get("initial")),
                "final": bool(status.get("final")),
                "sets_aside": bool(status.get("sets_aside")),
                "norm_days": status.get("norm_days"),
            }
            for status in item.get("statuses", [])
        ],
        "transitions": sorted(
            (move["from"], move["to"], move.get("label", "")) for move in item["transitions"]
        )
        if "transitions" in item
        else [],
    }


def _changed(version: CaseType, item: dict[str, Any]) -> bool:
    """Whether the document describes this version otherwise than it is (as exported)."""
    current = _case_type_values(case_type_document(version))
    wanted = _case_type_values(item)
    names = {status["code"]: status["name"] for status in wanted["statuses"]}
    wanted["transitions"] = sorted(
        (source, target, label or names.get(target, ""))
        for source, target, label in wanted["transitions"]
    )
    return current != wanted


def _version_to_change(code: str) -> CaseType | None:
    """The open draft of a code, else the version in force, else its latest version."""
    versions = CaseType.objects.filter(code=code)
    return (
        versions.filter(concept=True).order_by("-pk").first()
        or versions.current().first()
        or versions.order_by("-valid_from", "-pk").first()
    )


def _import_case_type(
    actor: Actor, item: dict[str, Any], result: ImportResult, *, publish: bool
) -> None:
    values = _case_type_values(item)
    for derived in ("team", "statuses", "transitions"):
        del values[derived]
    values["responsible_team"] = Team.objects.get(slug=item["team"])
    existing = _version_to_change(item["code"])
    if existing is not None and not _changed(existing, item):
        result.unchanged.append(f"zaaktype {existing.code}")
        return
    versioned = existing is not None and not existing.concept and existing.cases.exists()
    if existing is not None and versioned:  # running cases keep the version they started with
        existing = case_type_draft(actor=actor, case_type=existing)
    case_type = case_type_save(
        actor=actor, case_type=existing, values={"code": item["code"], **values}
    )
    _import_workflow(case_type, item)
    audit_record(
        actor=actor,
        action=audit_actions.CASE_TYPE_WORKFLOW_IMPORTED,
        obj=case_type,
        after={"statuses": item["statuses"], "transitions": item.get("transitions", [])},
    )
    if versioned and publish:
        case_type = case_type_publish(actor=actor, case_type=case_type)
    if versioned:
        result.versioned.append(f"zaaktype {case_type.code}")
    else:
        (result.updated if existing else result.created).append(f"zaaktype {case_type.code}")


def _import_workflow(case_type: CaseType, item: dict[str, Any]) -> None:
    case_type.transitions.all().delete()
    # Move existing statuses out of the way of the order constraints, then upsert by code.
    case_type.statuses.update(is_initial=False, order=F("order") + 10_000)
    by_code = {}
    for order, status in enumerate(item["statuses"], start=1):
        by_code[status["code"]], _ = StatusType.objects.update_or_create(
            case_type=case_type,
            code=status["code"],
            defaults={
                "name": status.get("name", status["code"]),
                "resident_text": status.get("resident_text", ""),
                "order": order,
                "is_initial": bool(status.get("initial")),
                "is_final": bool(status.get("final")),
                "sets_aside": bool(status.get("sets_aside")),
                "norm_days": status.get("norm_days"),
            },
        )
    Transition.objects.bulk_create(
        Transition(
            case_type=case_type,
            source=by_code[transition["from"]],
            target=by_code[transition["to"]],
            label=transition.get("label", by_code[transition["to"]].name),
        )
        for transition in item.get("transitions", [])
    )


def _import_product(actor: Actor, item: dict[str, Any], result: ImportResult) -> None:
    values = {
        "name": item["name"],
        "summary": item.get("summary", ""),
        "audience": item.get("audience", Product.Audience.BOTH),
        "case_type": CaseType.objects.current().filter(code=item.get("case_type") or "").first(),
        "published": item.get("published", True),
        "login_level": item.get("login_level", Level.BASIS),
    }
    product = None
    if item.get("upl"):
        # Link to the national list: an entry the UPL import already made is this product.
        values["upl_uri"] = upl_uri(item["upl"])
        product = Product.objects.filter(upl_uri=values["upl_uri"]).first()
    if product is not None:
        Product.objects.filter(pk=product.pk).update(**values, updated_at=timezone.now())
        created = False
    else:
        product, created = Product.objects.update_or_create(slug=item["slug"], defaults=values)
    (result.created if created else result.updated).append(f"product {product.slug}")
    audit_record(actor=actor, action=audit_actions.PRODUCT_IMPORTED, obj=product, after=item)
