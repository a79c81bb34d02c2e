# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the contact context: the `action` of its audit entries."""

APPOINTMENT_BOOKED = "appointment.booked"
APPOINTMENT_CANCELLED = "appointment.cancelled"
APPOINTMENT_RESCHEDULED = "appointment.rescheduled"
APPOINTMENT_CHECKED_IN = "appointment.checked_in"
APPOINTMENT_SETUP_IMPORTED = "appointment.setup_imported"
MESSAGE_QUEUED = "message.queued"
MESSAGE_BOUNCED = "message.bounced"
MESSAGE_READ = "message.read"
CHANNEL_PREFERENCE_REQUESTED = "channel_preference.requested"
CHANNEL_PREFERENCE_VERIFIED = "channel_preference.verified"
