# SPDX-License-Identifier: EUPL-1.2
"""Input and output of the product search API (Dutch field names, NL API Design Rules)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from plus1.catalog.models import Product
from plus1.catalog.selectors import product_channels, product_provider

AUDIENCE_IN = {"inwoners": "residents", "ondernemers": "businesses"}
AUDIENCE_OUT = {"residents": "inwoners", "businesses": "ondernemers", "both": "beide"}


class ProductSearchIn(serializers.Serializer):
    zoek = serializers.CharField(max_length=200, help_text="Wat de inwoner typt.")
    doelgroep = serializers.ChoiceField(choices=list(AUDIENCE_IN), required=False)
    aantal = serializers.IntegerField(min_value=1, max_value=50, default=10)


class LegalBasisOut(serializers.Serializer):
    naam = serializers.CharField(source="label")
    url = serializers.URLField()


class ProviderOut(serializers.Serializer):
    naam = serializers.CharField(source="name")
    bestuurslaag = serializers.CharField(source="layer")
    gemeente = serializers.BooleanField(source="local", help_text="Biedt de gemeente dit zelf?")
    website = serializers.CharField(source="url")
    telefoon = serializers.CharField(source="phone")
    bereikbaarheid = serializers.CharField(source="how_to_reach")


class ProductOut(serializers.Serializer):
    upl = serializers.CharField(source="upl_uri", allow_null=True, help_text="UPL-URI.")
    naam = serializers.CharField(source="name")
    slug = serializers.CharField()
    samenvatting = serializers.CharField(source="summary")
    doelgroep = serializers.SerializerMethodField()
    bestuurslagen = serializers.SerializerMethodField()
    soort = serializers.ListField(source="kinds", child=serializers.CharField())
    aanbieder = serializers.SerializerMethodField()
    kanalen = serializers.SerializerMethodField()
    grondslagen = LegalBasisOut(source="legal_bases.all", many=True)

    def get_doelgroep(self, product: Product) -> str:
        return AUDIENCE_OUT[product.audience]

    def get_bestuurslagen(self, product: Product) -> list[str]:
        return product.layer_labels()

    def get_kanalen(self, product: Product) -> list[str]:
        return product_channels(product)

    def get_aanbieder(self, product: Product) -> dict[str, Any]:
        return dict(ProviderOut(product_provider(product)).data)
