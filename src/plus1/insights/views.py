# SPDX-License-Identifier: EUPL-1.2
"""The public pages "Hoe doen wij het?" (/prestaties/, the last published build's figures)
and its doorbraak overview."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from plus1.insights.breakthroughs import rules_that_pinched
from plus1.insights.disclosure import THRESHOLD
from plus1.insights.performance import performance
from plus1.opendata.build import published, published_rows
from plus1.privacy.declarations import no_personal_data


@no_personal_data
def performance_page(request: HttpRequest) -> HttpResponse:
    build = published()
    figures = performance(request.GET.dict(), published_rows)
    status = 400 if figures.problems else 200
    context = {
        "figures": figures,
        "threshold": THRESHOLD,
        "built_at": dt.datetime.fromisoformat(build.built_at) if build else None,
    }
    return render(request, "insights/performance.html", context, status=status)


@no_personal_data
def breakthroughs_page(request: HttpRequest) -> HttpResponse:
    """Doorbraak: how often a rule stood in the way of a sensible outcome, per product."""
    context = {"table": rules_that_pinched(), "threshold": THRESHOLD}
    return render(request, "insights/breakthroughs.html", context)
