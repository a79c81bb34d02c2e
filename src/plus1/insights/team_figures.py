# SPDX-License-Identifier: EUPL-1.2
"""The performance figures of a staff member's own teams, unprotected: the same rows as the
published datasets (`performance.Source`), computed over those teams' cases (and the contact
moments about their case types' products) on request."""

from __future__ import annotations

from django.db.models import QuerySet

from plus1.cases.models import Case
from plus1.contact.models import ContactMoment
from plus1.insights import effectiveness, statistics
from plus1.insights.performance import Source
from plus1.insights.statistics import Row


def team_source(cases: QuerySet[Case]) -> Source:
    """Rows by dataset slug for `cases` (already scoped to the reader's teams), nothing hidden."""
    closed = effectiveness.months(effectiveness.closed_cases(cases), protect=False)
    found: dict[str, list[Row]] = {
        "zaken-per-product-wijk-maand": statistics.cases_per_product_district_month(
            cases, protect=False
        ),
        "doorlooptijden-per-product-maand": effectiveness.lead_rows(closed),
        "goed-in-een-keer-per-product-maand": effectiveness.right_rows(closed),
        "goed-in-een-keer-per-wijk-maand": effectiveness.right_by_district_rows(closed),
        "herhaalcontact-per-product-maand": effectiveness.repeat_rows(closed),
        "oplostijd-meldingen-per-categorie-maand": (
            effectiveness.melding_resolution_per_category_month(cases, protect=False)
        ),
        "herhaalcontact-vragen-per-product-maand": (
            effectiveness.repeat_contact_questions_per_product_month(
                ContactMoment.objects.filter(product__case_type__in=cases.values("case_type_id")),
                protect=False,
            )
        ),
        "tevredenheid-per-product-kwartaal": statistics.satisfaction_per_product_quarter(
            cases, protect=False
        ),
    }
    return lambda slug: found.get(slug, [])
