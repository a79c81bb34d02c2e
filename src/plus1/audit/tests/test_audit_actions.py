# SPDX-License-Identifier: EUPL-1.2
"""Audit action names are constants, one `audit_actions.py` per context: no audit_record
call in src/plus1 names its action with a string literal or builds it with an f-string."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
CALLS = {"audit_record", "audit_record_many", "_audit"}


def _called(node: ast.Call) -> str | None:
    return getattr(node.func, "id", None) or getattr(node.func, "attr", None)


def _action_arg(node: ast.Call) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg == "action":
            return keyword.value
    if _called(node) == "_audit" and len(node.args) > 1:  # cases: _audit(actor, action, …)
        return node.args[1]
    return None


def _spelled_out(value: ast.expr) -> bool:
    return any(
        isinstance(part, ast.JoinedStr)
        or (isinstance(part, ast.Constant) and isinstance(part.value, str))
        for part in ast.walk(value)
    )


def literal_actions(root: Path = SRC) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if "tests" in path.relative_to(root).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and _called(node) in CALLS:
                value = _action_arg(node)
                if value is not None and _spelled_out(value):
                    found.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(value)}")
    return found


def auditing_contexts(root: Path = SRC) -> set[str]:
    return {
        path.relative_to(root).parts[0]
        for path in root.rglob("*.py")
        if "tests" not in path.parts and "audit_record" in path.read_text()
    }


def test_no_audit_action_is_a_literal_or_built_at_run_time():
    assert literal_actions() == []


def test_every_auditing_context_declares_its_actions_in_audit_actions():
    for context in sorted(auditing_contexts()):
        module = importlib.import_module(f"plus1.{context}.audit_actions")
        names = [value for key, value in vars(module).items() if key.isupper()]
        assert names, context


def test_the_check_finds_literals_and_f_strings(tmp_path):
    (tmp_path / "ctx").mkdir()
    (tmp_path / "ctx" / "services.py").write_text(
        "audit_record(actor=a, action='x.created', obj=o)\n"
        "audit_record(actor=a, action=f'x.{verb}', obj=o)\n"
        "audit_record(actor=a, action=audit_actions.X_CREATED, obj=o)\n"
        "_audit(actor, 'x.saved', case, row)\n"
    )

    assert literal_actions(tmp_path) == [
        "ctx/services.py:1: 'x.created'",
        "ctx/services.py:2: f'x.{verb}'",
        "ctx/services.py:4: 'x.saved'",
    ]
