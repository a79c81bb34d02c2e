# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the cases context: the `action` of its audit entries. Their values
equal the outbox topics of cases/events.py today, but they are declared apart: the audit log
is append-only, so renaming a topic must not rename the actions already recorded."""

CASE_REGISTERED = "case.registered"
CASE_STATUS_CHANGED = "case.status_changed"
CASE_NOTE_ADDED = "case.note_added"
CASE_UPDATED = "case.updated"
CASE_DELETED = "case.deleted"
ROLE_ADDED = "case.role_added"
ROLE_REMOVED = "case.role_removed"
RESULT_SET = "case.result_set"
RESULT_REMOVED = "case.result_removed"
OBJECT_SAVED = "case.object_saved"
PROPERTY_SAVED = "case.property_saved"
RECORD_REMOVED = "case.record_removed"
CONTACT_ADDED = "case.contact_added"
REFERENCE_ADDED = "case.reference_added"
REQUEST_DRAFT_SAVED = "case.request_draft_saved"
REQUEST_DRAFT_DISCARDED = "case.request_draft_discarded"
