# SPDX-License-Identifier: EUPL-1.2
"""The dependency direction of docs/architecture.md, checked on every import in src/plus1
(parsed with ast, so imports inside functions count too):

    common ← audit, events ← identity ← catalog ← cases ← the rest ← portal, workbench, zgw

audit and events import nothing but common; portal, workbench and zgw are imported by
nobody but the project shell (conf: settings and urls; cli; demo, which loads the demo
municipality through every context's services). Tests and test support
(`tests/`, `testing/`) may import anything."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "plus1"

RANKS = {"common": 0, "audit": 1, "events": 1, "identity": 2, "catalog": 3, "cases": 4}
REST = (
    5  # documents, decisions, geo, meldingen, privacy, insights, opendata, …: may import each other
)
LEAVES = {"portal": 6, "workbench": 6, "zgw": 6}
SHELL = {
    "conf",
    "cli",
    "demo",
}  # settings, urls, the command line, the demo loader: may import anything
OPEN_MODULES = {"plus1.conf.env"}  # the typed environment helpers, importing no context

# Named exceptions to the rules above, each with its reason. Keep this empty.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def rank(context: str) -> int:
    return RANKS.get(context, LEAVES.get(context, REST))


def context_of(path: Path, root: Path) -> str:
    return path.relative_to(root).parts[0].removesuffix(".py")


def imports_of(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return [name for name in found if name.startswith("plus1.")]


def allowed(source: str, target: str, module: str) -> bool:
    if source == target or source in SHELL or module in OPEN_MODULES:
        return True
    if target in SHELL:
        return False
    if (source, target) in EXCEPTIONS:
        return True
    if target in LEAVES:
        return False
    if source in ("audit", "events"):
        return target == "common"
    mine, theirs = rank(source), rank(target)
    return theirs < mine or mine == theirs == REST


def violations(root: Path = SRC) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if "tests" in parts or "testing" in parts:
            continue
        source = context_of(path, root)
        for module in imports_of(path):
            target = module.split(".")[1]
            if not allowed(source, target, module):
                problems.append(f"{path.relative_to(root)}: {source} imports {module}")
    return problems


def test_every_import_in_src_follows_the_dependency_direction():
    assert violations() == []


def test_the_open_modules_import_no_context():
    for module in OPEN_MODULES:
        path = SRC.parent / (module.replace(".", "/") + ".py")
        assert imports_of(path) == []


def test_the_check_finds_a_lower_layer_importing_a_higher_one(tmp_path):
    """The check itself can fail: a small tree with one import of each forbidden kind."""
    for name, code in {
        "common/clock.py": "from plus1.cases.models import Case\n",
        "audit/log.py": "def f():\n    import plus1.identity.models\n",
        "cases/views.py": "from plus1.zgw.base import Urls\n",
        "privacy/trail.py": "from plus1.documents.models import Document\n",
        "identity/services.py": "from plus1.audit.services import audit_record\n",
    }.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code)

    assert violations(tmp_path) == [
        "audit/log.py: audit imports plus1.identity.models",
        "cases/views.py: cases imports plus1.zgw.base",
        "common/clock.py: common imports plus1.cases.models",
    ]
