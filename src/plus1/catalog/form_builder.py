# SPDX-License-Identifier: EUPL-1.2
"""The form builder's vocabulary: a request form as a list of fields (FieldSpec) that
translates to and from the JSON Schema the platform stores (plus1.catalog.forms_schema), so
exports, imports and validation stay one thing. Pure functions; the write is
catalog.case_type_services.case_type_form_set."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.text import slugify

from plus1.catalog.forms_schema import properties_in_order, relative_day, with_current_date_rules

#: Field kinds, in the order the builder offers them, with their Dutch names.
KINDS = {
    "text": "Tekst (één regel)",
    "textarea": "Lange tekst",
    "number": "Getal",
    "date": "Datum",
    "yesno": "Ja of nee",
    "radio": "Keuze uit een paar (rondjes)",
    "select": "Keuze uit een lijst",
    "checkboxes": "Meerdere keuzes (vinkjes)",
    "postcode": "Postcode",
    "email": "E-mailadres",
    "phone": "Telefoonnummer",
    "iban": "IBAN (bankrekening)",
    "address": "Adres (postcode en huisnummer)",
    "file": "Bestand (upload)",
}
CHOICE_KINDS = {"radio", "select", "checkboxes"}
POSTCODE = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"
HOUSE_NUMBER = r"^[1-9][0-9]{0,4} ?[A-Za-z0-9-]{0,6}$"
PATTERNS = {
    "postcode": (POSTCODE, "Vul een postcode in zoals 1234 AB."),
    "phone": (r"^\+?[0-9 ()-]{10,17}$", "Vul een telefoonnummer in zoals 020 123 4567."),
    "iban": (
        r"^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{10,34}$",
        "Vul een IBAN in zoals NL91 ABNA 0417 1643 00.",
    ),
}
#: Keys the builder writes itself; any other key of a property is kept as it was.
OWN_KEYS = {
    "type",
    "title",
    "description",
    "format",
    "enum",
    "items",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "properties",
    "required",
    "x-kind",
    "x-widget",
    "x-showIf",
    "x-prefill",
    "x-fileKinds",
    "x-maxMegabytes",
}
RULE_MARK = "x-rule"


def _own_keys(kind: str, prop: dict[str, Any]) -> set[str]:
    """The keys the builder writes for a kind; a hand-written pattern of a text is kept, and
    so is an earliest day the builder cannot say in words (one in the future)."""
    if kind in PATTERNS or kind == "address":
        return OWN_KEYS | {"pattern", "x-patternMessage"}
    if kind == "date" and _earliest_in_words(prop) != (False, None):
        return OWN_KEYS | {"x-earliest"}
    return OWN_KEYS


def _earliest_in_words(prop: dict[str, Any]) -> tuple[bool, int | None]:
    """x-earliest as the builder's words: (not in the past, at most n days ago)."""
    rule = prop.get("x-earliest")
    today = dt.date.today()
    day = relative_day(str(rule), today) if rule is not None else None
    if day is None or day > today:
        return False, None
    if day == today:
        return True, None
    return False, (today - day).days


@dataclass(frozen=True)
class FieldSpec:
    """One field as the functional administrator describes it."""

    name: str
    kind: str
    label: str
    help: str = ""
    required: bool = False
    minimum: float | None = None  # value for numbers, length for text
    maximum: float | None = None
    not_in_past: bool = False
    max_days_ago: int | None = None
    options: tuple[str, ...] = ()
    show_if_field: str = ""
    show_if_value: Any = True
    prefill: str = ""
    file_kinds: tuple[str, ...] = ()  # a file field: form_files.FILE_KINDS; none means all
    max_megabytes: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def to_property(spec: FieldSpec) -> dict[str, Any]:
    """The JSON Schema property of one field."""
    prop: dict[str, Any] = {"title": spec.label, "x-kind": spec.kind, **_typed(spec)}
    if spec.help:
        prop["description"] = spec.help
    low, high = _bound_names(spec.kind)
    if low and spec.minimum is not None:
        prop[low] = _number(spec.minimum)
    if high and spec.maximum is not None:
        prop[high] = _number(spec.maximum)
    if spec.kind == "date" and spec.not_in_past:
        prop["x-earliest"] = "P0D"  # the one date-rule mechanism (forms_schema.DATE_RULES)
    elif spec.kind == "date" and spec.max_days_ago is not None:
        prop["x-earliest"] = f"-P{spec.max_days_ago}D"
    if spec.kind == "file" and spec.file_kinds:
        prop["x-fileKinds"] = list(spec.file_kinds)
    if spec.kind == "file" and spec.max_megabytes:
        prop["x-maxMegabytes"] = spec.max_megabytes
    if spec.show_if_field:
        prop["x-showIf"] = {"field": spec.show_if_field, "equals": spec.show_if_value}
    if spec.prefill:
        prop["x-prefill"] = spec.prefill
    return {**spec.extra, **prop}


