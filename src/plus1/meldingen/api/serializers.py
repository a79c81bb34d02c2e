# SPDX-License-Identifier: EUPL-1.2
"""Input and output of the category suggestion API (Dutch field names, NL API Design Rules)."""

from __future__ import annotations

from rest_framework import serializers

from plus1.meldingen.categories import CATEGORY_SLUGS

MAX_TEXT_LENGTH = 2000


class SuggestionsIn(serializers.Serializer):  # type: ignore[type-arg]
    tekst = serializers.CharField(
        max_length=MAX_TEXT_LENGTH,
        help_text="Wat de inwoner over het probleem schrijft.",
        error_messages={
            "required": "Geef de tekst van de melding.",
            "blank": "De tekst van de melding is leeg.",
            "null": "De tekst van de melding is leeg.",
            "invalid": "De tekst van de melding moet tekst zijn.",
            "max_length": f"De tekst is te lang: hoogstens {MAX_TEXT_LENGTH} tekens.",
        },
    )


class SuggestionOut(serializers.Serializer):  # type: ignore[type-arg]
    categorie = serializers.ChoiceField(choices=list(CATEGORY_SLUGS))
    naam = serializers.CharField(help_text="Naam van de categorie, zoals de inwoner die ziet.")
    kans = serializers.FloatField(help_text="Geschatte kans (0 tot 1); samen ongeveer 1.")


class SuggestionsOut(serializers.Serializer):  # type: ignore[type-arg]
    suggesties = SuggestionOut(many=True, help_text="Alle categorieën, de waarschijnlijkste eerst.")
