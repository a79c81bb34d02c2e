# SPDX-License-Identifier: EUPL-1.2
"""`expand` on the Zaken API 1.5.1: related resources inside the response, under `_expand`.

Which paths exist is the standard's: the `…Embedded` schemas of zaken-1.5.1.yaml (a zaak's
zaaktype, hoofdzaak, deelzaken, relevanteAndereZaken, eigenschappen, rollen, status,
zaakobjecten, resultaat and zaakinformatieobjecten; a status's statustype, gezetdoor and
zaakinformatieobjecten; a rol's zaak, roltype and statussen; …), nested with dots
(`hoofdzaak.status.statustype`). Any other path is a 400 naming it.

Each step of the path tree is one batch for the whole page (a fixed number of queries per
step, not per zaak). A related resource the client may not read is left out: zaken (also
those of rollen and resultaten) by its zrc autorisaties, catalogue types only with
`catalogi.lezen`. A single relation without a value is shown as `{}` (the standard's
EmptyObject), one the client may not read is absent."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from rest_framework import exceptions

from plus1.cases.models import Case, CaseObject, CaseProperty, Result, Role
from plus1.documents.models import DocumentLink, ObjectType
from plus1.zgw.auth import ZgwClient, uuid_in_url
from plus1.zgw.base import Urls
from plus1.zgw.catalogi import selectors as catalogi
from plus1.zgw.catalogi.io import (
    Ctx,
    render_resultaattype,
    render_roltype,
    render_statustype,
    render_zaakobjecttype,
    render_zaaktype,
)
from plus1.zgw.scopes import CATALOGI_LEZEN, ZAKEN_LEZEN
from plus1.zgw.zaken import selectors
from plus1.zgw.zaken.io.records import (
    render_resultaat,
    render_rol,
    render_zaakeigenschap,
    render_zaakobject,
)
from plus1.zgw.zaken.io.zaken import render_status, render_zaak
from plus1.zgw.zaken.links import documents_of
from plus1.zgw.zaken.services import records

# resource → {field: resource it refers to}; resources not named here have no expansions
RELATIONS: dict[str, dict[str, str]] = {
    "zaak": {
        "zaaktype": "zaaktype",
        "hoofdzaak": "zaak",
        "deelzaken": "zaak",
        "relevanteAndereZaken": "zaak",
        "eigenschappen": "zaakeigenschap",
        "rollen": "rol",
        "status": "status",
        "zaakobjecten": "zaakobject",
        "resultaat": "resultaat",
        "zaakinformatieobjecten": "zaakinformatieobject",
    },
    "status": {
        "statustype": "statustype",
        "gezetdoor": "rol",
        "zaakinformatieobjecten": "zaakinformatieobject",
    },
    "rol": {"zaak": "zaak", "roltype": "roltype", "statussen": "status"},
    "resultaat": {"zaak": "zaak", "resultaattype": "resultaattype"},
    "zaakinformatieobject": {"status": "status"},
    "zaakobject": {"zaakobjecttype": "zaakobjecttype"},
}
MAX_DEPTH = 6  # crafted input: hoofdzaak.deelzaken.hoofdzaak.… would never end
MAX_PATHS = 30
CODE = "invalid-expand"

Tree = dict[str, "Tree"]


def _problem(path: str, reason: str) -> exceptions.ErrorDetail:
    return exceptions.ErrorDetail(f"Ongeldig expand-pad ‘{path}’: {reason}", code=CODE)


def parse_expand(value: Any) -> Tree:
    """The tree of the comma-separated dotted paths in `value`; a 400 naming every path
    the standard does not allow (nothing is expanded then)."""
    if value in (None, ""):
        return {}
    if not isinstance(value, str):
        raise exceptions.ValidationError(
            {"expand": [exceptions.ErrorDetail("Geef de paden als tekst.", code="invalid")]}
        )
    paths = [part.strip() for part in value.split(",") if part.strip()]
    problems = []
    if len(paths) > MAX_PATHS:
        problems.append(_problem(value[:100], f"meer dan {MAX_PATHS} paden."))
    tree: Tree = {}
    for path in paths:
        steps = path.split(".")
        if len(steps) > MAX_DEPTH:
            problems.append(_problem(path, f"dieper dan {MAX_DEPTH} stappen."))
            continue
        resource, node = "zaak", tree
        for depth, step in enumerate(steps):
            allowed = RELATIONS.get(resource, {})
            if step not in allowed:
                known = ", ".join(sorted(allowed)) or "niets"
                at = ".".join(steps[:depth]) or "een zaak"
                problems.append(_problem(path, f"‘{step}’ kan niet; bij {at} kan: {known}."))
                break
            resource, node = allowed[step], node.setdefault(step, {})
    if problems:
        raise exceptions.ValidationError({"expand": problems})
    return tree


def _refs(value: Any) -> list[str]:
    """The URLs a field holds: one, a list, or relevanteAndereZaken's {url, aardRelatie}."""
    items = value if isinstance(value, list) else [value]
    found = [item.get("url") if isinstance(item, dict) else item for item in items]
    return [url for url in found if isinstance(url, str) and url]


