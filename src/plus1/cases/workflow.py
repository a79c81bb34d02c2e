# SPDX-License-Identifier: EUPL-1.2
"""The rules of moving a case to another status, per channel.

Every channel obeys the same domain rules (a final status closes the case and needs a result
when one is due); they differ only in which statuses they may choose, so that difference is a
named policy, not a flag that switches a rule off:

- WORKFLOW_TABLE (portal, workbench, meldingen, GDPR requests): only the transitions of the
  case type's workflow table; a case whose case type defines results closes only with one.
- ANY_STATUS_OF_CASE_TYPE (the ZGW Zaken API): any status of the case type, as the standard
  knows no transition table; a zaak closes only with a result (ZRC: "resultaat-does-not-exist").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from plus1.cases.models import Case, Result
from plus1.catalog.models import StatusType, Transition


class TransitionRefused(ValidationError):
    """The channel's policy does not allow this move."""


@dataclass(frozen=True)
class TransitionPolicy:
    """Which status a channel may set next, and when closing needs a result."""

    name: str
    refuse_move: Callable[[Case, StatusType], None]
    result_due: Callable[[Case], bool]

    def check(self, case: Case, target: StatusType) -> None:
        """Raise TransitionRefused (with every problem) unless `case` may move to `target`."""
        self.refuse_move(case, target)
        if target.is_final and self.result_due(case) and not _has_result(case):
            raise TransitionRefused(
                {
                    "nonFieldErrors": ValidationError(
                        "Een zaak kan pas worden afgesloten als zij een resultaat heeft.",
                        code="resultaat-does-not-exist",
                    )
                }
            )


def _has_result(case: Case) -> bool:
    return Result.objects.filter(case=case).exists()


def _follow_workflow_table(case: Case, target: StatusType) -> None:
    if not Transition.objects.filter(source=case.status, target=target).exists():
        current = case.status.name if case.status else "-"
        raise TransitionRefused(
            f"De status kan niet van ‘{current}’ naar ‘{target.name}’ gaan. "
            "Kies een van de toegestane vervolgstappen."
        )


def _same_case_type(case: Case, target: StatusType) -> None:
    if target.case_type_id != case.case_type_id:
        raise TransitionRefused(
            {
                "nonFieldErrors": ValidationError(
                    "Het statustype hoort niet bij het zaaktype van de zaak.",
                    code="zaaktype-mismatch",
                )
            }
        )


WORKFLOW_TABLE = TransitionPolicy(
    name="workflow table",
    refuse_move=_follow_workflow_table,
    result_due=lambda case: case.case_type.result_types.exists(),
)
ANY_STATUS_OF_CASE_TYPE = TransitionPolicy(
    name="any status of the case type",
    refuse_move=_same_case_type,
    result_due=lambda case: True,
)
