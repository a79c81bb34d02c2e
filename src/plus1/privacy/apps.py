# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "plus1.privacy"
    verbose_name = "Privacy"
