# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "plus1.events"
    verbose_name = "Gebeurtenissen"
