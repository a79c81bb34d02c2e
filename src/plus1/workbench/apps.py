# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "plus1.workbench"
    verbose_name = "Werkplek"
