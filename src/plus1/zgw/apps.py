# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ZgwConfig(AppConfig):
    name = "plus1.zgw"
    verbose_name = "ZGW API's"

    def ready(self) -> None:
        from plus1.cases.events import CASE_REGISTERED, CASE_STATUS_CHANGED
        from plus1.events.services import subscribe
        from plus1.zgw import portal_notifications

        subscribe(CASE_REGISTERED, portal_notifications.zaak_registered)
        subscribe(CASE_STATUS_CHANGED, portal_notifications.zaak_status_changed)
