# SPDX-License-Identifier: EUPL-1.2
"""Every write of the privacy context, by topic."""

from plus1.privacy.services.clients import api_client_create
from plus1.privacy.services.consents import consent_grant, consent_revoke, partner_request
from plus1.privacy.services.gdpr import gdpr_request_decide, gdpr_request_extend, gdpr_request_start
from plus1.privacy.services.register import register_import
from plus1.privacy.services.representation import case_register_on_behalf, case_view_on_behalf
from plus1.privacy.services.trail import (
    NoPurpose,
    activity_for_case_type,
    personal_data_access,
    personal_data_list_access,
    personal_data_page_access,
)

__all__ = [
    "NoPurpose",
    "activity_for_case_type",
    "api_client_create",
    "case_register_on_behalf",
    "case_view_on_behalf",
    "consent_grant",
    "consent_revoke",
    "gdpr_request_decide",
    "gdpr_request_extend",
    "gdpr_request_start",
    "partner_request",
    "personal_data_access",
    "personal_data_list_access",
    "personal_data_page_access",
    "register_import",
]
