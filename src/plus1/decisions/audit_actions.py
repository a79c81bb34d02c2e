# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the decisions context: the `action` of its audit entries."""

DECISION_CREATED = "decisions.decision_created"
DECISION_UPDATED = "decisions.decision_updated"
DECISION_DELETED = "decisions.decision_deleted"
DOCUMENT_ADDED = "decisions.document_added"
DOCUMENT_REMOVED = "decisions.document_removed"
