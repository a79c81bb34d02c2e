# SPDX-License-Identifier: EUPL-1.2
"""What the finder makes of a question: typos, compounds, synonyms, English, reports."""

from pathlib import Path

import pytest

from plus1.catalog.evaluation import finder_evaluate, parse_cases
from plus1.catalog.finder import STOPWORDS
from plus1.catalog.finder_query import understand
from plus1.catalog.plain_texts import plain_summary, plain_title
from plus1.catalog.selectors import finder_answer, products_az, products_search
from plus1.common.testing.factories import ProductFactory

DATA = Path(__file__).parent / "data"
PUBLIC = DATA / "eval-public.tsv"


def _names(text, **kwargs):
    return [p.name for p in products_search(text, **kwargs)]


@pytest.mark.django_db
def test_one_typing_error_still_finds_the_product():
    ProductFactory(name="Parkeervergunning", resident_words="")
    ProductFactory(name="Paspoort", resident_words="")
    assert _names("parkeervergunnning")[:1] == ["Parkeervergunning"]
    assert _names("pasport")[:1] == ["Paspoort"]


@pytest.mark.django_db
def test_a_compound_the_index_does_not_know_is_split_into_its_parts():
    ProductFactory(name="Compostvat", resident_words="")
    ProductFactory(name="Afvalinzameling glas", resident_words="")
    assert _names("glas afval")[:1] == ["Afvalinzameling glas"]
    assert _names("compostbakje")[:1] == ["Compostvat"]


@pytest.mark.django_db
def test_english_words_are_understood_and_the_answer_language_is_english():
    ProductFactory(name="Paspoort", name_en="Passport", resident_words="paspoort kwijt")
    ProductFactory(name="Rijbewijs", resident_words="")
    answer = finder_answer("I lost my passport")
    assert answer.language == "en"
    assert [p.name for p in answer.products][:1] == ["Paspoort"]
    assert finder_answer("paspoort kwijt").language == "nl"


def test_a_question_that_is_really_a_report_is_recognised():
    assert understand("mijn vuilnis is niet opgehaald", STOPWORDS).is_report
    assert understand("lantaarnpaal kapot", STOPWORDS).is_report
    assert understand("my wheelie bin is broken", STOPWORDS).is_report
    assert not understand("paspoort aanvragen", STOPWORDS).is_report


def test_derived_titles_read_as_plain_dutch():
    assert plain_title("paspoort tweede") == "Tweede paspoort"
    assert plain_title("adoptie aangifte") == "Aangifte van adoptie"
    assert plain_title("brp-uittreksel met gezag") == "BRP-uittreksel met gezag"
    assert plain_title("schuldkwijtschelding wajong") == "Schuldkwijtschelding Wajong"
    assert plain_summary(kinds=["application"], layers=["rijk"], basis_label="Artikel 1 Wet x") == (
        "U vraagt dit aan bij het Rijk. Dit staat in artikel 1 Wet x."
    )


@pytest.mark.django_db
def test_a_to_z_filters_by_audience_and_layer():
    ProductFactory(name="Hondenbelasting", audience="residents", layers=["gemeente"])
    ProductFactory(name="Waterschapsbelasting", audience="both", layers=["waterschap"])
    ProductFactory(name="Terrasvergunning", audience="businesses", layers=["gemeente"])
    assert [p.name for p in products_az(audience="residents")] == [
        "Hondenbelasting",
        "Waterschapsbelasting",
    ]
    assert [p.name for p in products_az(layer="waterschap")] == ["Waterschapsbelasting"]


@pytest.mark.django_db
def test_every_upl_product_gets_a_plain_title_marked_for_review(full_catalog):
    from plus1.catalog.models import Product

    derived = Product.objects.filter(text_reviewed=False, published=True)
    assert derived.count() > 1000
    assert derived.filter(summary="").count() == 0
    assert Product.objects.get(upl_name="paspoort tweede").name == "Tweede paspoort"
    assert Product.objects.get(upl_uri__endswith="/paspoort").text_reviewed


# (set, top-1, top-3) the finder must keep reaching: the target (85% / 95%) on every
# set, see docs/product-finder.md.
FLOORS = [
    (PUBLIC, 0.85, 0.95),
    (DATA / "finder-extra.tsv", 0.85, 0.95),
    (DATA / "finder-unseen.tsv", 0.85, 0.95),
    (DATA / "finder-holdout.tsv", 0.85, 0.95),
]


@pytest.mark.django_db
def test_finder_keeps_its_accuracy_on_every_evaluation_set(full_catalog):
    below = {}
    for path, top1, top3 in FLOORS:
        result = finder_evaluate(parse_cases(path.read_text(encoding="utf-8")))
        if result.top1_accuracy < top1 or result.top3_accuracy < top3:
            below[path.name] = (result.top1_accuracy, result.top3_accuracy, result.misses)
    assert below == {}


@pytest.mark.django_db
def test_an_english_word_brings_the_everyday_dutch_words_for_it():
    # "collected" is "opgehaald", which residents use for the collection (inzameling)
    ProductFactory(name="Papier", resident_words="")
    ProductFactory(name="Afvalinzameling papier", resident_words="")
    assert [p.name for p in finder_answer("paper collected").products][:1] == [
        "Afvalinzameling papier"
    ]


@pytest.mark.django_db
def test_a_lexicon_phrase_means_what_it_stands_for_not_its_own_words():
    ProductFactory(name="Handhavingsverzoek", resident_words="")
    ProductFactory(name="Omgevingsvergunning bouw", resident_words="")
    ProductFactory(name="Evenementenvergunning", resident_words="")
    names = [p.name for p in finder_answer("de buren bouwen zonder vergunning").products]
    assert names[:1] == ["Handhavingsverzoek"]
    assert "Evenementenvergunning" not in names
