# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "plus1.contact"
    verbose_name = "Contact en afspraken"

    def ready(self) -> None:
        from plus1.contact import messages
        from plus1.contact.events import (
            APPOINTMENT_CONFIRMATION,
            APPOINTMENT_REMINDER,
            CALLBACK_REQUESTED,
        )
        from plus1.events.services import subscribe

        subscribe(APPOINTMENT_CONFIRMATION, messages.CONSUMER, messages.send_confirmation)
        subscribe(APPOINTMENT_REMINDER, messages.REMINDER_CONSUMER, messages.send_reminder)
        subscribe(
            CALLBACK_REQUESTED, messages.CALLBACK_CONSUMER, messages.send_callback_confirmation
        )
