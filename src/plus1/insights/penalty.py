# SPDX-License-Identifier: EUPL-1.2
"""The penalty for not deciding in time (dwangsom bij niet tijdig beslissen, Awb 4:17).

Pure arithmetic, no database: the day rates, the first day and the caps.

- A notice of default (ingebrekestelling) can be sent from the day after the decision term
  ended.
- The first day of the penalty is the day on which two weeks have passed since the day of
  the notice (Awb 4:17 lid 3): notice on day D, first penalty day D + 14.
- €23 a day for days 1–14, €35 for days 15–28, €45 for days 29–42; at most 42 days and at
  most €1,442 (Awb 4:17 lid 2).
- The penalty stops on the day of the decision: that day itself no longer counts.
"""

from __future__ import annotations

import datetime as dt

# (number of days, euros a day), in order.
DAY_RATES: tuple[tuple[int, int], ...] = ((14, 23), (14, 35), (14, 45))
MAX_DAYS = 42
MAX_AMOUNT = 1442
WAITING_PERIOD = dt.timedelta(days=14)


def penalty_amount(days: int) -> int:
    """Euros due after `days` days of penalty."""
    remaining, total = min(max(days, 0), MAX_DAYS), 0
    for span, rate in DAY_RATES:
        used = min(remaining, span)
        total += used * rate
        remaining -= used
    return min(total, MAX_AMOUNT)


def first_penalty_day(notice_on: dt.date) -> dt.date:
    return notice_on + WAITING_PERIOD


def penalty_days(*, notice_on: dt.date, today: dt.date, decided_on: dt.date | None = None) -> int:
    """Days of penalty to date: from the first penalty day up to and including today, or up
    to the day before the decision; at most 42."""
    last = today if decided_on is None else min(today, decided_on - dt.timedelta(days=1))
    days = (last - first_penalty_day(notice_on)).days + 1
    return min(max(days, 0), MAX_DAYS)


def notice_allowed_from(deadline: dt.date) -> dt.date:
    """The first day on which a notice of default can be sent: the day after the deadline."""
    return deadline + dt.timedelta(days=1)
