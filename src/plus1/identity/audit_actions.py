# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the identity context: the `action` of its audit entries."""

PARTY_REGISTERED = "party.registered"
STAFF_LOCKED_OUT = "staff.locked_out"
SECOND_FACTOR_ENROLLED = "staff.second_factor_enrolled"
RECOVERY_CODES_RENEWED = "staff.recovery_codes_renewed"
SECOND_FACTOR_DISCONNECTED_IN_ADMIN = "staff.second_factor_disconnected_in_admin"
PARTY_SIGNED_IN = "party.signed_in"  # a resident or business logged in through a broker
PASSWORD_SET_IN_ADMIN = "staff.password_set_in_admin"  # noqa: S105 (an action name)
