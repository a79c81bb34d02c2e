# SPDX-License-Identifier: EUPL-1.2
"""The Besluiten API tests use the clients and document types of the Documenten API tests."""

from plus1.documents.tests.conftest import document_type, superclient  # noqa: F401 (fixtures)
