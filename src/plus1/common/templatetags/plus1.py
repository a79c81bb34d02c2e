# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
import zoneinfo
from typing import Any

from django import template
from django.conf import settings
from django.utils import timezone

register = template.Library()


@register.filter
def get(mapping: Any, key: str) -> Any:
    """Look up a key in a dict or QueryDict from a template."""
    if mapping is None:
        return None
    return mapping.get(key)


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _local(value: dt.datetime) -> dt.datetime:
    if timezone.is_naive(value):
        return value
    return value.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))


@register.filter
def nl_date(value: dt.date | dt.datetime | None) -> str:
    """29 december 2026 (a moment: its day in the municipality's time zone)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.filter
def nl_datetime(value: dt.datetime | None) -> str:
    """29 december 2026, 14:05 in the municipality's time zone (Europe/Amsterdam)."""
    if not value:
        return ""
    if not isinstance(value, dt.datetime):
        return nl_date(value)
    local = _local(value)
    return f"{nl_date(local)}, {local:%H:%M}"
