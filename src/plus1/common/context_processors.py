# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language


def municipality(request: HttpRequest) -> dict[str, object]:
    english = get_language() == "en" and bool(settings.CONTACT_HOURS_EN)
    return {
        "municipality_name": settings.MUNICIPALITY_NAME,
        "demo_mode": settings.DEMO_MODE,
        "contact": {
            "phone": settings.CONTACT_PHONE,
            "address": settings.CONTACT_ADDRESS,
            "hours": settings.CONTACT_HOURS_EN if english else settings.CONTACT_HOURS,
            "hours_language": "en" if english else "nl",
        },
    }
