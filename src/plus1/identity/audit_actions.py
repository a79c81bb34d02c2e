# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the identity context: the `action` of its audit entries."""

PARTY_REGISTERED = "party.registered"
PARTY_SIGNED_IN = "party.signed_in"  # a resident or business logged in through a broker
