# SPDX-License-Identifier: EUPL-1.2
"""Documenten API 1.4.2: input serializers, URL checks, rendering and authorisation filters
for documents.Document (enkelvoudiginformatieobject), UsageRight (gebruiksrechten) and
DocumentLink (objectinformatieobject)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import urllib.error
import urllib.request
import uuid
from typing import Any
from urllib.parse import urlparse

from django.db.models import Q
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from plus1.audit.models import AuditEntry
from plus1.catalog.models import Confidentiality
from plus1.documents.models import Document, DocumentLink, DocumentVersion, UsageRight
from plus1.zgw.auth import ZgwClient, levels_up_to, uuid_in_url
from plus1.zgw.base import UrlField, Urls, bad_url, resolve_url
from plus1.zgw.scopes import Scope

EIO = "/documenten/api/v1/enkelvoudiginformatieobjecten"
GEBRUIKSRECHTEN = "/documenten/api/v1/gebruiksrechten"
VERZENDINGEN = "/documenten/api/v1/verzendingen"
OIO = "/documenten/api/v1/objectinformatieobjecten"
BESTANDSDELEN = "/documenten/api/v1/bestandsdelen"
IOTYPE = "/catalogi/api/v1/informatieobjecttypen"
OBJECT_PATHS = {"zaak": "/zaken/api/v1/zaken", "besluit": "/besluiten/api/v1/besluiten"}
RSIN = r"^\d{9}$"
STATUSES = ["", "in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd"]


LOCAL_PATHS = {
    "informatieobjecttype-detail": IOTYPE,
    "besluittype-detail": "/catalogi/api/v1/besluittypen",
    "zaak-detail": "/zaken/api/v1/zaken",
    "besluit-detail": "/besluiten/api/v1/besluiten",
    "enkelvoudiginformatieobject-detail": EIO,
}
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def local_key(url: str, url_name: str) -> str | None:
    """The UUID in a local resource URL of this kind (by route name or by its path)."""
    key = resolve_url(url, url_name)
    if key:
        return key
    prefix, _, rest = urlparse(url).path.rstrip("/").rpartition("/")
    if prefix == LOCAL_PATHS.get(url_name) and _UUID.match(rest):
        return rest.lower()
    return None


def local_or_remote(url: str, url_name: str, field: str) -> str:
    """The UUID of a local resource of this kind; `bad-url` when the URL does not answer 200,
    `invalid-resource` when it answers but is something else."""
    key = local_key(url, url_name)
    if key:
        return key
    parts = urlparse(url)
    if parts.scheme in ("http", "https"):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (http only)
                answered = response.status == 200
        except (urllib.error.URLError, OSError, ValueError):
            answered = False
        if answered:
            error = exceptions.ErrorDetail(
                "De URL verwijst niet naar het juiste soort object.", code="invalid-resource"
            )
            raise exceptions.ValidationError({field: [error]})
    raise bad_url(field)


class Ondertekening(serializers.Serializer):
    soort = serializers.ChoiceField(["", "analoog", "digitaal", "pki"], required=False)
    datum = serializers.DateField(required=False, allow_null=True)


class Integriteit(serializers.Serializer):
    algoritme = serializers.ChoiceField(
        ["", "crc_16", "crc_32", "crc_64", "fletcher_4", "fletcher_8", "fletcher_16",
         "fletcher_32", "hmac", "md5", "sha_1", "sha_256", "sha_512", "sha_3"],
        required=False,
    )  # fmt: skip
    waarde = serializers.CharField(max_length=128, required=False, allow_blank=True)
    datum = serializers.DateField(required=False, allow_null=True)


class DocumentIn(serializers.Serializer):
    """The fields of an enkelvoudiginformatieobject a client sends; `split` maps them."""

    identificatie = serializers.CharField(max_length=40, required=False, allow_blank=True)
    bronorganisatie = serializers.RegexField(RSIN)
    creatiedatum = serializers.DateField()
    titel = serializers.CharField(max_length=200)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        Confidentiality.values, required=False, allow_blank=True
    )
    auteur = serializers.CharField(max_length=200)
    status = serializers.ChoiceField(STATUSES, required=False)
    formaat = serializers.CharField(max_length=255, required=False, allow_blank=True)
    taal = serializers.CharField(min_length=3, max_length=3)
    bestandsnaam = serializers.CharField(max_length=255, required=False, allow_blank=True)
    inhoud = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    bestandsomvang = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    link = UrlField(max_length=200, required=False, allow_blank=True)
    beschrijving = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    ontvangstdatum = serializers.DateField(required=False, allow_null=True)
    verzenddatum = serializers.DateField(required=False, allow_null=True)
    indicatieGebruiksrecht = serializers.BooleanField(required=False, allow_null=True)
    verschijningsvorm = serializers.CharField(required=False, allow_blank=True)
    ondertekening = Ondertekening(required=False, allow_null=True)
    integriteit = Integriteit(required=False, allow_null=True)
    informatieobjecttype = UrlField(max_length=200)
    trefwoorden = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    lock = serializers.CharField(required=False, allow_blank=True)

    def __init__(self, *args: Any, require_lock: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if require_lock:
            self.fields["lock"] = serializers.CharField()

    def validate_inhoud(self, value: str | None) -> bytes | None:
        if not value:
            return None
        try:
            return base64.b64decode(value.split(",")[-1], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise serializers.ValidationError("Geef de inhoud als base64.") from exc

    def split(self) -> dict[str, Any]:
        """Service arguments: the document's own columns and the rest as camelCase `data`."""
        given = dict(self.validated_data)
        given.pop("lock", None)
        given.pop("informatieobjecttype", None)
        values: dict[str, Any] = {
            "identification": given.pop("identificatie", ""),
            "source_organisation": given.pop("bronorganisatie", ""),
            "confidentiality": given.pop("vertrouwelijkheidaanduiding", ""),
        }
        if "titel" in given:
            values["title"] = given.pop("titel")
        if "bestandsomvang" in given:
            values["size"] = given.pop("bestandsomvang")
        values["content_given"] = "inhoud" in given
        values["content"] = given.pop("inhoud", None)
        values["data"] = {name: _jsonable(value) for name, value in given.items()}
        return values


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def render_document(document: Document, urls: Urls, version: DocumentVersion | None = None) -> dict:
    version = version or document.current
    assert version is not None
    data, url = version.data, urls(EIO, document.uuid)
    is_current = version.pk == document.current_id
    parts = list(version.parts.all()) if is_current else []
    return {
        "url": url,
        "identificatie": document.identification,
        "bronorganisatie": document.source_organisation,
        "creatiedatum": data.get("creatiedatum"),
        "titel": version.title,
        "vertrouwelijkheidaanduiding": document.confidentiality,
        "auteur": data.get("auteur", ""),
        "status": data.get("status", ""),
        "formaat": data.get("formaat", ""),
        "taal": data.get("taal", ""),
        "versie": version.number,
        "beginRegistratie": version.registered_at.isoformat(),
        "bestandsnaam": data.get("bestandsnaam", ""),
        "inhoud": f"{url}/download?versie={version.number}" if version.content else None,
        "bestandsomvang": version.size,
        "link": data.get("link", ""),
        "beschrijving": data.get("beschrijving", ""),
        "ontvangstdatum": data.get("ontvangstdatum"),
        "verzenddatum": data.get("verzenddatum"),
        "indicatieGebruiksrecht": data.get("indicatieGebruiksrecht"),
        "verschijningsvorm": data.get("verschijningsvorm", ""),
        "ondertekening": data.get("ondertekening") or {"soort": "", "datum": None},
        "integriteit": data.get("integriteit") or {"algoritme": "", "waarde": "", "datum": None},
        "informatieobjecttype": urls(IOTYPE, document.document_type.uuid),
        "locked": bool(document.lock),
        "bestandsdelen": [
            {
                "url": urls(BESTANDSDELEN, part.uuid),
                "volgnummer": part.number,
                "omvang": part.size,
                "voltooid": bool(part.content),
                "lock": "",
            }
            for part in parts
        ],
        "trefwoorden": data.get("trefwoorden", []),
    }


