# SPDX-License-Identifier: EUPL-1.2
"""What every Klantinteracties viewset shares: the component, paging with `pageSize`, the
data trail of what a page shows, and the error helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from plus1.contact import klantinteracties_services as services
from plus1.contact.models import ContactMoment
from plus1.identity.models import Party
from plus1.zgw.base import ZgwViewSet
from plus1.zgw.klantinteracties import selectors
from plus1.zgw.scopes import KLANTINTERACTIES_LEZEN, KLANTINTERACTIES_SCHRIJVEN

ACTIVITY = "activity klantcontact (privacy.builtin.CONTACT_CENTRE)"
READ = {"list": KLANTINTERACTIES_LEZEN, "retrieve": KLANTINTERACTIES_LEZEN}
WRITE = {
    "create": KLANTINTERACTIES_SCHRIJVEN,
    "update": KLANTINTERACTIES_SCHRIJVEN,
    "partial_update": KLANTINTERACTIES_SCHRIJVEN,
}


class Pagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "pageSize"
    max_page_size = 500


def invalid(field: str, message: str, code: str = "invalid") -> exceptions.ValidationError:
    return exceptions.ValidationError({field: [exceptions.ErrorDetail(message, code=code)]})


def not_found(field: str) -> exceptions.ValidationError:
    return invalid(field, "Er is geen object met deze uuid.", "does_not_exist")


class KlantinteractiesApi(ZgwViewSet):
    component = "kic"
    api_version = "0.9.0"
    lookup_field = "uuid"

    def expand(self) -> set[str]:
        raw = self.request.query_params.get("expand", "")
        return {item.strip() for item in raw.split(",") if item.strip()}

    def page(
        self,
        rows: Any,  # a QuerySet, or a _Chain of two
        render: Callable[[Any], dict[str, Any]],
        parties: Callable[[list[Any]], Iterable[Party | None]],
        name: str,
    ) -> Response:
        paginator = Pagination()
        page = list(paginator.paginate_queryset(rows, self.request, view=self) or [])
        self.trail(parties(page), name)
        return paginator.get_paginated_response([render(item) for item in page])

    def trail(self, parties: Iterable[Party | None], name: str, changed: bool = False) -> None:
        shown = [party for party in parties if party is not None]
        if shown:
            services.trail(actor=self.client.actor, parties=shown, name=name, changed=changed)

    def given(self, serializer: Any) -> Any:
        if not isinstance(self.request.data, dict):
            raise exceptions.ParseError("Stuur een JSON-object.")
        serializer.is_valid(raise_exception=True)
        return serializer

    def klantcontact(self, key: str, field: str) -> ContactMoment:
        moment = selectors.klantcontacten().filter(uuid=key).first()
        if moment is None:
            raise not_found(field)
        return moment

    def party(self, key: str, field: str) -> Party:
        party = Party.objects.filter(uuid=key).first()
        if party is None:
            raise not_found(field)
        return party


def moment_parties(page: list[ContactMoment]) -> list[Party | None]:
    return [moment.party for moment in page]
