# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "plus1.decisions"
    verbose_name = "Besluiten"
    default_auto_field = "django.db.models.BigAutoField"
