# SPDX-License-Identifier: EUPL-1.2
"""Event names of the contact context (outbox topics)."""

# The resident's confirmation message (booked, moved or cancelled).
APPOINTMENT_CONFIRMATION = "appointment.confirmation"

# The Klantinteracties API: a klantcontact registered, an interne taak created or changed.
# Payload: `klantcontact` or `interne_taak` (uuid str), `party` (uuid str or None).
KLANTCONTACT_REGISTERED = "contact.klantcontact_registered"
INTERNE_TAAK_CREATED = "contact.interne_taak_created"
INTERNE_TAAK_UPDATED = "contact.interne_taak_updated"
