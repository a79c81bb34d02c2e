# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "plus1.identity"
    verbose_name = "Identiteit"
