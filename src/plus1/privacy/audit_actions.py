# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the privacy context: the `action` of its audit entries."""

API_CLIENT_CREATED = "api_client.created"
DATA_TRAIL_READ_REFUSED = "data_trail.read_refused"
CONSENT_GRANTED = "consent.granted"
CONSENT_REVOKED = "consent.revoked"
CONSENT_REQUEST_REFUSED = "consent.request_refused"
GDPR_REQUEST_STARTED = "gdpr_request.started"
GDPR_REQUEST_EXTENDED = "gdpr_request.extended"
GDPR_REQUEST_DECIDED = "gdpr_request.decided"
PARTY_RECTIFIED = "party.rectified"
PARTNER_IMPORTED = "partner.imported"
PROCESSING_ACTIVITY_IMPORTED = "processing_activity.imported"
PERSONAL_DATA_VIEWED = "personal_data.viewed"
# One entry for a list page that shows several people; each person has a trail record.
PERSONAL_DATA_LIST_VIEWED = "personal_data.list_viewed"
PERSONAL_DATA_CHANGED = "personal_data.changed"
PERSONAL_DATA_SHARED = "personal_data.shared"
PERSONAL_DATA_SENT = "personal_data.sent"
PERSONAL_DATA_REFUSED = "personal_data.refused"
BSN_KEY_ROTATED = "bsn.key_rotated"  # a stored BSN re-encrypted under the current key
# The entry of a data-trail record, by its TrailAction value.
PERSONAL_DATA = {
    "viewed": PERSONAL_DATA_VIEWED,
    "changed": PERSONAL_DATA_CHANGED,
    "shared": PERSONAL_DATA_SHARED,
    "sent": PERSONAL_DATA_SENT,
}
