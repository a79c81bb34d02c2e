# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "plus1.events"
    verbose_name = "Gebeurtenissen"

    def ready(self) -> None:
        from plus1.events.notifications import register

        register()
