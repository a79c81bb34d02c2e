# SPDX-License-Identifier: EUPL-1.2
"""The selectielijst side of a resultaattype: its links must point to the Referentielijsten
(invalid-resource), its selectielijstklasse must belong to the procestype of the zaaktype
(procestype-mismatch), and the archiving rules (ztc-002 … ztc-008) must hold. Archiving
values the client leaves out are taken from the selectielijstklasse."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from plus1.catalog.models import CaseType
from plus1.zgw.catalogi import refs as refs


def _errors(found: list[tuple[str, str, str]]) -> serializers.ValidationError:
    detail: dict[str, list[serializers.ErrorDetail]] = {}
    for name, text, code in found:
        detail.setdefault(name, []).append(serializers.ErrorDetail(text, code=code))
    return serializers.ValidationError(detail)


def result_values(given: dict[str, Any], case_type: CaseType) -> dict[str, Any]:
    """Model values of the selectielijst fields, or a ValidationError naming every problem."""
    found: list[tuple[str, str, str]] = []
    values: dict[str, Any] = {}
    invalid = "De URL verwijst niet naar een object van het juiste soort."
    omschrijving = None
    if "resultaattypeomschrijving" in given:
        omschrijving = refs.lookup(
            given["resultaattypeomschrijving"], "resultaattypeomschrijvingen"
        )
        if omschrijving is None:
            found.append(("resultaattypeomschrijving", invalid, "invalid-resource"))
        else:
            values["result_type_url"] = given["resultaattypeomschrijving"]
            values["generic_description"] = omschrijving["omschrijving"]
    klasse = None
    if "selectielijstklasse" in given:
        klasse = refs.lookup(given["selectielijstklasse"], "resultaten")
        if klasse is None:
            found.append(("selectielijstklasse", invalid, "invalid-resource"))
        else:
            values["selection_list_class"] = given["selectielijstklasse"]
    brondatum = given.get("brondatumArchiefprocedure")
    if brondatum:
        found += refs.archive_problems(brondatum)
    if found:
        raise _errors(found)
    if klasse is not None:
        found += _against_selectielijst(klasse, brondatum, case_type)
        if found:
            raise _errors(found)
        values["archive_nomination"] = (
            given.get("archiefnominatie") or klasse.get("waardering") or ""
        )
        values["archive_action_term"] = (
            given.get("archiefactietermijn") or klasse.get("bewaartermijn") or ""
        )
    else:
        for api, model in (
            ("archiefnominatie", "archive_nomination"),
            ("archiefactietermijn", "archive_action_term"),
        ):
            if api in given:
                values[model] = given[api] or ""
    if "brondatumArchiefprocedure" in given:
        values["source_date"] = brondatum
    if "procestermijn" in given:
        values["process_term"] = given["procestermijn"] or ""
    return values


def _against_selectielijst(
    klasse: dict[str, Any], brondatum: dict[str, Any] | None, case_type: CaseType
) -> list[tuple[str, str, str]]:
    found = []
    zgw = getattr(case_type, "zgw", None)
    procestype = refs.uuid_of(zgw.selectielijst_procestype if zgw else "")
    if procestype and klasse.get("procesType") != procestype:
        found.append(
            (
                "nonFieldErrors",
                "De selectielijstklasse hoort niet bij het procestype van het zaaktype.",
                "procestype-mismatch",
            )
        )
    needed = refs.procestermijn_problem(brondatum or {}, klasse)
    if needed:
        found.append(
            (
                "nonFieldErrors",
                f"Bij de procestermijn van deze selectielijstklasse hoort afleidingswijze {needed}.",
                "invalid-afleidingswijze-for-procestermijn",
            )
        )
    return found
