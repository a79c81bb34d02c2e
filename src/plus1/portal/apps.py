# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "plus1.portal"
    verbose_name = "Portaal"
