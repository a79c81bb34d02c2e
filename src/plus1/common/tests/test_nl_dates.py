# SPDX-License-Identifier: EUPL-1.2
"""Dates and times as the portal writes them, in the municipality's time zone."""

import datetime as dt

from django.template import Context, Template

from plus1.common.templatetags.plus1 import nl_date, nl_datetime


def test_a_moment_in_winter_and_summer_time_in_amsterdam():
    assert nl_datetime(dt.datetime(2026, 12, 29, 13, 5, tzinfo=dt.UTC)) == "29 december 2026, 14:05"
    assert nl_datetime(dt.datetime(2026, 7, 1, 22, 30, tzinfo=dt.UTC)) == "2 juli 2026, 00:30"


def test_a_day_and_the_day_of_a_moment_late_in_the_evening():
    assert nl_date(dt.date(2026, 3, 1)) == "1 maart 2026"
    assert nl_date(dt.datetime(2026, 5, 31, 23, 30, tzinfo=dt.UTC)) == "1 juni 2026"


def test_in_a_template_and_empty_values():
    template = Template(
        "{% load plus1 %}{{ when|nl_datetime }}|{{ day|nl_date }}|{{ none|nl_date }}"
    )
    out = template.render(
        Context(
            {"when": dt.datetime(2026, 12, 29, 13, 5, tzinfo=dt.UTC), "day": dt.date(2026, 1, 2)}
        )
    )
    assert out == "29 december 2026, 14:05|2 januari 2026|"