class UsageRightIn(serializers.Serializer):
    informatieobject = UrlField()
    startdatum = serializers.DateTimeField()
    einddatum = serializers.DateTimeField(required=False, allow_null=True)
    omschrijvingVoorwaarden = serializers.CharField()


def render_usage_right(right: UsageRight, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(GEBRUIKSRECHTEN, right.uuid),
        "informatieobject": urls(EIO, right.document.uuid),
        "startdatum": right.starts_at.isoformat(),
        "einddatum": right.ends_at.isoformat() if right.ends_at else None,
        "omschrijvingVoorwaarden": right.conditions,
    }


class LinkIn(serializers.Serializer):
    informatieobject = UrlField()
    object = UrlField()
    objectType = serializers.ChoiceField(["zaak", "besluit", "verzoek"])


def render_link(link: DocumentLink, urls: Urls) -> dict[str, Any]:
    return {
        "url": urls(OIO, link.uuid),
        "informatieobject": urls(EIO, link.document.uuid),
        "object": urls(OBJECT_PATHS[link.object_type], link.object_uuid),
        "objectType": link.object_type,
    }


def audit_uuid(entry: AuditEntry) -> uuid.UUID:
    return entry.public_uuid


ACTIONS = {"created": ("create", 201), "deleted": ("destroy", 204)}


