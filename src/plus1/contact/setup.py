# SPDX-License-Identifier: EUPL-1.2
"""Loading locations, opening hours, closures, appointment products and counters from a
document (the demo's afspraken.yaml, or a municipality's own)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from plus1.audit.services import Actor, audit_record
from plus1.catalog.models import Product
from plus1.catalog.product_services import upl_uri
from plus1.contact import audit_actions
from plus1.contact.models import (
    AppointmentProduct,
    Closure,
    Counter,
    Location,
    OpeningHours,
)


def _period(text: str) -> tuple[dt.time, dt.time]:
    opens, closes = text.split("-")
    return dt.time.fromisoformat(opens.strip()), dt.time.fromisoformat(closes.strip())


def _product(item: dict[str, Any]) -> AppointmentProduct:
    catalog = (
        Product.objects.filter(upl_uri=upl_uri(item["upl"])).first() if item.get("upl") else None
    )
    product, _ = AppointmentProduct.objects.update_or_create(
        slug=item["slug"],
        defaults={
            "name": item["name"],
            "product": catalog,
            "duration_minutes": int(item["minutes"]),
            "what_to_bring": item.get("bring", ""),
        },
    )
    return product


def _location(item: dict[str, Any], products: dict[str, AppointmentProduct]) -> Location:
    location, _ = Location.objects.update_or_create(
        slug=item["slug"], defaults={"name": item["name"], "address": item["address"]}
    )
    location.hours.all().delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(location=location, weekday=int(day), opens=opens, closes=closes)
        for day, periods in (item.get("hours") or {}).items()
        for opens, closes in map(_period, periods)
    )
    for closure in item.get("closures") or []:
        Closure.objects.update_or_create(
            location=location,
            date=dt.date.fromisoformat(str(closure["date"])),
            defaults={"reason": closure.get("reason", "")},
        )
    for slug, places in (item.get("counters") or {}).items():
        Counter.objects.update_or_create(
            location=location, product=products[slug], defaults={"places": int(places)}
        )
    return location


@transaction.atomic
def appointment_setup_import(*, actor: Actor, document: dict[str, Any]) -> list[Location]:
    products = {item["slug"]: _product(item) for item in document.get("products", [])}
    locations = [_location(item, products) for item in document.get("locations", [])]
    for location in locations:
        audit_record(
            actor=actor,
            action=audit_actions.APPOINTMENT_SETUP_IMPORTED,
            obj=location,
            after={"counters": list(location.counters.values_list("product__slug", "places"))},
        )
    return locations
