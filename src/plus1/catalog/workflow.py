# SPDX-License-Identifier: EUPL-1.2
"""A case type's workflow as data: its statuses and the allowed transitions between them,
and every reason such a workflow cannot be used (pure; the write is
catalog.case_type_services.case_type_workflow_save)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from plus1.catalog.models import CaseType


@dataclass(frozen=True)
class StatusSpec:
    code: str
    name: str
    order: int
    is_initial: bool = False
    is_final: bool = False
    resident_text: str = ""
    norm_days: int | None = None  # working days a case may stay in it; None: no norm


@dataclass(frozen=True)
class TransitionSpec:
    source: str  # status codes
    target: str
    label: str


def workflow_of(case_type: CaseType) -> tuple[list[StatusSpec], list[TransitionSpec]]:
    statuses = [
        StatusSpec(s.code, s.name, s.order, s.is_initial, s.is_final, s.resident_text, s.norm_days)
        for s in case_type.statuses.order_by("order")
    ]
    transitions = [
        TransitionSpec(t.source.code, t.target.code, t.label)
        for t in case_type.transitions.select_related("source", "target").order_by("pk")
    ]
    return statuses, transitions


def snapshot(statuses: list[StatusSpec], transitions: list[TransitionSpec]) -> dict[str, Any]:
    """The workflow as the audit log keeps it (before and after a change)."""
    return {
        "statuses": [vars(status) for status in statuses],
        "transitions": [vars(transition) for transition in transitions],
    }


def workflow_problems(statuses: list[StatusSpec], transitions: list[TransitionSpec]) -> list[str]:
    """Every reason this workflow cannot be used, in plain Dutch (empty when it can)."""
    problems = _status_problems(statuses)
    names = {status.code: status.name or status.code for status in statuses}
    finals = {status.code for status in statuses if status.is_final}
    edges: dict[str, set[str]] = {code: set() for code in names}
    seen: set[tuple[str, str]] = set()
    for transition in transitions:
        outside = [end for end in (transition.source, transition.target) if end not in names]
        if outside:
            problems.append(
                f"De overgang ‘{transition.label or '?'}’ wijst naar een status die niet bij "
                f"dit zaaktype hoort ({', '.join(o or 'leeg' for o in outside)})."
            )
            continue
        if (transition.source, transition.target) in seen:
            problems.append(
                f"De overgang van ‘{names[transition.source]}’ naar "
                f"‘{names[transition.target]}’ staat er twee keer in."
            )
        seen.add((transition.source, transition.target))
        if transition.source == transition.target:
            problems.append(
                f"Een overgang van ‘{names[transition.source]}’ naar zichzelf kan niet."
            )
        if transition.source in finals:
            problems.append(
                f"Vanuit eindstatus ‘{names[transition.source]}’ kan geen overgang vertrekken."
            )
        if not transition.label.strip():
            problems.append(
                f"De overgang van ‘{names[transition.source]}’ naar "
                f"‘{names[transition.target]}’ heeft geen knoptekst."
            )
        edges[transition.source].add(transition.target)
    initial = [status.code for status in statuses if status.is_initial]
    if len(initial) == 1:
        reached = _reachable(initial[0], edges)
        problems += [
            f"Status ‘{names[code]}’ is vanuit de beginstatus niet te bereiken."
            for code in names
            if code not in reached
        ]
        if finals and not finals & reached:
            problems.append("Vanuit de beginstatus is geen eindstatus te bereiken.")
    return problems


def _status_problems(statuses: list[StatusSpec]) -> list[str]:
    problems = []
    if not statuses:
        return ["Een zaaktype heeft minstens twee statussen nodig: een begin en een eind."]
    codes = [status.code for status in statuses]
    orders = [status.order for status in statuses]
    for status in statuses:
        if not status.name.strip():
            problems.append(f"Status {status.order} heeft geen naam.")
        if not status.code.strip():
            problems.append(f"Status ‘{status.name}’ heeft geen code.")
        if status.is_initial and status.is_final:
            problems.append(f"Status ‘{status.name}’ kan niet tegelijk begin en eind zijn.")
        norm = status.norm_days
        if norm is not None and (not isinstance(norm, int) or isinstance(norm, bool) or norm < 0):
            problems.append(
                f"De norm van status ‘{status.name}’ is een aantal werkdagen: 0 of meer "
                "(leeg: geen norm)."
            )
    if len(set(codes)) != len(codes):
        problems.append("Twee statussen hebben dezelfde code; elke code mag één keer voorkomen.")
    if len(set(orders)) != len(orders):
        problems.append(
            "Twee statussen hebben dezelfde volgorde; geef elke status een eigen nummer."
        )
    initial = sum(status.is_initial for status in statuses)
    if initial != 1:
        problems.append(f"Precies één status moet de beginstatus zijn (nu {initial}).")
    if not any(status.is_final for status in statuses):
        problems.append("Minstens één status moet een eindstatus zijn.")
    return problems


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    reached, queue = {start}, deque([start])
    while queue:
        for target in edges.get(queue.popleft(), set()):
            if target not in reached:
                reached.add(target)
                queue.append(target)
    return reached
