# SPDX-License-Identifier: EUPL-1.2
"""Offline category suggestions for public-space reports.

A small scikit-learn pipeline (TF-IDF over character and word n-grams, then logistic
regression) learns from the Dutch example reports in data/meldingen_training.tsv.
Nothing leaves the machine and nothing binary is shipped: the model is trained on first
use, once per process (well under a second), and cached.

`suggest()` uses a model fitted on every line of the data set. `evaluate()` fits the
same pipeline on the `train` lines only and scores it on the held-out `test` lines.
"""

from __future__ import annotations

import csv
import threading
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from plus1.meldingen.categories import CATEGORY_SLUGS

DATA_FILE = Path(__file__).resolve().parent / "data" / "meldingen_training.tsv"

_lock = threading.Lock()


@dataclass(frozen=True)
class Example:
    split: str  # "train" or "test"
    category: str
    text: str


@cache
def load_examples() -> tuple[Example, ...]:
    """The shipped data set; fails loudly on an unknown category or split."""
    with DATA_FILE.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        examples = tuple(Example(r["split"], r["categorie"], r["tekst"]) for r in reader)
    for number, example in enumerate(examples, start=2):
        if example.category not in CATEGORY_SLUGS or example.split not in ("train", "test"):
            raise ValueError(f"{DATA_FILE.name} line {number}: unknown category or split")
    return examples


def build_pipeline() -> Pipeline:
    """Character n-grams catch typos and compounds; word n-grams catch phrases."""
    common: dict[str, Any] = {"strip_accents": "unicode", "sublinear_tf": True}
    features = FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common)),
            ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), **common)),
        ]
    )
    # newton-cg converges in about a second here; lbfgs needs many times longer.
    classifier = LogisticRegression(C=20.0, solver="newton-cg", max_iter=1000)
    return Pipeline([("features", features), ("classifier", classifier)])


def _fit(examples: list[Example]) -> Pipeline:
    pipeline = build_pipeline()
    pipeline.fit([e.text for e in examples], [e.category for e in examples])
    return pipeline


@cache
def _model() -> Pipeline:
    return _fit(list(load_examples()))


def model() -> Pipeline:
    """The production model, trained once per process."""
    with _lock:
        return _model()


def suggest(text: str) -> list[tuple[str, float]]:
    """Every category slug with its probability for this text, most likely first."""
    pipeline = model()
    probabilities = pipeline.predict_proba([text])[0]
    classes = pipeline.classes_
    ranked = sorted(zip(classes, probabilities, strict=True), key=lambda pair: -pair[1])
    return [(str(slug), float(p)) for slug, p in ranked]


def evaluate() -> dict[str, Any]:
    """Accuracy of the pipeline on the held-out part: top-1 overall and per category, top-3."""
    examples = load_examples()
    train = [e for e in examples if e.split == "train"]
    test = [e for e in examples if e.split == "test"]
    pipeline = _fit(train)
    probabilities = pipeline.predict_proba([e.text for e in test])
    totals: Counter[str] = Counter(e.category for e in test)
    correct: Counter[str] = Counter()
    in_top3 = 0
    mistakes = []
    for example, row in zip(test, probabilities, strict=True):
        ranked = [str(pipeline.classes_[i]) for i in row.argsort()[::-1]]
        predicted = ranked[0]
        in_top3 += example.category in ranked[:3]
        if predicted == example.category:
            correct[example.category] += 1
        else:
            mistakes.append(
                {"tekst": example.text, "verwacht": example.category, "voorspeld": predicted}
            )
    return {
        "accuracy": sum(correct.values()) / len(test),
        "top3_accuracy": in_top3 / len(test),
        "n_train": len(train),
        "n_test": len(test),
        "per_category": {
            slug: {"accuracy": correct[slug] / totals[slug], "n_test": totals[slug]}
            for slug in CATEGORY_SLUGS
        },
        "mistakes": mistakes,
    }
