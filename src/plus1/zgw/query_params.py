# SPDX-License-Identifier: EUPL-1.2
"""Unknown query parameters never widen a result.

The standard's OpenAPI document of each API names the query parameters of every
operation. A request that sends any other parameter is refused with a 400 that names them
all (code `unknown-parameters`, as the VNG reference implementation answers), so a
misspelled filter (`?ClientIds=` for `clientIds`) can never silently list everything.
Operations Plus1 serves beyond the standard accept the parameters their view declares in
`extra_query_params` (none by default)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from plus1.zgw.openapi.documents import DOCUMENTS, standard_document

UNKNOWN_CODE = "unknown-parameters"
UNKNOWN_MESSAGE = "Onbekende queryparameter: {name}. Deze API kent: {known}."
UNKNOWN_MESSAGE_NONE = "Onbekende queryparameter: {name}. Deze bewerking kent geen queryparameters."


def _resolved(document: dict[str, Any], parameter: dict[str, Any]) -> dict[str, Any]:
    ref = parameter.get("$ref")
    if not ref:
        return parameter
    node: Any = document
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return dict(node)


@cache
def _operations(api: str) -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
    """(path regex, method, query parameter names) of every operation in the document."""
    document = standard_document(api)
    operations = []
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        pattern = re.compile(
            "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path.rstrip("/"))) + "/?$"
        )
        for method, operation in item.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            names = frozenset(
                par["name"]
                for par in (
                    _resolved(document, p) for p in [*shared, *operation.get("parameters", [])]
                )
                if par.get("in") == "query"
            )
            operations.append((pattern, method.upper(), names))
    # literal paths (`/zaken/_zoek`) before templated ones (`/zaken/{uuid}`)
    operations.sort(key=lambda op: op[0].pattern.count("[^/]+"))
    return operations


def read_standard_documents() -> None:
    """Parse every standard's document now (about half a second each), not in the first
    request that needs it: the production WSGI module calls this as a worker starts."""
    for api in DOCUMENTS:
        _operations(api)


def known_query_params(api: str, method: str, subpath: str) -> frozenset[str] | None:
    """The query parameters the standard gives `method subpath` of `api`, or None when
    the standard's document has no such operation (a Plus1 extension)."""
    if api not in DOCUMENTS:
        return None
    method = "GET" if method == "HEAD" else method
    for pattern, op_method, names in _operations(api):
        if op_method == method and pattern.match(subpath):
            return names
    return None


def split_api_path(path: str) -> tuple[str, str]:
    """`/zaken/api/v1/zaken/x` → ("zaken", "/zaken/x")."""
    parts = path.split("/", 4)
    if len(parts) < 4 or parts[2] != "api":
        return "", path
    return parts[1], "/" + (parts[4] if len(parts) > 4 else "")


def unknown_query_params(request: Any, extra: frozenset[str] = frozenset()) -> dict[str, str]:
    """{name: Dutch reason} for every query parameter of `request` the operation does not know."""
    api, subpath = split_api_path(request.path)
    known = known_query_params(api, request.method, subpath)
    allowed = (known or frozenset()) | extra
    unknown = sorted(name for name in request.GET if name not in allowed)
    if not unknown:
        return {}
    listed = ", ".join(sorted(allowed))
    return {
        name: (
            UNKNOWN_MESSAGE.format(name=name, known=listed)
            if allowed
            else UNKNOWN_MESSAGE_NONE.format(name=name)
        )
        for name in unknown
    }
