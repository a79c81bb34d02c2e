# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the identity context: the `action` of its audit entries."""

PARTY_REGISTERED = "party.registered"
