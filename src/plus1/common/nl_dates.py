# SPDX-License-Identifier: EUPL-1.2
"""Dates and times the Dutch way, in the municipality's time zone (Europe/Amsterdam):
"29 december 2026" and "29 december 2026, 14:05", whatever language the page is in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

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


def _as_date_or_datetime(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return (
                dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
            )
        except ValueError:
            return None
    return None


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def nl_date(value: Any) -> str:
    """‘29 december 2026’; a datetime is first put in Europe/Amsterdam. Unknown values: ''."""
    day = _as_date_or_datetime(value)
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = _local(day).date()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def nl_datetime(value: Any) -> str:
    """‘29 december 2026, 14:05’ in Europe/Amsterdam; a plain date gives only the day."""
    moment = _as_date_or_datetime(value)
    if moment is None:
        return ""
    if not isinstance(moment, dt.datetime):
        return nl_date(moment)
    moment = _local(moment)
    return f"{nl_date(moment.date())}, {moment:%H:%M}"
