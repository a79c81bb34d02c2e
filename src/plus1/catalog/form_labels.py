# SPDX-License-Identifier: EUPL-1.2
"""Submitted form data as people read it: the form's own labels (the JSON Schema `title`) and
values in Dutch (booleans Ja/Nee, dates as 29 december 2026, choices by their label)."""

from __future__ import annotations

import datetime as dt
from typing import Any

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


def _date(value: str) -> str:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _choice_label(prop: dict[str, Any], value: Any) -> str | None:
    for option in prop.get("oneOf", []) or prop.get("anyOf", []):
        if isinstance(option, dict) and option.get("const") == value:
            return str(option.get("title", value))
    return None


def _value(prop: dict[str, Any], value: Any) -> str:
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        items = prop.get("items", {}) if isinstance(prop.get("items"), dict) else {}
        return ", ".join(_value(items, item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_value({}, item)}" for key, item in value.items())
    label = _choice_label(prop, value)
    if label is not None:
        return label
    if prop.get("format") == "date" and isinstance(value, str):
        return _date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def labelled_answers(schema: dict[str, Any], data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) per answer, in the form's order; answers the form does not know
    (an older version of the form) come last under their own key."""
    properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
    rows = [
        (str(prop.get("title") or name), _value(prop, data[name]))
        for name, prop in properties.items()
        if name in data
    ]
    return rows + [
        (name, _value({}, value)) for name, value in data.items() if name not in properties
    ]
