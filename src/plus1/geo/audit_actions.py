# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the geo context: the `action` of its audit entries."""

DISTRICT_LOADED = "geo.district_loaded"
