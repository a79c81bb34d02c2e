# SPDX-License-Identifier: EUPL-1.2
"""The categories of data a resident can share with a partner, and how to read each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plus1.cases.selectors import cases_of_party
from plus1.identity.models import Party


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    read: Callable[[Party], Any]


def _cases(party: Party) -> list[dict[str, str]]:
    return [
        {
            "zaaknummer": case.identification,
            "zaaktype": case.case_type.name,
            "status": case.status.name if case.status else "",
            "registratiedatum": case.registered_on.isoformat(),
        }
        for case in cases_of_party(party)
    ]


CATEGORIES: dict[str, Category] = {
    category.code: category
    for category in [
        Category("naam", "Uw naam", lambda party: party.name),
        Category(
            "contactgegevens",
            "Uw e-mailadres en telefoonnummer",
            lambda party: {"email": party.email, "telefoon": party.phone},
        ),
        Category("zaken", "Uw aanvragen en zaken bij de gemeente", _cases),
    ]
}


def read_categories(party: Party, codes: list[str]) -> dict[str, Any]:
    return {code: CATEGORIES[code].read(party) for code in codes}
