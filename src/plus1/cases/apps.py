# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "plus1.cases"
    verbose_name = "Zaken"

    def ready(self) -> None:
        from plus1.cases import messages
        from plus1.cases.events import CASE_STATUS_CHANGED
        from plus1.events.services import subscribe

        subscribe(CASE_STATUS_CHANGED, messages.CONSUMER, messages.send_status_message)
