# SPDX-License-Identifier: EUPL-1.2
"""Outbox topics of what only the ZGW layer owns: applicaties (Autorisaties API) and the
ZGW-only fields of a zaak (zgw.ZaakExtensie) when no case field changed with them."""

APPLICATIE_CREATED = "zgw.applicatie_created"
APPLICATIE_UPDATED = "zgw.applicatie_updated"
APPLICATIE_DELETED = "zgw.applicatie_deleted"
ZAAK_EXTENSION_UPDATED = "zgw.zaak_extension_updated"
