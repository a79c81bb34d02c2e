# SPDX-License-Identifier: EUPL-1.2
"""Event names of the contact context (outbox topics)."""

# The resident's confirmation message (booked, moved or cancelled).
APPOINTMENT_CONFIRMATION = "appointment.confirmation"

# A resident asked to be called back (portal or contact centre): the confirmation.
# Payload: callback (uuid str), party (uuid str or null), product (name), due_at (ISO),
# preferred_time (label), phone.
CALLBACK_REQUESTED = "contact.callback_requested"
# The team called back and recorded the outcome. Payload: callback, party, contact_moment.
CALLBACK_DONE = "contact.callback_done"
# A contact moment was registered. Payload: contact_moment (uuid str), party, channel, case.
CONTACT_MOMENT_REGISTERED = "contact.contact_moment_registered"
# The day-before reminder of an appointment; its outbox row becomes available the day before.
# Payload: appointment (uuid str), start (ISO): a reminder for a moved or cancelled
# appointment is skipped by its consumer.
APPOINTMENT_REMINDER = "contact.appointment_reminder"
