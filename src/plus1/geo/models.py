# SPDX-License-Identifier: EUPL-1.2
"""The municipality's districts (wijken), neighbourhoods (buurten) and a small address register.

Polygons are GeoJSON in WGS84 (longitude, latitude). Each area keeps its bounding box in
indexed columns, so a point lookup first narrows by box and then tests the polygon.
"""

from __future__ import annotations

from django.db import models


def street_key(name: str) -> str:
    """How street names are compared: lower case, without spaces, dots or dashes."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


class Area(models.Model):
    code = models.CharField("CBS-code", max_length=10, unique=True)
    name = models.CharField("naam", max_length=120)
    geometry = models.JSONField("grens (GeoJSON)")
    min_latitude = models.FloatField()
    min_longitude = models.FloatField()
    max_latitude = models.FloatField()
    max_longitude = models.FloatField()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class District(Area):
    """A wijk, with a CBS-style code such as WK999901."""

    class Meta(Area.Meta):
        verbose_name = "wijk"
        verbose_name_plural = "wijken"


class Neighbourhood(Area):
    """A buurt, with a CBS-style code such as BU99990101."""

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="neighbourhoods", verbose_name="wijk"
    )

    class Meta(Area.Meta):
        verbose_name = "buurt"
        verbose_name_plural = "buurten"
        indexes = [
            models.Index(
                fields=["min_latitude", "max_latitude", "min_longitude", "max_longitude"],
                name="buurt_bbox_idx",
            )
        ]


class Street(models.Model):
    """A stretch of street with a house-number range; numbers are placed evenly along it."""

    name = models.CharField("straatnaam", max_length=120)
    postcode = models.CharField(max_length=7, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.CASCADE, related_name="streets", verbose_name="buurt"
    )
    first_number = models.PositiveIntegerField("eerste huisnummer")
    last_number = models.PositiveIntegerField("laatste huisnummer")
    start_latitude = models.FloatField()
    start_longitude = models.FloatField()
    end_latitude = models.FloatField()
    end_longitude = models.FloatField()
    name_key = models.CharField(max_length=120, db_index=True, editable=False)

    class Meta:
        verbose_name = "straat"
        verbose_name_plural = "straten"
        ordering = ["name", "first_number"]

    def __str__(self) -> str:
        return f"{self.name} {self.first_number}–{self.last_number}"
