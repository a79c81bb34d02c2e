# SPDX-License-Identifier: EUPL-1.2
from django.db import models


class Sequence(models.Model):
    """A named counter for readable identifications."""

    name = models.CharField(max_length=64, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"
