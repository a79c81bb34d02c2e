# SPDX-License-Identifier: EUPL-1.2
"""Input of the Woo pages: the public search and the staff review."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plus1.catalog.woo_categories import WooCategory, category_name
from plus1.opendata.woo_grounds import WooGround
from plus1.opendata.woo_selectors import PublicSearch

DATE_ERROR = _("Vul een datum in zoals 2026-12-29.")


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoeken op onderwerp of tekst"), max_length=200, required=False)
    categorie = forms.ChoiceField(
        label=_("Informatiecategorie"),
        required=False,
        choices=[("", _("Alle categorieën"))]
        + [(code, category_name(code)) for code in WooCategory.values],
        error_messages={"invalid_choice": _("Kies een informatiecategorie uit de lijst.")},
    )
    van = forms.DateField(
        label=_("Datum vanaf"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": DATE_ERROR},
    )
    tot = forms.DateField(
        label=_("Datum tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": DATE_ERROR},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("van"), data.get("tot")
        if start and end and start > end:
            self.add_error("tot", _("De datum tot en met ligt vóór de datum vanaf."))
        return data

    def search(self) -> PublicSearch:
        data = self.cleaned_data
        return PublicSearch(
            query=data.get("q", ""),
            category=data.get("categorie", ""),
            date_from=data.get("van"),
            date_to=data.get("tot"),
        )


class ManualRedactionForm(forms.Form):
    phrase = forms.CharField(
        label="Tekst om te lakken",
        max_length=500,
        help_text="Kopieer de tekst uit het document. Elke plek waar hij staat wordt gelakt.",
        error_messages={"required": "Vul de tekst in die u wilt lakken."},
    )
    ground = forms.ChoiceField(
        label="Woo-grond",
        choices=WooGround.choices,
        initial=WooGround.PERSOONLIJKE_LEVENSSFEER,
        error_messages={"invalid_choice": "Kies de Woo-grond van de lakking."},
    )
