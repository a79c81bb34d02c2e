# SPDX-License-Identifier: EUPL-1.2
"""What a resident typed, as the finder understands it: the language asked in, and per word
the terms it may mean (itself, the products' words for it, its Dutch for an English word).

The lexicon (data/finder-lexicon.yaml) holds what the product texts cannot know: everyday
synonyms, English words and the words that make a question a report about the street.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_FILE = Path(__file__).parent / "data" / "finder-lexicon.yaml"
MAX_PHRASE = 4  # longest lexicon phrase, in words
# English words that Dutch uses too: they translate, but do not make a question English.
SHARED_WORDS = frozenset({"baby", "event", "id", "register", "party", "care", "report", "bin"})


def plain_words(text: str) -> list[str]:
    """Lower case, accents removed, letters and digits only."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", plain)


@dataclass(frozen=True)
class Lexicon:
    synonyms: dict[tuple[str, ...], list[str]]
    english: dict[tuple[str, ...], list[str]]
    english_stopwords: frozenset[str]
    report_words: frozenset[tuple[str, ...]]


def _phrases(mapping: dict[str, str]) -> dict[tuple[str, ...], list[str]]:
    return {tuple(plain_words(key)): plain_words(value) for key, value in mapping.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    document = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    report = {tuple(plain_words(w)) for w in document["report_words"].split()}
    report |= {("niet", "opgehaald"), ("not", "collected"), ("doet", "het", "niet")}
    return Lexicon(
        synonyms=_phrases(document["synonyms"]),
        english=_phrases(document["english"]),
        english_stopwords=frozenset(document["english_stopwords"].split()),
        report_words=frozenset(report),
    )


def lexicon_words() -> set[str]:
    """Every Dutch word of the lexicon: everyday words and what they, and English, stand for."""
    lex = lexicon()
    found = {word for phrase in lex.synonyms for word in phrase}
    for table in (lex.synonyms, lex.english):
        found |= {word for meant in table.values() for word in meant}
    return found


@dataclass
class Slot:
    """One word of the question: what it said, and the words it may mean besides itself."""

    word: str
    alternatives: list[str] = field(default_factory=list)


@dataclass
class Query:
    language: str  # "nl" or "en"
    slots: list[Slot]
    is_report: bool


def _match(words: list[str], start: int, table: dict[tuple[str, ...], list[str]]) -> int:
    """Length of the longest phrase of `table` at words[start:], 0 when none."""
    for size in range(min(MAX_PHRASE, len(words) - start), 0, -1):
        if tuple(words[start : start + size]) in table:
            return size
    return 0


def _is_english(words: list[str], lex: Lexicon, dutch_stopwords: frozenset[str]) -> bool:
    english = dutch = 0
    i = 0
    while i < len(words):
        size = _match(words, i, lex.english)
        phrase = words[i : i + max(size, 1)]
        if size and not (size == 1 and phrase[0] in SHARED_WORDS):
            english += size
        elif words[i] in lex.english_stopwords and words[i] not in dutch_stopwords:
            english += 1
        elif words[i] in dutch_stopwords:
            dutch += 1
        i += max(size, 1)
    return english > dutch and (english >= 2 or len(words) == 1) and english * 2 >= len(words)


def _is_report(words: list[str], lex: Lexicon) -> bool:
    return any(
        tuple(words[i : i + size]) in lex.report_words
        for size in (1, 2, 3)
        for i in range(len(words) - size + 1)
    )


def understand(text: str, dutch_stopwords: frozenset[str]) -> Query:
    """The language, the word slots and whether it is a report; stop words are dropped."""
    lex = lexicon()
    words = plain_words(text)
    english = _is_english(words, lex, dutch_stopwords)
    slots: list[Slot] = []
    i = 0
    while i < len(words):
        size = _match(words, i, lex.english)
        if size:
            translated = lex.english[tuple(words[i : i + size])]
            # the Dutch word's everyday synonyms too (collected: opgehaald, inzameling)
            also = [w for word in translated for w in lex.synonyms.get((word,), [])]
            slots.append(Slot(translated[0], list(dict.fromkeys([*translated[1:], *also]))))
            i += size
            continue
        size = _match(words, i, lex.synonyms)
        if size:
            phrase = words[i : i + size]
            meant = lex.synonyms[tuple(phrase)]
            # a phrase means what it stands for; a single word is also itself
            slots.append(Slot(meant[0], meant[1:]) if size > 1 else Slot(phrase[0], meant))
            i += size
            continue
        word = words[i]
        i += 1
        if word in dutch_stopwords or word in lex.english_stopwords or len(word) < 2:
            continue
        slots.append(Slot(word))
    return Query("en" if english else "nl", slots, _is_report(words, lex))
