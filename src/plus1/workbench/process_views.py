# SPDX-License-Identifier: EUPL-1.2
"""Staff: process insight for a product of their teams (aggregates, no personal data)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plus1.identity.decorators import staff_required
from plus1.insights.process_page import process_insight
from plus1.privacy.declarations import no_personal_data


@no_personal_data
@staff_required
def process_insight_view(request: HttpRequest) -> HttpResponse:
    insight = process_insight(request.user, request.GET.dict(), timezone.localdate())
    status = 400 if insight.problems else 200
    return render(request, "insights/process.html", {"insight": insight}, status=status)
