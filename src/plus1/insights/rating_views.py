# SPDX-License-Identifier: EUPL-1.2
"""The one-question rating page behind the signed link (no login)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from plus1.insights.ratings import (
    SCORES,
    RatingRefused,
    case_for_token,
    rating_problems,
    satisfaction_rate,
)
from plus1.privacy.declarations import no_personal_data


@no_personal_data  # the page shows only the case type's name, no personal data
def rate(request: HttpRequest, token: str) -> HttpResponse:
    try:
        case = case_for_token(token)
    except RatingRefused as refused:
        return render(request, "insights/rating_refused.html", {"reason": str(refused)}, status=400)
    context = {"case_type": case.case_type.name, "scores": SCORES, "problems": [], "values": {}}
    if request.method != "POST":
        return render(request, "insights/rating.html", context)
    score, comment = request.POST.get("cijfer", ""), request.POST.get("toelichting", "").strip()
    problems = rating_problems(score, comment)
    if problems:
        values = {"cijfer": score, "toelichting": comment}
        context.update(problems=problems, values=values)
        return render(request, "insights/rating.html", context, status=400)
    try:
        satisfaction_rate(token=token, score=int(score), comment=comment)
    except RatingRefused as refused:
        return render(request, "insights/rating_refused.html", {"reason": str(refused)}, status=400)
    return render(request, "insights/rating_thanks.html", {"score": SCORES[int(score)]})
