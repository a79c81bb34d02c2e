# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo municipality Gemeente Plusstad: data and the `demo` command. A leaf."""

    name = "plus1.demo"
    verbose_name = "Demo Plusstad"
