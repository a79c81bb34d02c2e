# SPDX-License-Identifier: EUPL-1.2
"""Content negotiation for every API: a `?format=` we cannot produce is 406 (DRF answers 404)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import Http404
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request


class StrictNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> Any:
        renderers = list(renderers)
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except Http404 as exc:
            offered = ", ".join(renderer.media_type for renderer in renderers)
            raise exceptions.NotAcceptable(f"Dit antwoord is er alleen als {offered}.") from exc
