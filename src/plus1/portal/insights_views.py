# SPDX-License-Identifier: EUPL-1.2
"""The resident puts the municipality in default for a late decision: one button."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from plus1.cases.selectors import case_of_party
from plus1.identity.decorators import resident_required
from plus1.identity.login.session import portal_actor
from plus1.identity.models import Party
from plus1.insights.services import NoticeRefused, default_notice_send
from plus1.privacy.declarations import own_data


@own_data
@resident_required
@require_POST
def default_notice(request: HttpRequest, party: Party, identification: str) -> HttpResponse:
    case = case_of_party(party, identification)
    if case is None:
        raise Http404
    try:
        default_notice_send(actor=portal_actor(request), party=party, case=case)
    except NoticeRefused as refused:
        context = {"case": case, "notice_problem": str(refused)}
        return render(request, "portal/case_detail.html", context, status=400)
    return redirect("portal:case-detail", identification=identification)
