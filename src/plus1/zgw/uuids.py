# SPDX-License-Identifier: EUPL-1.2
"""Stable UUIDs for rows that have none of their own (statustypen, statussen).

catalog.StatusType and cases.CaseStatus have an integer key only. Their ZGW UUID is a
version-8 UUID (RFC 9562, "custom") that carries the key: a fixed prefix per kind and the
primary key in the last 62 bits. It never changes and is read back without a lookup table.
"""

from __future__ import annotations

import uuid

_KEY_BITS = 62
_KEY_MASK = (1 << _KEY_BITS) - 1
_VARIANT = 0b10 << _KEY_BITS
PREFIXES = {"statustype": 0x706C7573_0001_8001, "status": 0x706C7573_0002_8002}
# Klantinteracties: the betrokkene and onderwerpobject of a contact moment, a staff member
# as actor, the BSN or KVK identificator of a party, the staff member of a contact moment
# (docs/klantinteracties.md).
PREFIXES |= {
    "betrokkene": 0x706C7573_0003_8003,
    "onderwerpobject": 0x706C7573_0004_8004,
    "medewerker": 0x706C7573_0005_8005,
    "partijidentificator": 0x706C7573_0006_8006,
    "actorklantcontact": 0x706C7573_0007_8007,
}


def to_uuid(kind: str, pk: int) -> uuid.UUID:
    return uuid.UUID(int=(PREFIXES[kind] << 64) | _VARIANT | pk)


def to_pk(kind: str, value: str | uuid.UUID) -> int | None:
    """The primary key inside a UUID of this kind, or None if it is not one."""
    try:
        number = value.int if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).int
    except ValueError:
        return None
    if number >> 64 != PREFIXES[kind] or (number >> _KEY_BITS) & 0b11 != 0b10:
        return None
    return number & _KEY_MASK
