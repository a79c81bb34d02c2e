# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "plus1.insights"
    verbose_name = "Inzicht"

    def ready(self) -> None:
        from plus1.insights import ratings

        ratings.register()
