# SPDX-License-Identifier: EUPL-1.2
"""Request forms described as JSON Schema: checking a schema, describing its fields for
rendering, reading submitted values and validating them with plain-Dutch messages."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError, ValidationError

SUPPORTED_TYPES = {"string", "integer", "number", "boolean", "array", "object"}
#: Widgets a property may ask for with `x-widget`; without it the type decides.
WIDGETS = {"textarea", "radio", "select", "checkboxes", "yesno", "file", "address"}
#: What the platform already knows about a resident, for `x-prefill`.
PREFILL = {"name": "naam", "email": "e-mailadres", "phone": "telefoonnummer"}
YES = {"on", "true", "1", "ja"}
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
    show_if: tuple[str, Any] | None = None  # (field name, value) that shows this field
    show_if_label: str = ""
    prefill: str = ""

    @property
    def postcode_key(self) -> str:
        return f"{self.name}-postcode"

    @property
    def house_number_key(self) -> str:
        return f"{self.name}-huisnummer"

    @property
    def autocomplete(self) -> str:
        return {"name": "name", "email": "email", "phone": "tel"}.get(self.prefill, "")

    @property
    def condition_text(self) -> str:
        """The condition in words, for the resident without JavaScript."""
        if self.show_if is None:
            return ""
        value = self.show_if[1]
        shown = {True: "ja", False: "nee"}.get(value, value) if isinstance(value, bool) else value
        return f"Alleen invullen als u bij ‘{self.show_if_label}’ ‘{shown}’ hebt gekozen."


def schema_problems(schema: dict[str, Any]) -> list[str]:
    """Why a form schema cannot be used, in plain Dutch (empty when it can)."""
    if not schema:
        return []
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(part) for part in exc.path) or "het begin"
        return [f"Het formulier is geen geldig JSON Schema (fout bij ‘{where}’)."]
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
    return problems + unanswerable(schema)


def unanswerable(schema: dict[str, Any]) -> list[str]:
    """Why a resident could not fill in or finish this form, in plain Dutch."""
    properties, problems = schema.get("properties", {}), []
    required = set(schema.get("required", []))
    for name, prop in properties.items():
        label = prop.get("title") or name
        condition = prop.get("x-showIf")
        if condition is not None:
            other = condition.get("field") if isinstance(condition, dict) else None
            if other == name:
                problems.append(f"Veld ‘{label}’ wordt getoond op grond van zijn eigen antwoord.")
            elif other not in properties:
                problems.append(f"Veld ‘{label}’ hangt af van een veld dat niet bestaat.")
            elif name in required:
                problems.append(
                    f"Veld ‘{label}’ is altijd verplicht, maar wordt soms verborgen: "
                    "maak het alleen verplicht als het getoond wordt."
                )
        if prop.get("x-widget") in {"radio", "select"} and not prop.get("enum"):
            problems.append(f"Keuzeveld ‘{label}’ heeft geen keuzes.")
        if prop.get("x-widget") == "checkboxes" and not prop.get("items", {}).get("enum"):
            problems.append(f"Keuzeveld ‘{label}’ heeft geen keuzes.")
        problems += _bound_problems(label, prop)
    return problems


def _bound_problems(label: str, prop: dict[str, Any]) -> list[str]:
    problems = []
    for low, high, what in (("minimum", "maximum", "waarde"), ("minLength", "maxLength", "lengte")):
        lowest, highest = prop.get(low), prop.get(high)
        numbers = isinstance(lowest, int | float) and isinstance(highest, int | float)
        if numbers and lowest > highest:  # type: ignore[operator]
            problems.append(
                f"Veld ‘{label}’: de kleinste {what} ({lowest}) is groter dan "
                f"de grootste ({highest})."
            )
    days = prop.get("x-maxDaysAgo")
    if days is not None and (not isinstance(days, int) or days < 0):
        problems.append(f"Veld ‘{label}’: het aantal dagen terug moet 0 of meer zijn.")
    return problems


def fields(schema: dict[str, Any]) -> list[Field]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", [])) | set(conditionally_required(schema))
    result = []
    for name, prop in properties.items():
        condition = _condition(prop)
        result.append(
            Field(
                name=name,
                label=prop.get("title", name),
                help=prop.get("description", ""),
                type=prop.get("type", "string"),
                required=name in required,
                widget=_widget(prop),
                choices=("ja", "nee")
                if prop.get("x-widget") == "yesno"
                else tuple(prop.get("enum", prop.get("items", {}).get("enum", ()))),
                max_length=prop.get("maxLength"),
                show_if=condition,
                show_if_label=properties.get(condition[0], {}).get("title", "")
                if condition
                else "",
                prefill=prop.get("x-prefill", ""),
            )
        )
    return result


def _condition(prop: dict[str, Any]) -> tuple[str, Any] | None:
    condition = prop.get("x-showIf")
    if isinstance(condition, dict) and "field" in condition:
        return str(condition["field"]), condition.get("equals", True)
    return None


def conditionally_required(schema: dict[str, Any]) -> list[str]:
    """Fields required only when shown: the `then.required` of the form's if/then rules."""
    return [
        name
        for rule in schema.get("allOf", [])
        for name in rule.get("then", {}).get("required", [])
    ]


