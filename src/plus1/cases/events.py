# SPDX-License-Identifier: EUPL-1.2
"""Event names of the cases context (outbox topics)."""

CASE_REGISTERED = "case.registered"
CASE_STATUS_CHANGED = "case.status_changed"
CASE_NOTE_ADDED = "case.note_added"
CASE_UPDATED = "case.updated"
