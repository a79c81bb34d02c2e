# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

import pytest

from plus1.catalog.evaluation import finder_evaluate, parse_cases
from plus1.catalog.finder import terms
from plus1.catalog.models import Product
from plus1.catalog.selectors import product_provider, products_search
from plus1.common.testing.factories import ProductFactory

DATA = Path(__file__).parent / "data"


def _names(text, **kwargs):
    return [p.name for p in products_search(text, **kwargs)]


def test_terms_are_dutch_stems_without_stop_words():
    assert terms("Ik ga verhuizen") == terms("verhuizing")
    assert terms("de het een") == []
    assert terms("Crèche") == terms("creche")


@pytest.mark.django_db
def test_a_synonym_finds_the_product_and_stemming_matches_word_forms():
    ProductFactory(name="Kinderbijslag", resident_words="kindergeld\ngeld voor kinderen")
    ProductFactory(name="Parkeervergunning", resident_words="auto parkeren")
    assert _names("kindergeld")[0] == "Kinderbijslag"
    assert _names("waar kan ik mijn auto parkeren")[0] == "Parkeervergunning"


@pytest.mark.django_db
def test_a_compound_word_is_found_by_its_parts():
    ProductFactory(name="Huishoudelijk afvalwatermelding", resident_words="")
    assert _names("afvalwater") == ["Huishoudelijk afvalwatermelding"]


@pytest.mark.django_db
def test_a_change_to_a_product_is_found_at_once():
    product = ProductFactory(name="Hondenbelasting")
    assert _names("puppy") == []
    product.resident_words = "puppy"
    product.save()
    assert _names("puppy") == ["Hondenbelasting"]


@pytest.mark.django_db
def test_audience_filter_and_unpublished_products():
    ProductFactory(name="Terras vergunning", audience=Product.Audience.BUSINESSES)
    ProductFactory(name="Terras schoonmaken", audience=Product.Audience.RESIDENTS)
    ProductFactory(name="Terras verborgen", published=False)
    assert _names("terras", audience="businesses") == ["Terras vergunning"]
    assert "Terras verborgen" not in _names("terras")


@pytest.mark.django_db
def test_nothing_is_found_for_nonsense_or_stop_words_only():
    ProductFactory(name="Paspoort")
    assert _names("ik wil graag") == []
    assert _names("xyzzy") == []


@pytest.mark.django_db
def test_other_layers_name_their_provider(full_catalog):
    aow = products_search("aow aanvragen")[0]
    provider = product_provider(aow)
    assert provider.name == "Sociale Verzekeringsbank (SVB)" and not provider.local
    passport = products_search("paspoort kwijt")[0]
    assert product_provider(passport).local


@pytest.mark.django_db
def test_the_public_evaluation_reaches_its_targets(full_catalog):
    cases = parse_cases((DATA / "eval-public.tsv").read_text(encoding="utf-8"))
    result = finder_evaluate(cases)
    assert result.total == 40
    assert result.top3_accuracy >= 0.90, result.misses
    assert result.top1_accuracy >= 0.75, result.misses


@pytest.mark.django_db
def test_unseen_phrasings_also_reach_the_targets(full_catalog):
    """Phrasings not used to write the vocabulary: a guard against overfitting."""
    cases = parse_cases((DATA / "finder-extra.tsv").read_text(encoding="utf-8"))
    result = finder_evaluate(cases)
    assert result.top3_accuracy >= 0.90, result.misses
    assert result.top1_accuracy >= 0.75, result.misses


def test_latency_percentiles_are_read_off_the_sorted_search_times():
    from plus1.catalog.evaluation import Evaluation

    result = Evaluation(seconds=[i / 1000 for i in range(100, 0, -1)])  # 1..100 ms, unsorted
    assert result.latency_ms(50) == pytest.approx(50.0)
    assert result.latency_ms(95) == pytest.approx(95.0)
    assert result.latency_ms(100) == pytest.approx(100.0)
    assert Evaluation().latency_ms(95) == 0.0


def test_a_compound_name_is_split_into_all_its_parts():
    from plus1.catalog.finder import _Decompounder, _stem

    split = _Decompounder({_stem(w) for w in ("gehandicapten", "parkeer", "kaart", "huis")})
    assert split.parts("gehandicaptenparkeerkaart") == [
        _stem("gehandicapten"),
        _stem("parkeer"),
        _stem("kaart"),
    ]
    # the last part may be a word known nowhere else
    assert split.parts("huisnummertoekenning")[0] == "huis"
    assert split.parts("paspoort") == []


@pytest.mark.django_db
def test_a_query_word_in_the_middle_of_a_compound_name_finds_it():
    ProductFactory(name="Geslachtsregistratie", resident_words="")
    ProductFactory(name="Geslachtswijzigingsaangifte", resident_words="")
    ProductFactory(name="Adreswijziging", resident_words="")
    assert _names("geslacht wijzigen")[:1] == ["Geslachtswijzigingsaangifte"]


@pytest.mark.django_db
def test_a_compound_match_that_covers_most_of_the_word_counts_more():
    ProductFactory(name="Vaderschapsontkenning", resident_words="")
    ProductFactory(name="Personenalarmering", resident_words="")
    assert _names("personenalarm voor mijn vader")[:1] == ["Personenalarmering"]
