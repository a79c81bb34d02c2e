# SPDX-License-Identifier: EUPL-1.2
"""Request forms described as JSON Schema: checking a schema, describing its fields for
rendering, reading submitted values and validating them with plain-Dutch messages."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError, ValidationError

from plus1.catalog import form_files

SUPPORTED_TYPES = {"string", "integer", "number", "boolean", "array", "object"}
#: Widgets a property may ask for with `x-widget`; without it the type decides.
WIDGETS = {"textarea", "radio", "select", "checkboxes", "yesno", "file", "address"}
#: What the platform already knows about a resident, for `x-prefill`.
PREFILL = {
    "name": "naam",
    "email": "e-mailadres",
    "phone": "telefoonnummer",
    "address": "adres (postcode en huisnummer)",
}
YES = {"on", "true", "1", "ja"}
# Date rules relative to the day of sending: ISO 8601 durations, "-" for the past
# ("x-earliest": "-P5D", "x-latest": "P4W" = from 5 days ago up to 4 weeks ahead).
DATE_RULES = ("x-earliest", "x-latest")
# The form builder's former keys for the same rules, read as x-earliest (exports, imports):
# x-notInPast: true is "P0D", x-maxDaysAgo: n is "-PnD".
LEGACY_DATE_RULES = ("x-notInPast", "x-maxDaysAgo")
RELATIVE_DAYS = re.compile(r"(-)?P(?:(\d+)W)?(?:(\d+)D)?")
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
    # (stored value, label in the page's language) of each choice; the value when unlabelled
    options: tuple[tuple[str, str], ...] = ()
    max_length: int | None = None
    earliest: dt.date | None = None  # date rules, for the min/max of a date field
    latest: dt.date | None = None
    show_if: tuple[str, Any] | None = None  # (field name, value) that shows this field
    show_if_label: str = ""
    prefill: str = ""
    accept: str = ""  # a file field: the extensions it takes, for the browser's file chooser
    file_rule: str = ""  # a file field: kinds and size in words

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


@dataclass(frozen=True)
class Page:
    title: str
    fields: tuple[str, ...]


def pages(schema: dict[str, Any]) -> list[Page]:
    """The pages of a form: `x-pages` ([{title, fields}]) or one page with every field."""
    declared = schema.get("x-pages") or []
    if not declared:
        return [
            Page(title=_("Uw gegevens"), fields=tuple(n for n, _p in properties_in_order(schema)))
        ]
    return [
        Page(title=in_language(page, "title"), fields=tuple(page["fields"])) for page in declared
    ]


def _page_problems(schema: dict[str, Any]) -> list[str]:
    declared = schema.get("x-pages")
    if not declared:
        return []
    if not isinstance(declared, list) or not all(
        isinstance(page, dict) and page.get("title") and isinstance(page.get("fields"), list)
        for page in declared
    ):
        return ["‘x-pages’ moet een lijst van pagina’s met ‘title’ en ‘fields’ zijn."]
    placed = [name for page in declared for name in page["fields"]]
    properties = schema["properties"]
    problems = [
        f"Pagina’s noemen onbekend veld ‘{name}’." for name in placed if name not in properties
    ]
    problems += [
        f"Veld ‘{name}’ staat op geen pagina." for name in properties if name not in placed
    ]
    problems += [
        f"Veld ‘{name}’ staat op meer dan één pagina."
        for name in sorted(set(placed))
        if placed.count(name) > 1
    ]
    return problems


def properties_in_order(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The fields in the form's order. PostgreSQL's jsonb keeps no key order, so the order is
    also written down as `x-order` (with_field_order); fields it does not name come last."""
    properties: dict[str, Any] = schema.get("properties", {}) if schema else {}
    named = [name for name in schema.get("x-order", []) if name in properties] if schema else []
    rest = [name for name in properties if name not in named]
    return [(name, properties[name]) for name in named + rest]