def _typed(spec: FieldSpec) -> dict[str, Any]:
    kind = spec.kind
    if kind in PATTERNS:
        pattern, message = PATTERNS[kind]
        return {"type": "string", "pattern": pattern, "x-patternMessage": message}
    if kind == "address":
        return {
            "type": "object",
            "x-widget": "address",
            "properties": {
                "postcode": {"type": "string", "title": "Postcode", "pattern": POSTCODE},
                "huisnummer": {"type": "string", "title": "Huisnummer", "pattern": HOUSE_NUMBER},
            },
            "required": ["postcode", "huisnummer"],
            "x-patternMessage": "Vul een postcode in zoals 1234 AB en een huisnummer zoals 12 of 12a.",
        }
    simple: dict[str, dict[str, Any]] = {
        "text": {"type": "string"},
        "textarea": {"type": "string", "x-widget": "textarea"},
        "number": {"type": "number"},
        "date": {"type": "string", "format": "date"},
        "yesno": {"type": "boolean", "x-widget": "yesno"},
        "radio": {"type": "string", "enum": list(spec.options), "x-widget": "radio"},
        "select": {"type": "string", "enum": list(spec.options), "x-widget": "select"},
        "checkboxes": {
            "type": "array",
            "items": {"type": "string", "enum": list(spec.options)},
            "x-widget": "checkboxes",
        },
        "email": {"type": "string", "format": "email"},
        "file": {"type": "string", "x-widget": "file"},
    }
    return simple.get(kind, {"type": "string"})


def _bound_names(kind: str) -> tuple[str, str]:
    if kind == "number":
        return "minimum", "maximum"
    if kind in {"text", "textarea"}:
        return "minLength", "maxLength"
    return "", ""


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def kind_of(prop: dict[str, Any]) -> str:
    """The builder's kind of a property, also for schemas written by hand."""
    if prop.get("x-kind") in KINDS:
        return str(prop["x-kind"])
    widget, kind = prop.get("x-widget"), prop.get("type")
    if widget in KINDS:
        return str(widget)
    if "enum" in prop:
        return "select"
    if kind == "boolean":
        return "yesno"
    if kind in {"integer", "number"}:
        return "number"
    return {"email": "email", "date": "date"}.get(prop.get("format", ""), "text")


def specs(schema: dict[str, Any]) -> list[FieldSpec]:
    """The form's fields, in order, as the builder shows them (former date keys read as
    the current ones)."""
    schema = with_current_date_rules(schema)
    required = set(schema.get("required", []))
    conditional = {
        name
        for rule in schema.get("allOf", [])
        if rule.get(RULE_MARK) == "showIf"
        for name in rule.get("then", {}).get("required", [])
    }
    result = []
    for name, prop in properties_in_order(schema):
        kind = kind_of(prop)
        low, high = _bound_names(kind)
        condition = prop.get("x-showIf") or {}
        options = prop.get("enum") or prop.get("items", {}).get("enum") or ()
        result.append(
            FieldSpec(
                name=name,
                kind=kind,
                label=prop.get("title", name),
                help=prop.get("description", ""),
                required=name in required or name in conditional,
                minimum=prop.get(low) if low else None,
                maximum=prop.get(high) if high else None,
                not_in_past=_earliest_in_words(prop)[0],
                max_days_ago=_earliest_in_words(prop)[1],
                options=tuple(str(option) for option in options),
                show_if_field=condition.get("field", ""),
                show_if_value=condition.get("equals", True),
                prefill=prop.get("x-prefill", ""),
                file_kinds=tuple(prop.get("x-fileKinds") or ()),
                max_megabytes=prop.get("x-maxMegabytes"),
                extra={
                    key: value for key, value in prop.items() if key not in _own_keys(kind, prop)
                },
            )
        )
    return result


def to_schema(fields: list[FieldSpec], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON Schema of these fields. A field that is required and shown on a condition is
    required only when shown (an if/then rule), so the form can always be finished."""
    base = base or {}
    rules = [
        {
            RULE_MARK: "showIf",
            "if": {
                "properties": {spec.show_if_field: {"const": spec.show_if_value}},
                "required": [spec.show_if_field],
            },
            "then": {"required": [spec.name]},
        }
        for spec in fields
        if spec.required and spec.show_if_field
    ]
    kept_rules = [rule for rule in base.get("allOf", []) if rule.get(RULE_MARK) != "showIf"]
    schema = {
        **{key: value for key, value in base.items() if key not in {"required", "allOf"}},
        "type": "object",
        "properties": {spec.name: to_property(spec) for spec in fields},
    }
    required = [spec.name for spec in fields if spec.required and not spec.show_if_field]
    if required:
        schema["required"] = required
    if rules or kept_rules:
        schema["allOf"] = kept_rules + rules
    return schema


def new_name(label: str, taken: set[str]) -> str:
    """A stable key for a new field, from its label: `datum_evenement`, `datum_evenement_2`."""
    stem = slugify(label).replace("-", "_")[:40] or "veld"
    name, number = stem, 2
    while name in taken:
        name, number = f"{stem}_{number}", number + 1
    return name


def with_field(schema: dict[str, Any], spec: FieldSpec) -> dict[str, Any]:
    """Add a field at the end, or replace the field with the same name in its place."""
    fields = specs(schema)
    names = [item.name for item in fields]
    if spec.name in names:
        old = fields[names.index(spec.name)]
        fields[names.index(spec.name)] = replace(spec, extra=old.extra)
    else:
        fields.append(spec)
    return to_schema(fields, schema)


def without_field(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return to_schema([spec for spec in specs(schema) if spec.name != name], schema)


def moved(schema: dict[str, Any], name: str, step: int) -> dict[str, Any]:
    """Move a field one place up (step -1) or down (step 1)."""
    fields = specs(schema)
    names = [spec.name for spec in fields]
    if name not in names:
        return schema
    index = names.index(name)
    other = index + step
    if 0 <= other < len(fields):
        fields[index], fields[other] = fields[other], fields[index]
    return to_schema(fields, schema)
