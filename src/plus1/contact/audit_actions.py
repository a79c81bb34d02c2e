# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the contact context: the `action` of its audit entries."""

APPOINTMENT_BOOKED = "appointment.booked"
APPOINTMENT_CANCELLED = "appointment.cancelled"
APPOINTMENT_RESCHEDULED = "appointment.rescheduled"
APPOINTMENT_CHECKED_IN = "appointment.checked_in"
APPOINTMENT_SETUP_IMPORTED = "appointment.setup_imported"
CONTACT_MOMENT_REGISTERED = "contact_moment.registered"
CALLBACK_REQUESTED = "callback.requested"
CALLBACK_DONE = "callback.done"
COORDINATOR_SET = "coordinator.set"
COORDINATOR_ENDED = "coordinator.ended"
