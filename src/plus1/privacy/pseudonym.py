# SPDX-License-Identifier: EUPL-1.2
"""The data subject in the data trail: a keyed hash of the party, never the BSN itself."""

from __future__ import annotations

import hashlib
import hmac
from functools import cache

from django.conf import settings

from plus1.identity.models import Party


@cache
def _key() -> bytes:
    secret = settings.FIELD_ENCRYPTION_KEY or settings.SECRET_KEY
    return hashlib.sha256(f"plus1:data-trail-subject:{secret}".encode()).digest()


def subject_pseudonym(party: Party) -> str:
    """Stable per party, unlinkable to the BSN or to the BSN's blind index without the key."""
    return hmac.new(_key(), str(party.uuid).encode(), hashlib.sha256).hexdigest()
