# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.http import Http404, HttpRequest

from plus1.cases.models import Case
from plus1.cases.selectors import case_for_staff


def case_or_404(request: HttpRequest, identification: str) -> Case:
    """A case of one of the staff member's teams; 404 for any other (no hint it exists)."""
    case = case_for_staff(request.user, identification)
    if case is None:
        raise Http404
    return case
