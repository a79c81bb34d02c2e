# SPDX-License-Identifier: EUPL-1.2
"""The product finder: field-weighted BM25 over Dutch stems, in memory, the same on every database.

The index is built from the published products (name, resident words, texts, provider, legal
bases) and cached per process; a cheap fingerprint query (count and last change of products and
organisations) tells when it must be rebuilt, so every worker notices changes made elsewhere.
"""

from __future__ import annotations

import bisect
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

from plus1.catalog.finder_query import Query, Slot, lexicon_words, understand
from plus1.catalog.models import Organisation, Product, ProductKind

# Weight of each field: a word in the product's name counts more than one in its explanation.
FIELD_WEIGHTS = {"name": 3.0, "parts": 1.5, "words": 2.5, "provider": 1.0, "text": 1.0, "law": 0.4}
# Length normalisation per field: a long list of synonyms should not dilute each synonym.
FIELD_B = {"name": 0.75, "parts": 0.75, "words": 0.2, "provider": 0.5, "text": 0.6, "law": 0.5}
K1 = 1.2
PARTIAL = 0.5  # a query word that is the first or last part of a compound (afvalwater-melding)
MIN_PART = 4
COVER = 0.7  # a compound match that covers more than this much of the word counts more
MIN_TAIL = 5  # the shortest unknown last part of a compound name
MIN_TYPO = 5  # shorter words have too many neighbours one typo away
TYPO = 0.7
SPLIT = 0.7
ALTERNATIVE = 0.85  # a synonym or translation counts a little less than the word itself
REPORT_BOOST = 1.5  # a question that is a report: products that take reports first
MORE_WORDS = 0.25  # a product that matches more of a slot's meanings ranks a little higher
CURATED_PRIOR = 1.3  # products the municipality described for residents are the ones asked for
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


