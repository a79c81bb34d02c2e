# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: str) -> Any:
    """Look up a key in a dict or QueryDict from a template."""
    if mapping is None:
        return None
    return mapping.get(key)
