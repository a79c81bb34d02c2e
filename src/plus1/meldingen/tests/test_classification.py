# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

import pytest
from django.core.management import call_command

from plus1.meldingen.categories import (
    CATEGORIES,
    CATEGORY_SLUGS,
    get_category,
    service_deadline,
)
from plus1.meldingen.classification import evaluate, load_examples, suggest

# Written for these tests; none of them is in the data set (checked below).
CLEAR_EXAMPLES = [
    ("De lantaarnpaal bij mijn voordeur geeft al dagen geen licht", "verlichting"),
    ("lantarenpaal brand niet meer", "verlichting"),
    ("Er staan vuilniszakken naast de container", "afval"),
    ("Een grote boom is omgewaaid en ligt op het voetpad", "groen"),
    ("Diep gat in het asfalt bij de kruising", "wegen"),
    ("De schommel in de speeltuin is kapot", "straatmeubilair"),
    ("Het stoplicht bij de school staat steeds op rood", "verkeer"),
    ("Het riool stinkt en de put is verstopt", "water"),
    ("Er ligt een dode kat op straat", "dieren"),
    ("Elke nacht harde muziek en geschreeuw van hangjongeren", "overlast"),
    ("Hoe vraag ik een nieuw paspoort aan?", "overig"),
]


@pytest.fixture(scope="module")
def evaluation():
    return evaluate()


def test_slugs_are_the_api():
    assert CATEGORY_SLUGS == (
        "afval", "verlichting", "groen", "wegen", "straatmeubilair",
        "verkeer", "water", "dieren", "overlast", "overig",
    )  # fmt: skip


@pytest.mark.parametrize("category", CATEGORIES, ids=lambda c: c.slug)
def test_every_category_has_subcategories_and_a_service_level(category):
    assert category.name
    assert 3 <= len(category.subcategories) <= 6
    assert len({sub.slug for sub in category.subcategories}) == len(category.subcategories)
    assert category.service_level_days > 0


def test_service_deadline_counts_working_days_and_skips_holidays():
    assert get_category("verlichting").service_level_days == 5
    # Reported on Friday 24 April 2026; Monday 27 April is Koningsdag.
    assert service_deadline("verlichting", dt.date(2026, 4, 24)) == dt.date(2026, 5, 4)


@pytest.mark.parametrize(("text", "expected"), CLEAR_EXAMPLES)
def test_clear_reports_get_the_right_category_first(text, expected):
    ranked = suggest(text)
    assert ranked[0][0] == expected
    assert ranked[0][1] > ranked[1][1]


def test_suggest_ranks_every_category_with_probabilities_summing_to_one():
    ranked = suggest("Het bankje in het park is kapot")
    slugs = [slug for slug, _ in ranked]
    probabilities = [p for _, p in ranked]
    assert sorted(slugs) == sorted(CATEGORY_SLUGS)
    assert probabilities == sorted(probabilities, reverse=True)
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert sum(probabilities) == pytest.approx(1.0, abs=1e-6)


def test_data_set_is_large_enough_and_held_out_part_is_separate():
    examples = load_examples()
    train = {e.text.lower() for e in examples if e.split == "train"}
    test = [e for e in examples if e.split == "test"]
    for slug in CATEGORY_SLUGS:
        assert sum(1 for e in examples if e.category == slug) >= 50, slug
        assert sum(1 for e in test if e.category == slug) >= 10, slug
    assert 0.15 <= len(test) / len(examples) <= 0.25
    assert not [e.text for e in test if e.text.lower() in train]
    in_data = {e.text.lower() for e in examples}
    assert not [text for text, _ in CLEAR_EXAMPLES if text.lower() in in_data]


def test_held_out_accuracy_is_at_least_80_percent(evaluation):
    assert evaluation["n_test"] >= 100
    assert evaluation["accuracy"] >= 0.80
    assert evaluation["top3_accuracy"] >= 0.90  # the form shows the first three
    assert set(evaluation["per_category"]) == set(CATEGORY_SLUGS)


def test_command_prints_the_evaluation(capsys):
    call_command("meldingen", "evaluate-classifier")
    out = capsys.readouterr().out
    assert "Juist op de apart gehouden meldingen:" in out
    assert "Straatverlichting (verlichting)" in out
    assert "%" in out
