# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.http import HttpRequest


def municipality(request: HttpRequest) -> dict[str, object]:
    return {
        "municipality_name": settings.MUNICIPALITY_NAME,
        "demo_mode": settings.DEMO_MODE,
        "contact": {
            "phone": settings.CONTACT_PHONE,
            "address": settings.CONTACT_ADDRESS,
            "hours": settings.CONTACT_HOURS,
        },
    }
