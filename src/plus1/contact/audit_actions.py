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

# The Klantinteracties API (contact/klantinteracties_services.py); registering a contact
# moment and requesting or completing a callback use the actions above.
KLANTCONTACT_UPDATED = "klantcontact.updated"
BETROKKENE_SET = "klantcontact.betrokkene_set"
BETROKKENE_REMOVED = "klantcontact.betrokkene_removed"
ONDERWERPOBJECT_SET = "klantcontact.onderwerpobject_set"
ONDERWERPOBJECT_REMOVED = "klantcontact.onderwerpobject_removed"
INTERNE_TAAK_UPDATED = "interne_taak.updated"
DIGITAL_ADDRESS_ADDED = "digitaal_adres.added"
DIGITAL_ADDRESS_CHANGED = "digitaal_adres.changed"
DIGITAL_ADDRESS_REMOVED = "digitaal_adres.removed"
