# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "plus1.opendata"
    verbose_name = "Open data"
