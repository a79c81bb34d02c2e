# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "plus1.common"
    verbose_name = "Algemeen"

    def ready(self) -> None:
        from plus1.common import checks  # noqa: F401 (registers the production checks)
