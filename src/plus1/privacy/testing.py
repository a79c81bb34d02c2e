# SPDX-License-Identifier: EUPL-1.2
"""Test helpers: give a case type the processing activity that staff access requires."""

from __future__ import annotations

from typing import Any

from plus1.catalog.models import CaseType
from plus1.privacy.models import CaseTypeActivity, LegalGround, ProcessingActivity


def make_activity(code: str, **extra: Any) -> ProcessingActivity:
    values = {
        "name": f"Verwerking {code}",
        "purpose": f"Doel van {code} in gewone taal.",
        "legal_ground": LegalGround.PUBLIC_TASK,
        "legal_basis": "Artikel 35 Participatiewet",
        "personal_data_categories": ["naam"],
        "data_subject_categories": ["inwoners"],
        "retention": "2 jaar",
        **extra,
    }
    return ProcessingActivity.objects.create(code=code, **values)


def serve_under_activity(case_type: CaseType, code: str = "") -> ProcessingActivity:
    activity = make_activity(code or f"verwerking-{case_type.code}")
    CaseTypeActivity.objects.create(case_type=case_type, activity=activity)
    return activity
