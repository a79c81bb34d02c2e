# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "plus1.meldingen"
    verbose_name = "Meldingen openbare ruimte"

    def ready(self) -> None:
        from plus1.cases.events import CASE_REGISTERED, CASE_STATUS_CHANGED
        from plus1.events.services import subscribe
        from plus1.meldingen import messages

        subscribe(CASE_REGISTERED, messages.RECEIPT, messages.send_receipt)
        subscribe(CASE_STATUS_CHANGED, messages.FOLLOWER_UPDATES, messages.send_follower_updates)
