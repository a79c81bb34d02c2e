# SPDX-License-Identifier: EUPL-1.2
"""{% load geo_names %}{{ case.neighbourhood_code|area_name }} → the buurt's or wijk's name."""

from django import template

from plus1.geo.selectors import area_names

register = template.Library()


@register.filter
def area_name(code: str) -> str:
    """The name of a buurt or wijk by its CBS code; the code itself when unknown."""
    if not code:
        return ""
    return area_names([code]).get(code, code)
