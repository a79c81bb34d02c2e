# SPDX-License-Identifier: EUPL-1.2
"""Actoren: staff members (medewerkers) and teams (organisatorische eenheden), read only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.privacy.declarations import processing_activity
from plus1.zgw.base import Urls
from plus1.zgw.klantinteracties import filters, io, selectors
from plus1.zgw.klantinteracties.views.base import ACTIVITY, READ, KlantinteractiesApi


class _Chain:
    """Two querysets as one list for the paginator: staff members first, then teams."""

    def __init__(self, first: QuerySet[Any], second: QuerySet[Any]) -> None:
        self.first, self.second = first, second
        self._first_count: int | None = None

    def _split(self) -> int:
        if self._first_count is None:
            self._first_count = self.first.count()
        return self._first_count

    def count(self) -> int:
        return self._split() + self.second.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Any]:
        start, stop, split = window.start or 0, window.stop, self._split()
        rows = list(self.first[start:stop]) if start < split else []
        if stop is None or stop > split:
            rows += list(
                self.second[max(start - split, 0) : None if stop is None else stop - split]
            )
        return rows


@processing_activity(ACTIVITY)
class ActorViewSet(KlantinteractiesApi):
    """Staff members (medewerkers) and teams (organisatorische eenheden): read only."""

    scopes = READ

    def list(self, request: Request) -> Response:
        users, teams = filters.actoren(
            selectors.medewerkers(), selectors.teams(), request.query_params
        )
        urls = Urls(request)
        return self.page(
            _Chain(users, teams),
            lambda actor: io.render_actor(actor, urls),
            lambda page: [],
            "",
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        actor = selectors.actor_by_uuid(uuid)
        if actor is None:
            raise Http404
        return Response(io.render_actor(actor, Urls(request)))