class Expander:
    """Fills `_expand` of rendered bodies for one request and client."""

    def __init__(self, client: ZgwClient, urls: Urls) -> None:
        self.client, self.urls = client, urls
        self.fetchers: dict[str, Callable[[list[str]], Iterable[dict[str, Any]]]] = {
            "zaak": self._zaken,
            "status": self._statussen,
            "rol": self._rollen,
            "resultaat": self._resultaten,
            "zaakobject": self._zaakobjecten,
            "zaakeigenschap": self._eigenschappen,
            "zaakinformatieobject": self._zaakinformatieobjecten,
            "zaaktype": self._catalogus(catalogi.zaaktypen, render_zaaktype),
            "statustype": self._catalogus(catalogi.statustypen, render_statustype),
            "roltype": self._catalogus(catalogi.role_types, render_roltype),
            "resultaattype": self._catalogus(catalogi.result_types, render_resultaattype),
            "zaakobjecttype": self._catalogus(catalogi.case_object_types, render_zaakobjecttype),
        }

    def apply(self, resource: str, bodies: list[dict[str, Any]], tree: Tree) -> None:
        for field in sorted(tree):
            target = RELATIONS[resource][field]
            wanted = sorted({url for body in bodies for url in _refs(body.get(field))})
            keys = sorted({key for key in map(uuid_in_url, wanted) if key})
            found = {body["url"]: body for body in self.fetchers[target](keys)} if keys else {}
            if tree[field]:
                self.apply(target, list(found.values()), tree[field])
            for body in bodies:
                value, shown = body.get(field), body.setdefault("_expand", {})
                if isinstance(value, list):
                    shown[field] = [found[url] for url in _refs(value) if url in found]
                elif not value:
                    shown[field] = {}
                elif value in found:
                    shown[field] = found[value]

    @cached_property
    def _readable(self) -> QuerySet[Case]:
        return Case.objects.filter(self.client.zaak_filter(ZAKEN_LEZEN))

    def _zaken(self, keys: list[str]) -> list[dict[str, Any]]:
        rows = selectors.with_case_types(
            list(selectors.zaken_lean(self.client).filter(uuid__in=keys))
        )
        documents = documents_of([case.uuid for case in rows], self.urls)
        found = selectors.records_of([case.pk for case in rows])
        return [
            render_zaak(case, self.urls, documents.get(case.uuid), found[case.pk]) for case in rows
        ]

    def _statussen(self, keys: list[str]) -> list[dict[str, Any]]:
        rows = selectors.statussen_for(self.client).filter(uuid__in=keys)
        return [render_status(row, self.urls, row.is_latest) for row in rows]  # type: ignore[attr-defined]

    def _rollen(self, keys: list[str]) -> list[dict[str, Any]]:
        """Rollen name people: showing a known resident's writes their data trail."""
        rows = list(
            Role.objects.select_related(
                "case__case_type", "case__initiator", "case__responsible_team", "role_type", "party"
            ).filter(uuid__in=keys, case__in=self._readable.values("pk"))
        )
        known = [role for role in rows if role.party_id]
        if known:
            records.rollen_shown(
                actor=self.client.actor, roles=known, name="rollen bekeken via expand"
            )
        return [render_rol(role, self.urls) for role in rows]

    def _resultaten(self, keys: list[str]) -> list[dict[str, Any]]:
        rows = Result.objects.select_related("case", "result_type").filter(
            uuid__in=keys, case__in=self._readable.values("pk")
        )
        return [render_resultaat(row, self.urls) for row in rows]

    def _zaakobjecten(self, keys: list[str]) -> list[dict[str, Any]]:
        rows = CaseObject.objects.select_related("case").filter(
            uuid__in=keys, case__in=self._readable.values("pk")
        )
        return [render_zaakobject(row, self.urls) for row in rows]

    def _eigenschappen(self, keys: list[str]) -> list[dict[str, Any]]:
        rows = CaseProperty.objects.select_related("case", "property_type").filter(
            uuid__in=keys, case__in=self._readable.values("pk")
        )
        return [render_zaakeigenschap(row, self.urls) for row in rows]

    def _zaakinformatieobjecten(self, keys: list[str]) -> list[dict[str, Any]]:
        from plus1.zgw.zaken.views.documents import render_zio  # the view imports this module

        rows = DocumentLink.objects.select_related("document").filter(
            object_type=ObjectType.ZAAK,
            uuid__in=keys,
            object_uuid__in=self._readable.values("uuid"),
        )
        return [render_zio(row, self.urls) for row in rows]

    @cached_property
    def _ctx(self) -> Ctx:
        return Ctx(self.urls, catalogi.default_catalogus())

    def _catalogus(
        self, selector: Callable[[], QuerySet[Any]], render: Callable[[Any, Ctx], dict[str, Any]]
    ) -> Callable[[list[str]], list[dict[str, Any]]]:
        def fetch(keys: list[str]) -> list[dict[str, Any]]:
            if not self.client.has_scope(CATALOGI_LEZEN):
                return []
            return [render(row, self._ctx) for row in selector().filter(uuid__in=keys)]

        return fetch
