# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the catalog context: the `action` of its audit entries."""

PRODUCT_UPL_IMPORTED = "product.upl_imported"
ORGANISATION_IMPORTED = "organisation.imported"
PRODUCT_VOCABULARY_IMPORTED = "product.vocabulary_imported"
CASE_TYPE_IMPORTED = "case_type.imported"
PRODUCT_IMPORTED = "product.imported"
