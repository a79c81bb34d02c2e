# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "plus1.meldingen"
    verbose_name = "Meldingen openbare ruimte"
