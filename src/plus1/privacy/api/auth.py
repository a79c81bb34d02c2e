# SPDX-License-Identifier: EUPL-1.2
"""`Authorization: Bearer <client_id>.<secret>` for partners and trail readers.

Deliberately simple; the ZGW JWT clients of the autorisaties API can replace it later.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from plus1.privacy.models import ApiClient
from plus1.privacy.services.clients import api_client_authenticate


class ApiClientAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Any) -> tuple[ApiClient, str] | None:
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return None
        client = api_client_authenticate(header.removeprefix("Bearer ").strip())
        if client is None:
            raise exceptions.AuthenticationFailed("Onbekende client of verkeerd geheim.")
        return client, "api-client"

    def authenticate_header(self, request: Any) -> str:
        return 'Bearer realm="plus1"'


class IsPartner(permissions.BasePermission):
    message = "Alleen partnerorganisaties mogen dit."

    def has_permission(self, request: Any, view: Any) -> bool:
        return isinstance(request.user, ApiClient) and request.user.partner_id is not None


class IsTrailReader(permissions.BasePermission):
    message = "Deze client mag het dataspoor niet lezen."

    def has_permission(self, request: Any, view: Any) -> bool:
        return isinstance(request.user, ApiClient) and request.user.trail_activities.exists()


class ApiClientScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "plus1.privacy.api.auth.ApiClientAuthentication"
    name = "apiClient"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "<client_id>.<secret>"}
