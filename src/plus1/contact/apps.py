# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "plus1.contact"
    verbose_name = "Contact en afspraken"

    def ready(self) -> None:
        from plus1.contact import checks, message_consumers  # noqa: F401 (checks register)

        message_consumers.register()  # every message to residents: one pipeline
