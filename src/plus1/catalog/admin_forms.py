# SPDX-License-Identifier: EUPL-1.2
"""The input forms of the form builder and the workflow editor (admin pages under /beheer/):
they parse what the functional administrator typed; the rules are in form_builder, workflow
and case_type_services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import formset_factory

from plus1.catalog.form_builder import CHOICE_KINDS, KINDS, FieldSpec
from plus1.catalog.form_files import FILE_KINDS
from plus1.catalog.forms_schema import PREFILL
from plus1.catalog.workflow import StatusSpec, TransitionSpec


class FieldForm(forms.Form):
    """One field of a request form, in the administrator's words."""

    kind = forms.ChoiceField(label="Soort veld", choices=list(KINDS.items()))
    label = forms.CharField(label="Vraag (label)", max_length=200)
    help = forms.CharField(
        label="Hulptekst", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    required = forms.BooleanField(label="Verplicht", required=False)
    options = forms.CharField(
        label="Keuzes (één per regel)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen voor keuzevelden.",
    )
    minimum = forms.FloatField(
        label="Minimaal",
        required=False,
        help_text="Bij een getal de kleinste waarde, bij tekst het kleinste aantal tekens.",
    )
    maximum = forms.FloatField(
        label="Maximaal",
        required=False,
        help_text="Bij een getal de grootste waarde, bij tekst het grootste aantal tekens.",
    )
    not_in_past = forms.BooleanField(
        label="Datum niet in het verleden", required=False, help_text="Alleen voor datums."
    )
    max_days_ago = forms.IntegerField(
        label="Datum hoogstens zoveel dagen geleden",
        required=False,
        min_value=0,
        help_text="Alleen voor datums; leeg laten als het niet uitmaakt.",
    )
    file_kinds = forms.MultipleChoiceField(
        label="Toegestane bestanden",
        required=False,
        choices=[(kind, words[0].upper() + words[1:]) for kind, (words, _) in FILE_KINDS.items()],
        widget=forms.CheckboxSelectMultiple,
        help_text="Alleen voor een bestand; niets aangevinkt: alle soorten.",
    )
    max_megabytes = forms.IntegerField(
        label="Grootste bestand (MB)",
        required=False,
        min_value=1,
        help_text="Alleen voor een bestand; leeg: de grens van het platform.",
    )
    show_if_field = forms.ChoiceField(label="Alleen tonen als dit veld…", required=False)
    show_if_value = forms.CharField(
        label="…dit antwoord heeft",
        required=False,
        initial="ja",
        help_text="Bij een ja/nee-vraag: ja of nee. Bij een keuzeveld: de keuze.",
    )
    prefill = forms.ChoiceField(
        label="Vooraf invullen met",
        required=False,
        choices=[("", "Niets"), *PREFILL.items()],
        help_text="Wat de gemeente al weet van de inwoner; hij kan het nog aanpassen.",
    )

    def __init__(self, *args: Any, others: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["show_if_field"].choices = [("", "Altijd tonen"), *others]  # type: ignore[attr-defined]

    def spec(self, name: str, kinds: dict[str, str]) -> FieldSpec:
        """The field described (call after is_valid); kinds: the kind of every other field,
        so a condition on a yes/no question compares with true or false."""
        data = self.cleaned_data
        other = data["show_if_field"]
        value: Any = (data["show_if_value"] or "ja").strip()
        if kinds.get(other) == "yesno":
            value = value.lower() != "nee"
        options = tuple(line.strip() for line in data["options"].splitlines() if line.strip())
        return FieldSpec(
            name=name,
            kind=data["kind"],
            label=data["label"].strip(),
            help=data["help"].strip(),
            required=data["required"],
            minimum=data["minimum"],
            maximum=data["maximum"],
            not_in_past=data["not_in_past"],
            max_days_ago=data["max_days_ago"],
            options=options if data["kind"] in CHOICE_KINDS else (),
            show_if_field=other,
            show_if_value=value if other else True,
            prefill=data["prefill"],
            file_kinds=tuple(data["file_kinds"]) if data["kind"] == "file" else (),
            max_megabytes=data["max_megabytes"] if data["kind"] == "file" else None,
        )


def field_initial(spec: FieldSpec) -> dict[str, Any]:
    value = spec.show_if_value
    shown = {True: "ja", False: "nee"}.get(value, value) if isinstance(value, bool) else value
    return {
        "kind": spec.kind,
        "label": spec.label,
        "help": spec.help,
        "required": spec.required,
        "options": "\n".join(spec.options),
        "minimum": spec.minimum,
        "maximum": spec.maximum,
        "not_in_past": spec.not_in_past,
        "max_days_ago": spec.max_days_ago,
        "show_if_field": spec.show_if_field,
        "show_if_value": shown if spec.show_if_field else "ja",
        "prefill": spec.prefill,
        "file_kinds": list(spec.file_kinds),
        "max_megabytes": spec.max_megabytes,
    }


class StatusForm(forms.Form):
    order = forms.IntegerField(label="Volgorde", min_value=1)
    name = forms.CharField(label="Naam", max_length=120)
    code = forms.SlugField(
        label="Code", max_length=64, help_text="Kleine letters, cijfers en streepjes."
    )
    resident_text = forms.CharField(label="Uitleg voor de inwoner", max_length=300, required=False)
    norm_days = forms.IntegerField(
        label="Norm (werkdagen)",
        required=False,
        help_text="Leeg: geen norm.",
    )
    is_initial = forms.BooleanField(label="Beginstatus", required=False)
    is_final = forms.BooleanField(label="Eindstatus", required=False)


class TransitionForm(forms.Form):
    source = forms.ChoiceField(label="Van status")
    target = forms.ChoiceField(label="Naar status")
    label = forms.CharField(label="Knoptekst", max_length=120)

    def __init__(self, *args: Any, statuses: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("source", "target"):
            self.fields[name].choices = [("", "Kies een status"), *statuses]  # type: ignore[attr-defined]


StatusFormSet = formset_factory(StatusForm, extra=1, can_delete=True)
TransitionFormSet = formset_factory(TransitionForm, extra=2, can_delete=True)


def status_specs(formset: Any) -> list[StatusSpec]:
    return [
        StatusSpec(
            code=form.cleaned_data["code"],
            name=form.cleaned_data["name"],
            order=form.cleaned_data["order"],
            is_initial=form.cleaned_data["is_initial"],
            is_final=form.cleaned_data["is_final"],
            resident_text=form.cleaned_data["resident_text"],
            norm_days=form.cleaned_data.get("norm_days"),
        )
        for form in formset.forms
        if form.has_changed() or form.initial
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def transition_specs(formset: Any) -> list[TransitionSpec]:
    return [
        TransitionSpec(
            source=form.cleaned_data["source"],
            target=form.cleaned_data["target"],
            label=form.cleaned_data["label"],
        )
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def posted_status_choices(data: Any, prefix: str = "statussen") -> list[tuple[str, str]]:
    """The statuses typed on the page (also the new ones), so a transition can point at a
    status added in the same save."""
    choices = []
    total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
    for index in range(min(total, 200)):
        code = (data.get(f"{prefix}-{index}-code") or "").strip()
        if code and not data.get(f"{prefix}-{index}-DELETE"):
            choices.append((code, (data.get(f"{prefix}-{index}-name") or code).strip()))
    return choices