def plain_terms(text: str) -> list[str]:
    """Lower-case, accent-free words without stop words, not yet stemmed."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain)
    return [word for word in words if word not in STOPWORDS and len(word) > 1]


def terms(text: str) -> list[str]:
    """Lower-case, accent-free, stop words removed, Dutch stems."""
    return [_stem(word) for word in plain_terms(text)]


def _fields(product: Product) -> dict[str, str]:
    return {
        "name": f"{product.name} {product.upl_name}",
        "words": product.resident_words,
        "provider": product.provider.name if product.provider else "",
        "text": f"{product.summary} {product.description}",
        "law": " ".join(basis.label for basis in product.legal_bases.all()),
    }


def _starting_with(words: list[str], part: str) -> list[str]:
    """The words of a sorted list that start with `part` (a range, found by bisection)."""
    start = bisect.bisect_left(words, part)
    end = bisect.bisect_left(words, part + "\uffff", start)
    return words[start:end]


@dataclass
class Index:
    ids: list[int] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    priors: list[float] = field(default_factory=list)
    reports: list[bool] = field(default_factory=list)
    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    _expansions: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    _deletions: dict[str, set[str]] = field(default_factory=dict)
    _sorted: list[str] = field(default_factory=list)  # index terms, for prefix lookups
    _reversed: list[str] = field(default_factory=list)  # reversed, for suffix lookups
    _decompounder: _Decompounder | None = None  # splits query words into index terms

    @classmethod
    def build(cls, products: list[Product]) -> Index:
        index = cls()
        plains = [{name: plain_terms(text) for name, text in _fields(p).items()} for p in products]
        tokens = [{name: list(map(_stem, plain)) for name, plain in f.items()} for f in plains]
        known = {word for fields in tokens for stems in fields.values() for word in stems}
        known |= {_stem(word) for word in lexicon_words() if len(word) >= MIN_PART}
        split = _Decompounder(known)
        for fields, plain in zip(tokens, plains, strict=True):  # afvalinzameling: afval, inzameling
            fields["parts"] = [part for word in plain["name"] for part in split.parts(word)]
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
            # the UPL marks reports to the government; its "melding …" products take reports too
            index.reports.append(
                ProductKind.REPORT in product.kinds
                or product.upl_name.lower().startswith("melding ")
            )
            weighted: dict[str, float] = defaultdict(float)
            for name, words in fields.items():
                norm = 1 - FIELD_B[name] + FIELD_B[name] * len(words) / average[name]
                for word in words:
                    weighted[word] += FIELD_WEIGHTS[name] / norm
            for word, tf in weighted.items():
                postings[word][doc] = tf / (K1 + tf)
        n = len(products)
        index.postings = dict(postings)
        index._decompounder = _Decompounder(set(postings))
        long_terms = [term for term in postings if len(term) >= MIN_PART]
        index._sorted = sorted(long_terms)
        index._reversed = sorted(term[::-1] for term in long_terms)
        for term in postings:
            if len(term) >= MIN_TYPO - 1:
                for variant in {term, *_deletions(term)}:
                    index._deletions.setdefault(variant, set()).add(term)
        index.idf = {
            w: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for w, p in postings.items()
        }
        return index

    def expand(self, term: str) -> list[tuple[str, float]]:
        """The index terms a query term matches: itself, compounds it starts or ends, and
        (when it is not an index term) the index terms one typing error away."""
        if term not in self._expansions:
            found = [(term, 1.0)] if term in self.postings else []
            if len(term) >= MIN_PART:
                found += [(other, _partial(term, other)) for other in sorted(self._compounds(term))]
            if term not in self.postings and len(term) >= MIN_TYPO:
                found += [(other, TYPO) for other in self._one_typo_away(term)]
            self._expansions[term] = found
        return self._expansions[term]

    def _compounds(self, term: str) -> set[str]:
        """Index terms that start or end with `term`, or that `term` starts or ends with."""
        found = set(_starting_with(self._sorted, term))
        found |= {word[::-1] for word in _starting_with(self._reversed, term[::-1])}
        for size in range(MIN_PART, len(term)):
            found |= {part for part in (term[:size], term[-size:]) if part in self.postings}
        found.discard(term)
        return found

    def _one_typo_away(self, term: str) -> list[str]:
        candidates: set[str] = set()
        for variant in {term, *_deletions(term)}:
            candidates |= self._deletions.get(variant, set())
        return sorted(c for c in candidates if c != term and _one_edit(term, c))

    def _split(self, word: str) -> list[str]:
        """A compound the index does not know as a whole (compostbakje): the index terms it is
        made of, else two parts the index matches, else its longest known head or tail
        (paspoortfoto: paspoort)."""
        if self._decompounder is not None and (parts := self._decompounder.parts(word)):
            return list(dict.fromkeys(parts))
        known = [
            (_stem(head), _stem(word[i:]))
            for i in range(len(word) - MIN_PART, MIN_PART - 1, -1)
            for head in (word[:i], word[: i - 1] if word[i - 1] in "se" else "")
            if len(head) >= MIN_PART
        ]
        for head, tail in known:
            if self.expand(head) and self.expand(tail):
                return [head, tail]
        longest = max(
            (part for pair in known for part in pair if len(part) > MIN_PART and self.expand(part)),
            key=len,
            default="",
        )
        return [longest] if longest else []

    def _slot_terms(self, slot: Slot) -> list[tuple[str, float]]:
        """Every (index term, weight) a slot of the question may mean; for a word the index
        does not know, also the terms of the parts it is made of."""
        words = [slot.word, *slot.alternatives]
        stems = [_stem(word) for word in words if word not in STOPWORDS and len(word) > 1]
        found: dict[str, float] = {}
        for rank, stem in enumerate(stems):
            matches = self.expand(stem)
            if rank == 0 and stem not in self.postings:
                matches = matches + [
                    (part, w * SPLIT) for p in self._split(slot.word) for part, w in self.expand(p)
                ]
            for other, weight in matches:
                weight *= 1.0 if rank == 0 else ALTERNATIVE
                found[other] = max(found.get(other, 0.0), weight)
        return list(found.items())

    def rank(self, text: str, audience: str | None = None, limit: int = 10) -> list[int]:
        """Product ids, best first."""
        return self.rank_query(understand(text, STOPWORDS), audience, limit)

    def rank_query(self, query: Query, audience: str | None = None, limit: int = 10) -> list[int]:
        slots = [terms for terms in map(self._slot_terms, query.slots) if terms]
        if not slots:
            return []
        scores: dict[int, float] = defaultdict(float)
        hits: dict[int, int] = defaultdict(int)
        for slot in slots:
            per_doc: dict[int, list[float]] = defaultdict(list)
            for other, weight in slot:
                idf = self.idf[other] * weight
                for doc, saturated in self.postings[other].items():
                    per_doc[doc].append(idf * saturated)
            for doc, values in per_doc.items():
                values.sort(reverse=True)
                scores[doc] += values[0] + MORE_WORDS * sum(values[1:3])
                hits[doc] += 1
        allowed = AUDIENCES.get(audience or "")
        candidates = [
            (
                doc,
                score
                * self.priors[doc]
                * (REPORT_BOOST if query.is_report and self.reports[doc] else 1.0)
                * (0.5 + 0.5 * hits[doc] / len(slots)),
            )
            for doc, score in scores.items()
            if allowed is None or self.audiences[doc] in allowed
        ]
        best_first = heapq.nlargest(limit, candidates, key=lambda item: (item[1], -item[0]))
        return [self.ids[doc] for doc, _ in best_first]


class _Decompounder:
    """Splits a compound name into the known words it is made of, however many
    (gehandicaptenparkeerkaart: gehandicapten, parkeer, kaart), allowing the linking s or e."""

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self._found: dict[str, list[str] | None] = {}

    def parts(self, word: str) -> list[str]:
        """The stems of the parts and of their own parts (geslachtswijziging, geslacht,
        wijziging, aangifte), or nothing when the word is not a compound of known words; the
        last part may be a word known nowhere else (huisnummer + toekenning)."""
        found = self._split(word) or []
        if len(found) < 2:
            found = next(
                (
                    [*head, word[i:]]
                    for i in range(len(word) - MIN_TAIL, MIN_PART - 1, -1)
                    if (head := self._split(word[:i]))
                ),
                [],
            )
        if len(found) < 2:
            return []
        stems = [_stem(self._head(piece)) for piece in found]
        return stems + [part for piece in found for part in self.parts(self._head(piece))]

    def _head(self, piece: str) -> str:
        """The piece without its linking s or e when only that is a known word."""
        if _stem(piece) in self.known or piece[-1] not in "se":
            return piece
        return piece[:-1]

    def _known(self, piece: str) -> bool:
        stem = _stem(self._head(piece))
        return len(stem) >= MIN_PART and stem in self.known

    def _split(self, word: str) -> list[str] | None:
        """The pieces `word` is made of, the longest known head first; None if none."""
        if word not in self._found:
            self._found[word] = None
            for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
                if self._known(word[:i]) and (rest := self._split(word[i:])):
                    self._found[word] = [word[:i], *rest]
                    break
            else:
                if self._known(word):
                    self._found[word] = [word]
        return self._found[word]


def _partial(term: str, other: str) -> float:
    """The weight of a compound match: more when the shorter covers most of the longer
    (personenalarm, personenalarmering) than when it is one part of many (vader)."""
    cover = min(len(term), len(other)) / max(len(term), len(other))
    return PARTIAL + (1 - PARTIAL) * max(0.0, cover - COVER) / (1 - COVER)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when b is a away by one insertion, deletion, substitution or swap."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


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
