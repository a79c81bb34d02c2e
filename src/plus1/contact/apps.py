# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "plus1.contact"
    verbose_name = "Contact en afspraken"

    def ready(self) -> None:
        from plus1.contact import message_consumers

        message_consumers.register()  # every message to residents: one pipeline
