# SPDX-License-Identifier: EUPL-1.2
"""Audit action names of the insights context."""

DEFAULT_NOTICE_SENT = "insights.default_notice_sent"
SATISFACTION_RATED = "insights.satisfaction_rated"
