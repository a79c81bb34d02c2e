# SPDX-License-Identifier: EUPL-1.2
"""Deploy checks of the message channels (`plus1 check --deploy`, run by `plus1 serve`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

FILE_BACKEND = "plus1.contact.channels.FileSmsBackend"
HTTP_BACKEND = "plus1.contact.channels.HttpSmsBackend"


@checks.register("plus1_production", checks.Tags.compatibility, deploy=True)
def sms_channel(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.SMS_BACKEND == FILE_BACKEND and not settings.DEMO_MODE:
        return [
            checks.Warning(
                "PLUS1_SMS_BACKEND is the file backend: sms to residents are written to "
                f"{settings.SMS_FILE_PATH}, not sent. Configure the HTTP gateway backend.",
                id="plus1.W101",
            )
        ]
    if settings.SMS_BACKEND == HTTP_BACKEND and not settings.SMS_GATEWAY_URL.startswith(
        ("https://", "http://")
    ):
        return [
            checks.Error(
                "PLUS1_SMS_BACKEND is the HTTP gateway but PLUS1_SMS_GATEWAY_URL is not an "
                "http(s) URL.",
                id="plus1.E101",
            )
        ]
    return []
