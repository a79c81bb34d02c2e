# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the meldingen context: the `action` of its audit entries."""

MELDING_ROUTING_RULE_CREATED = "melding.routing_rule_created"
MELDING_SUBMITTED = "melding.submitted"
MELDING_MERGED = "melding.merged"
MELDING_PUBLISHED = "melding.published"
MELDING_FOLLOWED = "melding.followed"
