# SPDX-License-Identifier: EUPL-1.2
"""A new version of a zaaktype made in the admin (catalog.case_type_services: a draft is a
copy of the published version) keeps its ZGW fields: the catalogus, the other zaaktype
fields and those of its statustypen, so the Catalogi API shows both versions alike."""

from __future__ import annotations

from plus1.catalog import events as catalog_events
from plus1.catalog.models import CaseType
from plus1.events.services import Delivery, effect_once, subscribe
from plus1.zgw.catalogi.zaaktype_fields import extension_copy
from plus1.zgw.models import StatusTypeExtensie, ZaakTypeExtensie

CONSUMER = "zgw.zaaktype_version_fields"


def version_fields_copy(delivery: Delivery) -> None:
    source = delivery.payload.get("copy_of")
    if not source:
        return

    def effect() -> None:
        original = ZaakTypeExtensie.objects.filter(case_type__uuid=source).first()
        new = CaseType.objects.filter(uuid=delivery.payload["uuid"]).first()
        if (
            original is None
            or new is None
            or ZaakTypeExtensie.objects.filter(case_type=new).exists()
        ):
            return
        extension_copy(original, new)
        statuses = {status.code: status for status in new.statuses.all()}
        for extension in StatusTypeExtensie.objects.filter(
            status_type__case_type=original.case_type
        ).select_related("status_type"):
            copy = statuses.get(extension.status_type.code)
            if copy is not None:
                StatusTypeExtensie.objects.update_or_create(
                    status_type=copy, defaults={"data": extension.data}
                )

    effect_once(key=delivery.key, effect=effect)


def register() -> None:
    subscribe(catalog_events.CASE_TYPE_CREATED, CONSUMER, version_fields_copy)
