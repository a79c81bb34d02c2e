# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import template
from django.utils.translation import get_language

from plus1.common.nl_dates import nl_date, nl_datetime

register = template.Library()


@register.filter
def get(mapping: Any, key: str) -> Any:
    """Look up a key in a dict or QueryDict from a template."""
    if mapping is None:
        return None
    return mapping.get(key)


@register.filter(name="nl_datetime")
def nl_datetime_filter(value: Any) -> str:
    """{{ value|nl_datetime }} → "29 december 2026, 14:05" (Europe/Amsterdam)."""
    return nl_datetime(value)


@register.filter(name="nl_date")
def nl_date_filter(value: Any) -> str:
    """{{ value|nl_date }} → "29 december 2026"."""
    return nl_date(value)


@register.filter
def translated(obj: Any, field: str) -> Any:
    """{{ product|translated:"name" }}: the English text (name_en) on an English page when
    the functional administrator wrote one, else the Dutch text."""
    if get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "")
