# SPDX-License-Identifier: EUPL-1.2
"""Outbox topics of the opendata context."""

WOO_PUBLISHED = "opendata.woo_published"
