# SPDX-License-Identifier: EUPL-1.2
"""Every view declares whether it returns personal data, and under which processing activity.

A test walks every URL of the project and fails for a view without a declaration, so an
endpoint that hands out personal data cannot be added silently.

- ``@processing_activity(CASE_TYPE)`` and friends: the view shows or changes someone's data and
  calls ``personal_data_access`` (which refuses without a purpose and writes the data trail).
- ``@own_data``: a resident or business sees only their own data. No trail record: the person
  is the data subject and the viewer; the uses by others are what the trail is for.
- ``@no_personal_data``: the view returns nothing about a person.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

View = TypeVar("View", bound=Callable[..., Any])

# Where the processing activity of a declared view comes from.
CASE_TYPE = "activity of the case type"
CHOSEN = "activity chosen by the staff member"
CONSENT = "activity of the resident's consent"
TRAIL_READING = "reading the data trail"
OWN = "own data"


def processing_activity(source: str) -> Callable[[View], View]:
    def declare(view: View) -> View:
        view.processing_activity = source  # type: ignore[attr-defined]
        view.personal_data = True  # type: ignore[attr-defined]
        return view

    return declare


def own_data(view: View) -> View:
    view.processing_activity = OWN  # type: ignore[attr-defined]
    view.personal_data = True  # type: ignore[attr-defined]
    return view


def no_personal_data(view: View) -> View:
    view.personal_data = False  # type: ignore[attr-defined]
    return view


def declaration_of(callback: Any) -> str | bool | None:
    """The view's declaration: an activity source, False (no personal data) or None (missing)."""
    for candidate in (
        callback,
        getattr(callback, "view_class", None),
        getattr(callback, "cls", None),
    ):
        if candidate is None:
            continue
        if getattr(candidate, "processing_activity", None):
            return str(candidate.processing_activity)
        if getattr(candidate, "personal_data", None) is False:
            return False
    return None
