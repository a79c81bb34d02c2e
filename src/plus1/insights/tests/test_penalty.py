# SPDX-License-Identifier: EUPL-1.2
"""The penalty arithmetic of Awb 4:17, as a table with its boundaries."""

import datetime as dt

import pytest

from plus1.insights.penalty import (
    MAX_AMOUNT,
    first_penalty_day,
    notice_allowed_from,
    penalty_amount,
    penalty_days,
)


@pytest.mark.parametrize(
    ("days", "euros"),
    [
        (-3, 0),
        (0, 0),
        (1, 23),
        (13, 13 * 23),
        (14, 14 * 23),  # 322: the last day at €23
        (15, 322 + 35),  # the first day at €35
        (28, 322 + 14 * 35),  # 812: the last day at €35
        (29, 812 + 45),  # the first day at €45
        (41, 812 + 13 * 45),
        (42, 1442),  # the last day that counts
        (43, 1442),  # at most 42 days
        (400, 1442),  # and never more than the cap
    ],
)
def test_penalty_amount_per_number_of_days(days, euros):
    assert penalty_amount(days) == euros


def test_the_cap_equals_42_days_of_the_day_rates():
    assert MAX_AMOUNT == 14 * 23 + 14 * 35 + 14 * 45 == penalty_amount(42)


NOTICE = dt.date(2027, 1, 4)


@pytest.mark.parametrize(
    ("today", "days"),
    [
        (NOTICE, 0),
        (NOTICE + dt.timedelta(days=13), 0),  # still within the two weeks
        (NOTICE + dt.timedelta(days=14), 1),  # two weeks have passed: first day
        (NOTICE + dt.timedelta(days=27), 14),
        (NOTICE + dt.timedelta(days=28), 15),
        (NOTICE + dt.timedelta(days=55), 42),
        (NOTICE + dt.timedelta(days=56), 42),
        (NOTICE + dt.timedelta(days=365), 42),
    ],
)
def test_penalty_days_run_from_two_weeks_after_the_notice(today, days):
    assert penalty_days(notice_on=NOTICE, today=today) == days


def test_the_decision_stops_the_penalty_and_its_day_does_not_count():
    decided = NOTICE + dt.timedelta(days=20)  # penalty days 14..19 → 6 days
    later = NOTICE + dt.timedelta(days=100)
    assert penalty_days(notice_on=NOTICE, today=later, decided_on=decided) == 6
    assert penalty_days(notice_on=NOTICE, today=later, decided_on=NOTICE) == 0


def test_first_penalty_day_and_first_notice_day():
    assert first_penalty_day(NOTICE) == dt.date(2027, 1, 18)
    assert notice_allowed_from(dt.date(2027, 1, 29)) == dt.date(2027, 1, 30)


def test_working_days_skip_weekends_and_holidays_like_the_legal_clock():
    from plus1.common.legal_clock import is_working_day, working_days_between

    start = dt.date(2026, 12, 18)  # a Friday; Christmas and a weekend follow
    end = dt.date(2027, 1, 8)
    expected = sum(
        is_working_day(start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1)
    )
    assert working_days_between(start, end) == expected == 13
