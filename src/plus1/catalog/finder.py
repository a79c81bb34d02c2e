# SPDX-License-Identifier: EUPL-1.2
"""The product finder: field-weighted BM25 over Dutch stems, in memory, the same on every database.

The index is built from the published products (name, resident words, texts, provider, legal
bases) and cached per process; a cheap fingerprint query (count and last change of products and
organisations) tells when it must be rebuilt, so every worker notices changes made elsewhere.
"""

from __future__ import annotations

import heapq
import math
import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.db.models import Count, Max

from plus1.catalog.models import Organisation, Product

# Weight of each field: a word in the product's name counts more than one in its explanation.
FIELD_WEIGHTS = {"name": 3.0, "words": 2.5, "provider": 1.0, "text": 1.0, "law": 0.4}
# Length normalisation per field: a long list of synonyms should not dilute each synonym.
FIELD_B = {"name": 0.75, "words": 0.2, "provider": 0.5, "text": 0.6, "law": 0.5}
K1 = 1.2
PARTIAL = 0.5  # a query word that is the first or last part of a compound (afvalwater-melding)
MIN_PART = 4
CURATED_PRIOR = 2.0  # products the municipality described for residents are the ones asked for
AUDIENCES = {
    "residents": {Product.Audience.RESIDENTS, Product.Audience.BOTH},
    "businesses": {Product.Audience.BUSINESSES, Product.Audience.BOTH},
}

# Words that say nothing about which product is meant (a string for readability).
STOPWORDS = frozenset(
    """
    de het een en of ik je jij jou u uw mijn me mij wij we ons onze zij ze hun hem haar hij
    is ben bent zijn was waren wordt worden word heb hebt heeft hebben had kan kunnen kun wil
    wilt willen moet moeten mag mogen zou zouden ga gaat gaan in op aan van voor met bij naar
    uit over om tot door als dan dat die dit deze er hier daar wat wie waar hoe welke wanneer
    niet geen wel ook nog al nu te zo maar want toch even heel veel meer iets iemand laten laat
    doen doe graag alstublieft aub
    aanvragen aanvraag vragen regelen krijgen maken houden geven zetten nodig
    """.split()  # noqa: SIM905
)

_stemmer = snowballstemmer.stemmer("dutch")
_stem_lock = threading.Lock()


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    with _stem_lock:  # the snowball stemmer object is not thread-safe
        return str(_stemmer.stemWord(word))


def terms(text: str) -> list[str]:
    """Lower-case, accent-free, stop words removed, Dutch stems."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain)
    return [_stem(word) for word in words if word not in STOPWORDS and len(word) > 1]


def _fields(product: Product) -> dict[str, str]:
    return {
        "name": f"{product.name} {product.upl_name}",
        "words": product.resident_words,
        "provider": product.provider.name if product.provider else "",
        "text": f"{product.summary} {product.description}",
        "law": " ".join(basis.label for basis in product.legal_bases.all()),
    }


def _compound_part(a: str, b: str) -> bool:
    """True when one word is the first or last part of the other (parkeer-kaart)."""
    return a.startswith(b) or a.endswith(b) or b.startswith(a) or b.endswith(a)


@dataclass
class Index:
    ids: list[int] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    priors: list[float] = field(default_factory=list)
    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    _expansions: dict[str, list[tuple[str, float]]] = field(default_factory=dict)

    @classmethod
    def build(cls, products: list[Product]) -> Index:
        index = cls()
        tokens = [{name: terms(text) for name, text in _fields(p).items()} for p in products]
        average = {
            name: max(1.0, sum(len(t[name]) for t in tokens) / max(1, len(tokens)))
            for name in FIELD_WEIGHTS
        }
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for doc, (product, fields) in enumerate(zip(products, tokens, strict=True)):
            index.ids.append(product.pk)
            index.audiences.append(product.audience)
            curated = bool(product.resident_words or product.case_type_id)
            index.priors.append(CURATED_PRIOR if curated else 1.0)
            weighted: dict[str, float] = defaultdict(float)
            for name, words in fields.items():
                norm = 1 - FIELD_B[name] + FIELD_B[name] * len(words) / average[name]
                for word in words:
                    weighted[word] += FIELD_WEIGHTS[name] / norm
            for word, tf in weighted.items():
                postings[word][doc] = tf / (K1 + tf)
        n = len(products)
        index.postings = dict(postings)
        index.idf = {
            w: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for w, p in postings.items()
        }
        return index

    def expand(self, term: str) -> list[tuple[str, float]]:
        """The index terms a query term matches: itself, and compounds it starts or ends."""
        if term not in self._expansions:
            found = [(term, 1.0)] if term in self.postings else []
            if len(term) >= MIN_PART:
                found += [
                    (other, PARTIAL)
                    for other in self.postings
                    if other != term and len(other) >= MIN_PART and _compound_part(term, other)
                ]
            self._expansions[term] = found
        return self._expansions[term]

    def rank(self, text: str, audience: str | None = None, limit: int = 10) -> list[int]:
        """Product ids, best first."""
        query = list(dict.fromkeys(terms(text)))
        if not query:
            return []
        scores: dict[int, float] = defaultdict(float)
        hits: dict[int, int] = defaultdict(int)
        for term in query:
            best: dict[int, float] = {}
            for other, weight in self.expand(term):
                idf = self.idf[other] * weight
                for doc, saturated in self.postings[other].items():
                    best[doc] = max(best.get(doc, 0.0), idf * saturated)
            for doc, score in best.items():
                scores[doc] += score
                hits[doc] += 1
        allowed = AUDIENCES.get(audience or "")
        candidates = [
            (doc, score * self.priors[doc] * (0.5 + 0.5 * hits[doc] / len(query)))
            for doc, score in scores.items()
            if allowed is None or self.audiences[doc] in allowed
        ]
        best_first = heapq.nlargest(limit, candidates, key=lambda item: (item[1], -item[0]))
        return [self.ids[doc] for doc, _ in best_first]


_cache: dict[str, tuple[object, Index]] = {}
_cache_lock = threading.Lock()


def _fingerprint() -> object:
    products = Product.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    organisations = Organisation.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    return (*products.values(), *organisations.values())


def finder_index() -> Index:
    """The current index; rebuilt only when products or organisations changed."""
    fingerprint = _fingerprint()
    cached = _cache.get("index")
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    products = list(
        Product.objects.filter(published=True)
        .select_related("provider")
        .prefetch_related("legal_bases")
        .order_by("pk")
    )
    index = Index.build(products)
    with _cache_lock:
        _cache["index"] = (fingerprint, index)
    return index
