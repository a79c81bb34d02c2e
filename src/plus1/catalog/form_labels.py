# SPDX-License-Identifier: EUPL-1.2
"""Form answers as people read them: the form's own labels (the JSON Schema `title`) and
values in Dutch (Ja/Nee, 29 december 2026, a choice by its label, 12,50)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plus1.catalog import form_files
from plus1.catalog.forms_schema import in_language, properties_in_order
from plus1.common.nl_dates import nl_date


def labelled_answers(schema: dict[str, Any], data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) in the form's order; answers the form no longer asks for come last,
    under their own name, so nothing the resident sent is hidden."""
    properties: dict[str, Any] = schema.get("properties", {}) if schema else {}
    rows = [
        (in_language(prop, "title") or name, answer_text(prop, data[name]))
        for name, prop in properties_in_order(schema)
        if name in data
    ]
    return rows + [
        (name.replace("_", " ").capitalize(), answer_text({}, value))
        for name, value in data.items()
        if name not in properties
    ]


def answer_text(prop: dict[str, Any], value: Any) -> str:
    if isinstance(value, bool):
        return _("Ja") if value else _("Nee")
    if value is None or value == "":
        return "—"
    if form_files.is_file(prop):
        return form_files.file_name(value) or "—"
    labels = choice_labels(prop)
    if str(value) in labels:
        return labels[str(value)]
    if prop.get("format") == "date" and isinstance(value, str):
        return nl_date(value) or value
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, list):
        return ", ".join(answer_text(prop.get("items", {}), item) for item in value)
    return str(value)


def choice_labels(prop: dict[str, Any]) -> dict[str, str]:
    """The label of each stored value of a choice: `oneOf` titles (`x-title-en` on an English
    page) or `x-enumLabels` (`x-enumLabels-en` on an English page, per value; a value
    without an English label keeps its Dutch one)."""
    labels = {
        str(option["const"]): in_language(option, "title") or str(option["const"])
        for option in prop.get("oneOf", [])
        if isinstance(option, dict) and "const" in option
    }
    keys = ["x-enumLabels", "x-enumLabels-en"] if get_language() == "en" else ["x-enumLabels"]
    for key in keys:
        extra = prop.get(key, {})
        if isinstance(extra, dict):
            labels.update({str(value): str(label) for value, label in extra.items() if label})
    return labels
