# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "plus1.audit"
    verbose_name = "Audit"
