# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "plus1.documents"
    verbose_name = "Documenten"
    default_auto_field = "django.db.models.BigAutoField"
