# SPDX-License-Identifier: EUPL-1.2
"""The legal clock: decision terms (Awb) expressed as ISO-8601 durations.

A term that would end on a Saturday, Sunday or national holiday is extended to the
next working day (Algemene termijnenwet, art. 1).
"""

from __future__ import annotations

import datetime as dt
import functools

import holidays
import isodate


class InvalidTerm(ValueError):
    pass


# No legal term is longer than this; a longer one would also run past the calendar's end.
MAX_TERM_YEARS = 100
_REFERENCE = dt.date(2000, 1, 1)


def bounded_term(term: str) -> tuple[isodate.Duration | dt.timedelta, dt.date]:
    """The term parsed, and where it ends from a reference date; refused beyond the maximum."""
    try:
        duration = isodate.parse_duration(term)
    except (isodate.ISO8601Error, ValueError, OverflowError, TypeError) as exc:
        raise InvalidTerm(
            f"‘{term}’ is geen geldige termijn (ISO-8601, bijvoorbeeld P8W)."
        ) from exc
    try:
        end = _REFERENCE + duration
    except (ValueError, OverflowError) as exc:  # past the calendar's end (year 9999)
        raise InvalidTerm(f"‘{term}’ is langer dan {MAX_TERM_YEARS} jaar.") from exc
    limit = dt.timedelta(days=366 * MAX_TERM_YEARS)
    if abs(end - _REFERENCE) > limit:
        raise InvalidTerm(f"‘{term}’ is langer dan {MAX_TERM_YEARS} jaar.")
    return duration, end


def parse_term(term: str) -> isodate.Duration | dt.timedelta:
    duration, end = bounded_term(term)
    if end <= _REFERENCE:
        raise InvalidTerm(f"‘{term}’ moet een positieve termijn zijn.")
    return duration


@functools.lru_cache(maxsize=256)
def _holidays(year: int) -> frozenset[dt.date]:
    """The national holidays of a year (fixed per year, so kept once it is computed)."""
    return frozenset(holidays.country_holidays("NL", years=year))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start).

    Counted per week, not per day: each 7 days hold 5 weekdays, then the few days left,
    less the holidays on a weekday in between (a case years old costs no more than one
    of last week)."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday()
    weekdays = 5 * weeks + sum((first + offset) % 7 < 5 for offset in range(1, rest + 1))
    holidays_on_weekdays = sum(
        1
        for year in range(start.year, end.year + 1)
        for day in _holidays(year)
        if day.year == year and start < day <= end and day.weekday() < 5
    )
    return weekdays - holidays_on_weekdays


def next_working_day(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def deadline(start: dt.date, term: str) -> dt.date:
    """The last day on which the municipality must decide."""
    end = start + parse_term(term)
    return next_working_day(end)


def describe_term(term: str) -> str:
    """A term in plain Dutch, e.g. P8W → ‘8 weken’."""
    duration = parse_term(term)
    parts = []
    if isinstance(duration, isodate.Duration):
        years, months = int(duration.years), int(duration.months)
        if years:
            parts.append(f"{years} jaar")
        if months:
            parts.append(f"{months} {'maand' if months == 1 else 'maanden'}")
        days = duration.tdelta.days
    else:
        days = duration.days
    if days:
        weeks, rest = divmod(days, 7)
        if weeks and not rest:
            parts.append(f"{weeks} {'week' if weeks == 1 else 'weken'}")
        else:
            parts.append(f"{days} {'dag' if days == 1 else 'dagen'}")
    return " en ".join(parts)


def extend(current: dt.date, term: str) -> dt.date:
    """The deadline after an extension (verlenging) of `term`, e.g. P2W (negative shortens)."""
    duration, _end = bounded_term(term)
    try:
        return next_working_day(current + duration)
    except (OverflowError, ValueError) as exc:
        raise InvalidTerm(f"‘{term}’ reikt voorbij het einde van de kalender.") from exc


def resume(current: dt.date, suspended_on: dt.date, resumed_on: dt.date) -> dt.date:
    """The deadline after a suspension (opschorting, Awb 4:15): the days it lasted are added."""
    return next_working_day(current + max(resumed_on - suspended_on, dt.timedelta(0)))