def render_audit(entry: AuditEntry, bron: str, resource: str, main_url: str) -> dict[str, Any]:
    verb = entry.action.rsplit("_", 1)[-1]
    actie, resultaat = ACTIONS.get(verb, ("update", 200))
    return {
        "uuid": str(audit_uuid(entry)),
        "bron": bron,
        "applicatieId": entry.actor_id,
        "applicatieWeergave": entry.actor_label,
        "gebruikersId": "",
        "gebruikersWeergave": "",
        "actie": actie,
        "actieWeergave": entry.action,
        "resultaat": resultaat,
        "hoofdObject": main_url,
        "resource": resource,
        "resourceUrl": main_url,
        "toelichting": "",
        "resourceWeergave": entry.action,
        "aanmaakdatum": entry.occurred_at.isoformat(),
        "wijzigingen": {"oud": entry.before, "nieuw": entry.after},
    }


TYPE_LOOKUPS = {
    "drc": ("informatieobjecttype", "document_type"),
    "brc": ("besluittype", "decision_type"),
}


def type_filter(client: ZgwClient, scope: Scope, prefix: str = "") -> Q:
    """Rows whose type (and confidentiality, for documents) this client may see with scope;
    prefix leads from the rows to the document or besluit (e.g. "document__")."""
    if client.all_rights:
        return Q()
    component = scope.component
    field, relation = TYPE_LOOKUPS[component]
    allowed = Q(pk__in=[])
    for autorisatie in client.autorisaties:
        type_uuid = uuid_in_url(getattr(autorisatie, field, "") or "")
        if component != autorisatie.component or scope.code not in autorisatie.scopes:
            continue
        if not type_uuid:
            continue
        condition = Q(**{f"{prefix}{relation}__uuid": type_uuid})
        if component == "drc":
            levels = levels_up_to(autorisatie.max_vertrouwelijkheidaanduiding)
            condition &= Q(**{f"{prefix}confidentiality__in": levels})
        allowed |= condition
    return allowed


def etag_response(request: Request, body: dict[str, Any]) -> Response:
    """A detail answer with its ETag (over the JSON); 304 if the client already has it."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    etag = f'"{hashlib.md5(canonical, usedforsecurity=False).hexdigest()}"'
    known = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
    if etag in known or "*" in known:
        return Response(status=304, headers={"ETag": etag})
    return Response(body, headers={"ETag": etag})
