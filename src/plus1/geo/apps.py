# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "plus1.geo"
    verbose_name = "Wijken en buurten"
