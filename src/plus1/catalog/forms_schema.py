# SPDX-License-Identifier: EUPL-1.2
"""Request forms described as JSON Schema: checking a schema, describing its fields for
rendering, reading submitted values and validating them with plain-Dutch messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError, ValidationError

SUPPORTED_TYPES = {"string", "integer", "number", "boolean"}
DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    help: str
    type: str
    required: bool
    widget: str  # text, textarea, email, date, number, checkbox, select
    choices: tuple[str, ...] = ()
    max_length: int | None = None


def schema_problems(schema: dict[str, Any]) -> list[str]:
    """Why a form schema cannot be used, in plain Dutch (empty when it can)."""
    if not schema:
        return []
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        return [f"Geen geldig JSON Schema: {exc.message}"]
    if schema.get("type") != "object" or not isinstance(schema.get("properties"), dict):
        return ["Het formulier moet een object met ‘properties’ zijn."]
    problems = []
    for name, prop in schema["properties"].items():
        if prop.get("type") not in SUPPORTED_TYPES:
            problems.append(f"Veld ‘{name}’: type moet een van {sorted(SUPPORTED_TYPES)} zijn.")
        if not prop.get("title"):
            problems.append(f"Veld ‘{name}’ heeft geen label (title).")
    for name in schema.get("required", []):
        if name not in schema["properties"]:
            problems.append(f"Verplicht veld ‘{name}’ bestaat niet.")
    return problems


def fields(schema: dict[str, Any]) -> list[Field]:
    required = set(schema.get("required", []))
    result = []
    for name, prop in schema.get("properties", {}).items():
        result.append(
            Field(
                name=name,
                label=prop.get("title", name),
                help=prop.get("description", ""),
                type=prop.get("type", "string"),
                required=name in required,
                widget=_widget(prop),
                choices=tuple(prop.get("enum", ())),
                max_length=prop.get("maxLength"),
            )
        )
    return result


def _widget(prop: dict[str, Any]) -> str:
    if "enum" in prop:
        return "select"
    if prop.get("type") == "boolean":
        return "checkbox"
    if prop.get("type") in {"integer", "number"}:
        return "number"
    if prop.get("x-widget") == "textarea":
        return "textarea"
    return {"email": "email", "date": "date"}.get(prop.get("format", ""), "text")


def read_submission(schema: dict[str, Any], raw: Any) -> dict[str, Any]:
    """Turn submitted form values (strings) into typed data; empty values are left out."""
    data: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("type")
        if kind == "boolean":
            data[name] = raw.get(name) in {"on", "true", "1", True}
            continue
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        value = value.strip() if isinstance(value, str) else value
        if kind in {"integer", "number"} and isinstance(value, str):
            value = _number(value, kind)
        elif prop.get("format") == "date" and isinstance(value, str):
            value = _iso_date(value)
        data[name] = value
    return data


def _iso_date(value: str) -> str:
    """Accept the Dutch way of writing a date (31-12-2026) next to the ISO form."""
    match = DUTCH_DATE.fullmatch(value)
    if not match:
        return value
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _number(value: str, kind: str) -> Any:
    try:
        return int(value) if kind == "integer" else float(value.replace(",", "."))
    except ValueError:
        return value  # the validator reports it in words


def labelled(schema: dict[str, Any], data: dict[str, Any]) -> list[tuple[str, Any]]:
    """Submitted data with the form's own labels, in the form's order, for people to read."""
    properties = schema.get("properties", {})
    rows = [
        (prop.get("title", name), data[name]) for name, prop in properties.items() if name in data
    ]
    return rows + [(name, value) for name, value in data.items() if name not in properties]


def validate(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, list[str]]:
    """Every problem at once, per field, in plain Dutch. Empty when valid."""
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    problems: dict[str, list[str]] = {}
    for error in validator.iter_errors(data):
        for field_name in _fields_of(error, data):
            message = _message(error, schema.get("properties", {}).get(field_name, {}))
            problems.setdefault(field_name, [])
            if message not in problems[field_name]:
                problems[field_name].append(message)
    return problems


def _fields_of(error: ValidationError, data: dict[str, Any]) -> list[str]:
    if error.validator == "required":
        return [name for name in error.validator_value if name not in data]
    if error.path:
        return [str(error.path[0])]
    return ["__all__"]


def _message(error: ValidationError, prop: dict[str, Any]) -> str:
    kind, value = error.validator, error.validator_value
    if kind == "required":
        return "Dit veld is verplicht."
    if kind == "type":
        return {
            "integer": "Vul een heel getal in.",
            "number": "Vul een getal in.",
        }.get(str(value), "Deze waarde is niet geldig.")
    if kind == "minLength":
        return f"Gebruik minstens {value} tekens."
    if kind == "maxLength":
        return f"Gebruik hoogstens {value} tekens."
    if kind == "minimum":
        return f"Vul {value} of meer in."
    if kind == "maximum":
        return f"Vul {value} of minder in."
    if kind == "enum":
        return "Kies een van de mogelijkheden."
    if kind == "format":
        return {
            "email": "Vul een e-mailadres in zoals naam@voorbeeld.nl.",
            "date": "Vul een datum in zoals 31-12-2026.",
        }.get(str(value), "Deze waarde heeft niet de goede vorm.")
    if kind == "pattern":
        return str(prop.get("x-patternMessage", "Deze waarde heeft niet de goede vorm."))
    return "Deze waarde is niet geldig."
