# SPDX-License-Identifier: EUPL-1.2
"""Every scope of the ZGW standards, declared once: the code an autorisatie lists, what it
allows, and the component (zrc, ztc, drc, brc, ac, nrc) it belongs to.

Viewsets name the scope per action in `scopes` (see zgw.base.HasScope); an action that is
not named there is refused. `Unscoped` marks the rare action every known client may call,
with the reason, so that the exception is declared rather than forgotten."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    code: str
    description: str
    component: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Unscoped:
    """Any client with a valid JWT; the handler itself decides (reason says how)."""

    reason: str


# Zaken API (zrc)
ZAKEN_LEZEN = Scope("zaken.lezen", "Zaken en hun gegevens lezen", "zrc")
ZAKEN_AANMAKEN = Scope("zaken.aanmaken", "Zaken aanmaken", "zrc")
ZAKEN_BIJWERKEN = Scope("zaken.bijwerken", "Zaken en hun gegevens bijwerken", "zrc")
ZAKEN_VERWIJDEREN = Scope("zaken.verwijderen", "Zaken verwijderen", "zrc")
ZAKEN_STATUSSEN_TOEVOEGEN = Scope(
    "zaken.statussen.toevoegen", "Een status aan een zaak toevoegen", "zrc"
)
ZAKEN_HEROPENEN = Scope("zaken.heropenen", "Een afgesloten zaak heropenen", "zrc")
ZAKEN_GEFORCEERD_BIJWERKEN = Scope(
    "zaken.geforceerd-bijwerken", "Een afgesloten zaak toch bijwerken", "zrc"
)

# Catalogi API (ztc)
CATALOGI_LEZEN = Scope("catalogi.lezen", "Catalogi en typen lezen", "ztc")
CATALOGI_SCHRIJVEN = Scope("catalogi.schrijven", "Typen in concept schrijven", "ztc")
CATALOGI_GEFORCEERD_SCHRIJVEN = Scope(
    "catalogi.geforceerd-schrijven", "Gepubliceerde typen toch wijzigen", "ztc"
)
CATALOGI_GEFORCEERD_VERWIJDEREN = Scope(
    "catalogi.geforceerd-verwijderen", "Gepubliceerde typen toch verwijderen", "ztc"
)

# Documenten API (drc)
DOCUMENTEN_LEZEN = Scope("documenten.lezen", "Documenten lezen en downloaden", "drc")
DOCUMENTEN_AANMAKEN = Scope("documenten.aanmaken", "Documenten aanmaken", "drc")
DOCUMENTEN_BIJWERKEN = Scope("documenten.bijwerken", "Documenten bijwerken", "drc")
DOCUMENTEN_VERWIJDEREN = Scope("documenten.verwijderen", "Documenten verwijderen", "drc")
DOCUMENTEN_LOCK = Scope("documenten.lock", "Documenten vergrendelen en ontgrendelen", "drc")
DOCUMENTEN_GEFORCEERD_UNLOCK = Scope(
    "documenten.geforceerd-unlock", "Het slot van een ander van een document halen", "drc"
)
DOCUMENTEN_GEFORCEERD_BIJWERKEN = Scope(
    "documenten.geforceerd-bijwerken", "Een definitief document toch bijwerken", "drc"
)

# Besluiten API (brc)
BESLUITEN_LEZEN = Scope("besluiten.lezen", "Besluiten lezen", "brc")
BESLUITEN_AANMAKEN = Scope("besluiten.aanmaken", "Besluiten aanmaken", "brc")
BESLUITEN_BIJWERKEN = Scope("besluiten.bijwerken", "Besluiten bijwerken", "brc")
BESLUITEN_VERWIJDEREN = Scope("besluiten.verwijderen", "Besluiten verwijderen", "brc")

# Autorisaties API (ac)
AUTORISATIES_LEZEN = Scope("autorisaties.lezen", "Applicaties en autorisaties lezen", "ac")
AUTORISATIES_BIJWERKEN = Scope(
    "autorisaties.bijwerken", "Applicaties en autorisaties beheren", "ac"
)

# Notificaties API (nrc)
NOTIFICATIES_CONSUMEREN = Scope(
    "notificaties.consumeren", "Abonnementen beheren en notificaties ontvangen", "nrc"
)
NOTIFICATIES_PUBLICEREN = Scope(
    "notificaties.publiceren", "Kanalen aanmaken en notificaties versturen", "nrc"
)

# Klantinteracties API (kic)
KLANTINTERACTIES_LEZEN = Scope(
    "klantinteracties.lezen", "Klantcontacten, partijen, interne taken en actoren lezen", "kic"
)
KLANTINTERACTIES_SCHRIJVEN = Scope(
    "klantinteracties.schrijven",
    "Klantcontacten, betrokkenen, partijen en interne taken vastleggen en bijwerken",
    "kic",
)

ALL: tuple[Scope, ...] = tuple(
    value for value in dict(globals()).values() if isinstance(value, Scope)
)

# What a viewset declares per action: one scope, any one of several, or Unscoped.
Needed = Scope | tuple[Scope, ...] | Unscoped
