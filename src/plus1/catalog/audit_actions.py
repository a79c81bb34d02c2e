# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the catalog context: the `action` of its audit entries."""

PRODUCT_UPL_IMPORTED = "product.upl_imported"
ORGANISATION_IMPORTED = "organisation.imported"
PRODUCT_VOCABULARY_IMPORTED = "product.vocabulary_imported"
CASE_TYPE_CREATED = "case_type.created"
CASE_TYPE_UPDATED = "case_type.updated"
CASE_TYPE_DELETED = "case_type.deleted"
CASE_TYPE_WORKFLOW_IMPORTED = "case_type.workflow_imported"
PRODUCT_IMPORTED = "product.imported"
