# SPDX-License-Identifier: EUPL-1.2
"""The data subject in the data trail: a keyed hash of the party, never the BSN itself."""

from __future__ import annotations

import hashlib
import hmac

from plus1.common.bsn import subkey
from plus1.identity.models import Party


def subject_pseudonym(party: Party) -> str:
    """Stable per party, unlinkable to the BSN or to the BSN's blind index without the key."""
    return hmac.new(
        subkey("data-trail-subject"), str(party.uuid).encode(), hashlib.sha256
    ).hexdigest()
