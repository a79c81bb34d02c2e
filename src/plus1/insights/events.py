# SPDX-License-Identifier: EUPL-1.2
"""Outbox topics of the insights context. Payloads start with `cases.events.case_facts`."""

# A resident sent a notice of default (ingebrekestelling); payload adds `notice` (uuid str),
# `sent_on` (ISO date), `penalty_from` (ISO date, or null when no penalty applies) and
# `deadline` (ISO date of the term that was missed).
DEFAULT_NOTICE_SENT = "insights.default_notice_sent"

# A case closed and its initiator may rate it: payload adds `link` (absolute, signed, one
# use), `expires_on` (ISO date) and `initiator` (party uuid or null). Branch msg's pipeline
# sends it through the resident's preferred channel.
RATING_REQUESTED = "insights.rating_requested"