def form_values(schema: dict[str, Any], raw: Any) -> dict[str, Any]:
    """What the resident filled in, to show the form again: lists for multiple choices,
    `ja`/`nee` for yes/no, the parts of an address under their own names."""
    values: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        if prop.get("type") == "array":
            values[name] = raw.getlist(name) if hasattr(raw, "getlist") else raw.get(name, [])
        elif prop.get("type") == "object":
            for part in prop.get("properties", {}):
                values[f"{name}-{part}"] = raw.get(f"{name}-{part}", "")
        else:
            values[name] = raw.get(name)
    return values


def prefill(schema: dict[str, Any], known: dict[str, str]) -> dict[str, str]:
    """Start values for the fields the platform can fill in (`x-prefill`), so nothing is
    asked twice."""
    return {
        name: known[prop["x-prefill"]]
        for name, prop in schema.get("properties", {}).items()
        if prop.get("x-prefill") in known and known[prop["x-prefill"]]
    }


def _widget(prop: dict[str, Any]) -> str:
    if prop.get("x-widget") in WIDGETS:
        return str(prop["x-widget"])
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
        if kind == "boolean" and prop.get("x-widget") == "yesno":
            if raw.get(name) in {"ja", "nee"}:
                data[name] = raw.get(name) == "ja"
            continue
        if kind == "boolean":
            data[name] = raw.get(name) in YES | {True}
            continue
        if kind == "array":
            chosen = raw.getlist(name) if hasattr(raw, "getlist") else raw.get(name) or []
            if chosen:
                data[name] = [str(item) for item in chosen]
            continue
        if kind == "object":
            parts = {
                part: str(raw.get(f"{name}-{part}", "")).strip()
                for part in prop.get("properties", {})
            }
            if any(parts.values()):
                data[name] = {part: value for part, value in parts.items() if value}
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
    return without_hidden(schema, data)


def without_hidden(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """Leave out the answers to fields that the other answers hide: they were not asked."""
    properties = schema.get("properties", {})

    def shown(name: str, seen: frozenset[str] = frozenset()) -> bool:
        condition = _condition(properties.get(name, {}))
        if condition is None:
            return True
        other, value = condition
        if other in seen or other == name:
            return False
        return data.get(other) == value and shown(other, seen | {name})

    return {name: value for name, value in data.items() if shown(name)}


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
    for field_name, message in _extra_problems(schema, data):
        problems.setdefault(field_name, []).append(message)
    return problems


def _extra_problems(schema: dict[str, Any], data: dict[str, Any]) -> list[tuple[str, str]]:
    """What JSON Schema cannot say: dates relative to today and the IBAN check digits."""
    today, found = dt.date.today(), []
    for name, prop in schema.get("properties", {}).items():
        value = data.get(name)
        if not isinstance(value, str):
            continue
        if prop.get("format") == "date":
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue
            if prop.get("x-notInPast") and day < today:
                found.append((name, "Kies vandaag of een dag in de toekomst."))
            days = prop.get("x-maxDaysAgo")
            if isinstance(days, int) and day < today - dt.timedelta(days=days):
                found.append((name, f"Kies een dag die niet meer dan {days} dagen geleden is."))
        well_formed = not prop.get("pattern") or re.search(prop["pattern"], value)
        if prop.get("x-kind") == "iban" and well_formed and not iban_ok(value):
            found.append((name, "Dit IBAN klopt niet. Controleer de letters en cijfers."))
    return found


def iban_ok(value: str) -> bool:
    """The ISO 13616 check (mod 97) of an IBAN, spaces allowed."""
    iban = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", iban):
        return False
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _fields_of(error: ValidationError, data: dict[str, Any]) -> list[str]:
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in data]
        if error.path:  # a part of an address
            return [str(error.path[0])]
        return missing
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
