# SPDX-License-Identifier: EUPL-1.2
"""ZGW authentication: a JWT signed (HS256) with the secret of its `client_id`, and the
authorisations of that client's applicatie (component, scopes, zaaktype, confidentiality)."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass

import jwt
from django.conf import settings
from django.db import connection
from django.db.models import Prefetch, Q

from plus1.audit.services import Actor
from plus1.catalog.models import Confidentiality
from plus1.zgw.models import Applicatie, ApplicatieClient, Autorisatie, ClientSecret
from plus1.zgw.scopes import Scope

LEVELS: list[str] = list(Confidentiality.values)  # openbaar … zeer_geheim
_UUID_AT_END = re.compile(r"([0-9a-fA-F-]{36})/?$")
TYPE_FIELDS = {"zrc": "zaaktype", "drc": "informatieobjecttype", "brc": "besluittype"}


class NotAuthorised(Exception):
    """No valid token: the reason, for the 403 body (never the token itself)."""


def levels_up_to(level: str) -> list[str]:
    return LEVELS[: LEVELS.index(level) + 1] if level in LEVELS else LEVELS


def uuid_in_url(url: str) -> str | None:
    match = _UUID_AT_END.search(url or "")
    return match.group(1).lower() if match else None


@dataclass(frozen=True)
class ZgwClient:
    client_id: str
    label: str
    all_rights: bool
    autorisaties: tuple[Autorisatie, ...]

    @property
    def actor(self) -> Actor:
        return Actor(kind="api_client", id=self.client_id, label=self.label)

    def _matching(self, scope: Scope) -> list[Autorisatie]:
        return [
            a
            for a in self.autorisaties
            if a.component == scope.component and scope.code in a.scopes
        ]

    def has_scope(self, scope: Scope) -> bool:
        """The scope in its component for at least one zaaktype (or component-wide)."""
        return self.all_rights or bool(self._matching(scope))

    def has_explicit_scope(self, scope: Scope) -> bool:
        """The scope given by name, not implied by `heeft_alle_autorisaties`."""
        return bool(self._matching(scope))

    def may_zaak(self, scope: Scope, zaaktype_uuid: object, confidentiality: str) -> bool:
        """The scope for a zaak of this zaaktype at this confidentiality level."""
        if self.all_rights:
            return True
        return any(
            uuid_in_url(a.zaaktype) == str(zaaktype_uuid).lower()
            and confidentiality in levels_up_to(a.max_vertrouwelijkheidaanduiding)
            for a in self._matching(scope)
        )

    def may_type(self, scope: Scope, type_url: str, confidentiality: str | None = None) -> bool:
        """The scope for an object of this type (zaaktype for zrc, informatieobjecttype for
        drc, besluittype for brc), up to the autorisatie's maximum confidentiality."""
        if self.all_rights:
            return True
        wanted = uuid_in_url(type_url)
        return any(
            uuid_in_url(getattr(a, TYPE_FIELDS[scope.component])) == wanted
            and (
                confidentiality is None
                or confidentiality in levels_up_to(a.max_vertrouwelijkheidaanduiding)
            )
            for a in self._matching(scope)
        )

    def zaak_filter(self, scope: Scope) -> Q:
        """A filter on cases.Case that keeps exactly the zaken this client may see."""
        if self.all_rights:
            return Q()
        allowed = Q(pk__in=[])
        for autorisatie in self._matching(scope):
            zaaktype = uuid_in_url(autorisatie.zaaktype)
            if zaaktype:
                allowed |= Q(
                    case_type__uuid=zaaktype,
                    confidentiality__in=levels_up_to(autorisatie.max_vertrouwelijkheidaanduiding),
                )
        return allowed


def authenticate(authorization: str) -> ZgwClient:
    """The client behind an `Authorization: Bearer <jwt>` header, or NotAuthorised."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise NotAuthorised("Er is geen geldig JWT meegestuurd (Authorization: Bearer …).")
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as exc:
        raise NotAuthorised("Het JWT is onleesbaar.") from exc
    client_id = claims.get("client_id") or claims.get("iss")
    if not isinstance(client_id, str) or not client_id:
        raise NotAuthorised("Het JWT mist de claim `client_id`.")
    secret, client = _secret_and_client(client_id)
    if secret is None:
        raise NotAuthorised("Deze client_id is niet bekend.")
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            options={"require": ["iat"], "verify_iat": False},
            leeway=settings.ZGW_JWT_LEEWAY,
        )
    except jwt.PyJWTError as exc:
        raise NotAuthorised("De ondertekening of claims van het JWT zijn niet geldig.") from exc
    issued, now, leeway = claims.get("iat"), time.time(), settings.ZGW_JWT_LEEWAY
    if not isinstance(issued, int | float) or not (
        now - settings.ZGW_JWT_EXPIRY - leeway <= issued <= now + leeway
    ):
        raise NotAuthorised("Het JWT is verlopen of nog niet geldig (claim `iat`).")
    return client


AUTORISATIE_COLUMNS = (
    "id",
    "component",
    "scopes",
    "zaaktype",
    "informatieobjecttype",
    "besluittype",
    "max_vertrouwelijkheidaanduiding",
)


def _secret_and_client(client_id: str) -> tuple[str | None, ZgwClient]:
    """The secret of a client id and its rights now, in one query (read on every request,
    so a change counts from the next request on)."""
    secret_t, link_t = ClientSecret._meta.db_table, ApplicatieClient._meta.db_table
    app_t, auth_t = Applicatie._meta.db_table, Autorisatie._meta.db_table
    columns = ", ".join(f"au.{name}" for name in AUTORISATIE_COLUMNS)
    sql = (
        f"SELECT s.secret, a.id, a.label, a.heeft_alle_autorisaties, {columns} "  # noqa: S608
        f"FROM {secret_t} s LEFT JOIN {link_t} c ON c.client_id = s.client_id "
        f"LEFT JOIN {app_t} a ON a.id = c.applicatie_id "
        f"LEFT JOIN {auth_t} au ON au.applicatie_id = a.id "
        "WHERE s.client_id = %s ORDER BY au.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [client_id])
        rows = cursor.fetchall()
    nobody = ZgwClient(client_id=client_id, label=client_id, all_rights=False, autorisaties=())
    if not rows:
        return None, nobody
    secret, applicatie_id, label, alle = rows[0][:4]
    if applicatie_id is None:
        return secret, nobody
    autorisaties = []
    for row in rows:
        if row[4] is None:
            continue
        values = dict(zip(AUTORISATIE_COLUMNS, row[4:], strict=True))
        raw = values["scopes"]
        values["scopes"] = json.loads(raw) if isinstance(raw, str | bytes) else raw
        autorisaties.append(Autorisatie(applicatie_id=applicatie_id, **values))
    client = ZgwClient(
        client_id=client_id, label=label, all_rights=bool(alle), autorisaties=tuple(autorisaties)
    )
    return secret, client


def client_for(client_id: str) -> ZgwClient:
    """The rights of a client id now (read on every request, so changes count at once).
    A client without applicatie is known but may do nothing."""
    client = (
        ApplicatieClient.objects.select_related("applicatie")
        .prefetch_related(Prefetch("applicatie__autorisaties"))
        .filter(client_id=client_id)
        .first()
    )
    if client is None:
        return ZgwClient(client_id=client_id, label=client_id, all_rights=False, autorisaties=())
    applicatie = client.applicatie
    return ZgwClient(
        client_id=client_id,
        label=applicatie.label,
        all_rights=applicatie.heeft_alle_autorisaties,
        autorisaties=tuple(applicatie.autorisaties.all()),
    )
