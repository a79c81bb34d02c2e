# SPDX-License-Identifier: EUPL-1.2
"""Event names of the contact context (outbox topics)."""

# The resident's confirmation message (booked, moved or cancelled).
APPOINTMENT_CONFIRMATION = "appointment.confirmation"

# A message to a resident was kept and waits to be sent by its channel (payload: message uuid).
MESSAGE_QUEUED = "message.queued"
