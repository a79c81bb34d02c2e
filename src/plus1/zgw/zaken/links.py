# SPDX-License-Identifier: EUPL-1.2
"""Lookups across contexts for the Zaken API: the documents of zaken (zaakinformatie-
objecten are documents.DocumentLink rows of type zaak), fetched for a whole page at once,
the usage-rights rule for closing, and statustypen by URL."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

from django.db.models import Max, Q, QuerySet
from rest_framework import exceptions

from plus1.cases.models import Case, CaseObject, Result
from plus1.catalog.models import StatusType
from plus1.decisions.models import Decision
from plus1.documents.models import DocumentLink, DocumentVersion, ObjectType
from plus1.zgw.base import Urls, resolve_url
from plus1.zgw.uuids import to_pk
from plus1.zgw.zaken.remote import fetch, is_local

ZIO = "/zaken/api/v1/zaakinformatieobjecten"


def documents_of(case_uuids: list[uuid.UUID], urls: Urls) -> dict[uuid.UUID, list[str]]:
    """zaakinformatieobject URLs per zaak UUID, in one query."""
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    if not case_uuids:
        return found
    rows = DocumentLink.objects.filter(
        object_type=ObjectType.ZAAK, object_uuid__in=case_uuids
    ).values_list("object_uuid", "uuid")
    for case_uuid, link_uuid in rows.order_by("pk"):
        found[case_uuid].append(urls(ZIO, link_uuid))
    return found


def refuse_unset_usage_rights(case: Case) -> None:
    """A zaak closes only when each of its documents says whether usage rights apply."""
    versions = DocumentVersion.objects.filter(
        pk__in=DocumentLink.objects.filter(
            object_type=ObjectType.ZAAK, object_uuid=case.uuid
        ).values("document__current")
    ).values_list("data", flat=True)
    if any(data.get("indicatieGebruiksrecht") is None for data in versions):
        raise exceptions.ValidationError(
            {
                "nonFieldErrors": [
                    exceptions.ErrorDetail(
                        "Geef bij elk document van de zaak aan of er gebruiksrechten gelden.",
                        code="indicatiegebruiksrecht-unset",
                    )
                ]
            }
        )


def status_types_at(url: str) -> QuerySet[StatusType]:
    """The statustype behind a Catalogi URL (its own UUID, or the one derived from its key)."""
    key = resolve_url(url, "statustype-detail")
    if not key:
        return StatusType.objects.none()
    return StatusType.objects.filter(Q(uuid=key) | Q(pk=to_pk("statustype", key) or 0))


def archive_source_date(case: Case) -> dt.date | None:
    """The brondatum for rules that look beyond the case (besluiten, relevante andere zaken,
    zaakobjecten); None lets cases.archiving derive it from the case itself."""
    result = Result.objects.select_related("result_type").filter(case=case).first()
    rule = (result.result_type.source_date or {}) if result else {}
    kind = rule.get("afleidingswijze")
    if kind in ("ingangsdatum_besluit", "vervaldatum_besluit"):
        field = "effective_from" if kind == "ingangsdatum_besluit" else "expires_on"
        return Decision.objects.filter(case=case).aggregate(last=Max(field))["last"]
    if kind == "gerelateerde_zaak":
        extension = getattr(case, "zgw", None)
        keys = [
            resolve_url(item.get("url", ""), "zaak-detail")
            for item in (extension.data if extension else {}).get("relevanteAndereZaken", [])
        ]
        found = Case.objects.filter(uuid__in=[key for key in keys if key])
        return found.aggregate(last=Max("closed_on"))["last"]
    if kind == "zaakobject" and rule.get("datumkenmerk"):
        return _latest_object_date(case, rule["datumkenmerk"], rule.get("objecttype", ""))
    return None


DECISION_DATES = {
    "datum": "date",
    "ingangsdatum": "effective_from",
    "vervaldatum": "expires_on",
    "publicatiedatum": "published_on",
    "verzenddatum": "sent_on",
}


def _latest_object_date(case: Case, attribute: str, object_type: str) -> dt.date | None:
    """The latest `attribute` of the zaak's objects: from their objectIdentificatie, a local
    besluit, or the remote object itself."""
    dates = []
    objects = CaseObject.objects.filter(case=case)
    if object_type:
        objects = objects.filter(object_type=object_type)
    for row in objects:
        dates.append(_object_date(row, attribute))
    return max((day for day in dates if day), default=None)


def _object_date(row: CaseObject, attribute: str) -> dt.date | None:
    if row.identification and attribute in row.identification:
        return _parse_day(row.identification[attribute])
    if not row.object_url:
        return None
    if is_local(row.object_url):
        key = resolve_url(row.object_url, "besluit-detail")
        field = DECISION_DATES.get(attribute)
        if not key or not field:
            return None
        found = Decision.objects.filter(uuid=key).values_list(field, flat=True).first()
        return found if isinstance(found, dt.date) else None
    body = fetch(row.object_url)
    return _parse_day(body.get(attribute)) if isinstance(body, dict) else None


def _parse_day(value: object) -> dt.date | None:
    """ISO dates, also without leading zeros (2008-1-1)."""
    try:
        year, month, day = (int(part) for part in str(value)[:10].split("-"))
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None