def with_field_order(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with `x-order` naming its fields in the order they were written."""
    if not schema or not isinstance(schema.get("properties"), dict):
        return schema
    return {**schema, "x-order": list(schema["properties"])}


def schema_problems(schema: dict[str, Any]) -> list[str]:
    """Why a form schema cannot be used, in plain Dutch (empty when it can)."""
    if not schema:
        return []
    schema = with_current_date_rules(schema)
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
        if form_files.is_file(prop):
            problems += form_files.file_problems(prop.get("title") or name, prop)
        for rule in DATE_RULES:
            if rule in prop and relative_day(str(prop[rule]), dt.date.today()) is None:
                problems.append(f"Veld ‘{name}’: {rule} moet een termijn zijn zoals P4W of -P5D.")
    for name in schema.get("required", []):
        if name not in schema["properties"]:
            problems.append(f"Verplicht veld ‘{name}’ bestaat niet.")
    return problems + unanswerable(schema) + _page_problems(schema)


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
    return problems


def fields(schema: dict[str, Any], today: dt.date | None = None) -> list[Field]:
    from plus1.catalog.form_labels import choice_labels

    properties = schema.get("properties", {})
    required = set(schema.get("required", [])) | set(conditionally_required(schema))
    result = []
    for name, prop in properties_in_order(schema):
        condition = _condition(prop)
        earliest, latest = date_bounds(prop, today or dt.date.today())
        choices = (
            ("ja", "nee")
            if prop.get("x-widget") == "yesno"
            else tuple(prop.get("enum", prop.get("items", {}).get("enum", ())))
        )
        labels = choice_labels(prop if "enum" in prop else prop.get("items", {}))
        result.append(
            Field(
                name=name,
                label=in_language(prop, "title") or name,
                help=in_language(prop, "description"),
                type=prop.get("type", "string"),
                required=name in required,
                widget=_widget(prop),
                choices=choices,
                options=tuple((choice, labels.get(str(choice), str(choice))) for choice in choices),
                max_length=prop.get("maxLength"),
                show_if=condition,
                show_if_label=properties.get(condition[0], {}).get("title", "")
                if condition
                else "",
                prefill=prop.get("x-prefill", ""),
                earliest=earliest,
                latest=latest,
                **_file_rules(prop),
            )
        )
    return result


def _file_rules(prop: dict[str, Any]) -> dict[str, str]:
    if not form_files.is_file(prop):
        return {}
    limit = int(settings.UPLOAD_MAX_BYTES)
    return {
        "accept": ",".join(form_files.extensions_of(prop)),
        "file_rule": form_files.rule_in_words(prop, limit),
    }


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
    asked twice. An address field takes the postcode and house number the platform knows."""
    values = {}
    for name, prop in schema.get("properties", {}).items():
        source = prop.get("x-prefill")
        if source == "address":
            for part, key in (("postcode", "postcode"), ("huisnummer", "house_number")):
                if known.get(key):
                    values[f"{name}-{part}"] = known[key]
        elif source and known.get(source):
            values[name] = known[source]
    return values


def in_language(prop: dict[str, Any], key: str) -> str:
    """A text of the schema in the page's language: on an English page `x-title-en`,
    `x-description-en`, `x-patternMessage-en`, `x-dateMessage-en` when the functional
    administrator wrote them, else the Dutch `title`, `description`, ..."""
    english_key = f"{key}-en" if key.startswith("x-") else f"x-{key}-en"
    if get_language() == "en" and prop.get(english_key):
        return str(prop[english_key])
    return str(prop.get(key, ""))


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
        if form_files.is_file(prop):
            continue  # an upload, never a typed value (portal.request_files)
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
    from plus1.catalog.form_labels import choice_labels

    properties = schema.get("properties", {})
    rows = [
        (
            prop.get("title", name),
            data[name]
            if isinstance(data[name], bool)
            else choice_labels(prop).get(str(data[name]), data[name]),
        )
        for name, prop in properties.items()
        if name in data
    ]
    return rows + [(name, value) for name, value in data.items() if name not in properties]


def relative_day(rule: str, today: dt.date) -> dt.date | None:
    """The day a date rule (P4W, -P5D, P0D) points at, counted from today; None if invalid."""
    match = RELATIVE_DAYS.fullmatch(rule.strip())
    if not match or not (match.group(2) or match.group(3)):
        return None
    days = int(match.group(2) or 0) * 7 + int(match.group(3) or 0)
    return today - dt.timedelta(days=days) if match.group(1) else today + dt.timedelta(days=days)


def with_current_date_rules(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with the builder's former date keys written as x-earliest: of two rules
    for the earliest day the later one holds. Unknown values stay a rule that
    schema_problems refuses, so nothing is dropped silently."""
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(properties, dict):
        return schema
    return {
        **schema,
        "properties": {name: _current_date_rule(prop) for name, prop in properties.items()},
    }


def _current_date_rule(prop: Any) -> Any:
    if not isinstance(prop, dict) or not any(key in prop for key in LEGACY_DATE_RULES):
        return prop
    rules = [str(prop["x-earliest"])] if "x-earliest" in prop else []
    if prop.get("x-notInPast"):
        rules.append("P0D")
    if prop.get("x-maxDaysAgo") is not None:
        rules.append(f"-P{prop['x-maxDaysAgo']}D")
    kept = {key: value for key, value in prop.items() if key not in LEGACY_DATE_RULES}
    if not rules:
        return kept
    today = dt.date.today()
    days = [relative_day(rule, today) for rule in rules]
    if None in days:  # keep the invalid one, so it is named
        return {**kept, "x-earliest": rules[days.index(None)]}
    return {**kept, "x-earliest": rules[days.index(max(d for d in days if d))]}


def date_bounds(prop: dict[str, Any], today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    earliest, latest = (
        relative_day(str(prop[rule]), today) if rule in prop else None for rule in DATE_RULES
    )
    return earliest, latest


def validate(
    schema: dict[str, Any], data: dict[str, Any], today: dt.date | None = None
) -> dict[str, list[str]]:
    """Every problem at once, per field, in plain Dutch. Empty when valid."""
    problems: dict[str, list[str]] = {}
    for field_name, _kind, message in _found(schema, data, today):
        problems.setdefault(field_name, [])
        if message not in problems[field_name]:
            problems[field_name].append(message)
    return problems


def problem_kinds(
    schema: dict[str, Any], data: dict[str, Any], today: dt.date | None = None
) -> dict[str, list[str]]:
    """The same problems as `validate`, as kinds per field (`required`, `format`, `iban`,
    `dateRange`, …): what the form counters count, never the value."""
    kinds: dict[str, list[str]] = {}
    for field_name, kind, _message in _found(schema, data, today):
        kinds.setdefault(field_name, [])
        if kind not in kinds[field_name]:
            kinds[field_name].append(kind)
    return kinds


def _found(
    schema: dict[str, Any], data: dict[str, Any], today: dt.date | None
) -> list[tuple[str, str, str]]:
    """(field, kind, message) for every problem."""
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    found = [
        (field_name, str(error.validator), _message(error, _property(schema, field_name)))
        for error in validator.iter_errors(data)
        for field_name in _fields_of(error, data)
    ]
    found += _extra_problems(schema, data)
    seen = {field_name for field_name, _kind, _message in found}
    found += [
        (field_name, "dateRange", message)
        for field_name, message in _date_rule_problems(schema, data, today or dt.date.today())
        if field_name not in seen
    ]
    return found


def _property(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return schema.get("properties", {}).get(name, {})


def _extra_problems(schema: dict[str, Any], data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """What JSON Schema cannot say: the IBAN check digits (dates: _date_rule_problems)."""
    found = []
    for name, prop in schema.get("properties", {}).items():
        value = data.get(name)
        if not isinstance(value, str):
            continue
        well_formed = not prop.get("pattern") or re.search(prop["pattern"], value)
        if prop.get("x-kind") == "iban" and well_formed and not iban_ok(value):
            found.append((name, "iban", "Dit IBAN klopt niet. Controleer de letters en cijfers."))
    return found


def iban_ok(value: str) -> bool:
    """The ISO 13616 check (mod 97) of an IBAN, spaces allowed."""
    iban = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", iban):
        return False
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _date_rule_problems(
    schema: dict[str, Any], data: dict[str, Any], today: dt.date
) -> list[tuple[str, str]]:
    from plus1.common.nl_dates import nl_date

    found = []
    for name, prop in schema.get("properties", {}).items():
        if prop.get("format") != "date" or not isinstance(data.get(name), str):
            continue
        try:
            day = dt.date.fromisoformat(data[name])
        except ValueError:
            continue  # the format check reports it
        earliest, latest = date_bounds(prop, today)
        if (earliest and day < earliest) or (latest and day > latest):
            if earliest and latest:
                text = _("Kies een datum van %(earliest)s tot en met %(latest)s.") % {
                    "earliest": nl_date(earliest),
                    "latest": nl_date(latest),
                }
            elif earliest:
                text = _("Kies %(day)s of een latere datum.") % {"day": nl_date(earliest)}
            else:
                text = _("Kies %(day)s of een eerdere datum.") % {"day": nl_date(latest)}
            found.append((name, f"{in_language(prop, 'x-dateMessage')} {text}".strip()))
    return found


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
        return _("Dit veld is verplicht.")
    if kind == "type":
        return {
            "integer": _("Vul een heel getal in."),
            "number": _("Vul een getal in."),
        }.get(str(value), _("Deze waarde is niet geldig."))
    if kind == "minLength":
        return _("Gebruik minstens %(n)s tekens.") % {"n": value}
    if kind == "maxLength":
        return _("Gebruik hoogstens %(n)s tekens.") % {"n": value}
    if kind == "minimum":
        return _("Vul %(n)s of meer in.") % {"n": value}
    if kind == "maximum":
        return _("Vul %(n)s of minder in.") % {"n": value}
    if kind == "enum":
        return _("Kies een van de mogelijkheden.")
    if kind == "format":
        return {
            "email": _("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
            "date": _("Vul een datum in zoals 31-12-2026."),
        }.get(str(value), _("Deze waarde heeft niet de goede vorm."))
    if kind == "pattern":
        return str(
            in_language(prop, "x-patternMessage") or _("Deze waarde heeft niet de goede vorm.")
        )
    return _("Deze waarde is niet geldig.")
