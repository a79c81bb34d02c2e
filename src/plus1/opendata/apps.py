# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "plus1.opendata"
    verbose_name = "Open data en Woo"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from plus1.opendata import woo_consumers

        woo_consumers.register()
