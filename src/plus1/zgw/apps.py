# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ZgwConfig(AppConfig):
    name = "plus1.zgw"
    verbose_name = "ZGW API's"

    def ready(self) -> None:
        from plus1.zgw import notifications
        from plus1.zgw.catalogi import versions

        notifications.register()
        versions.register()
