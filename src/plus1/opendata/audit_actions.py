# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the opendata context (Woo publications)."""

WOO_DRAFT_CREATED = "opendata.woo_draft_created"
WOO_REDACTIONS_REVIEWED = "opendata.woo_redactions_reviewed"
WOO_REDACTION_ADDED = "opendata.woo_redaction_added"
WOO_PUBLISHED = "opendata.woo_published"
