# SPDX-License-Identifier: EUPL-1.2
"""Finding personal data in a text to propose for redaction.

Patterns find BSNs (only those passing the elfproef), IBANs (only those passing mod 97),
e-mail addresses, Dutch phone numbers, postcodes and street addresses (a street name ending
in a street word, with a house number). Names are not guessed: a name is redacted when it
is one of the `names` given (the case's parties, and residents the text names that the
municipality knows, see woo_selectors.known_names), in full, with initials, or as
"de heer/mevrouw <surname>". Overlapping finds keep the one that starts first (the longer
at the same start), so an e-mail address is one redaction, not a name inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from plus1.catalog.forms_schema import iban_ok
from plus1.common.bsn import is_valid_bsn
from plus1.opendata.woo_grounds import DataKind

STREET_WORDS = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|pad|steeg|hof|dreef|park|baan|markt|"
    "boulevard|plantsoen|erf|wal|veld|haven|hoek|ring|poort|burg|allee|passage"
)
STREET_WORDS_CAPITALISED = "|".join(word.capitalize() for word in STREET_WORDS.split("|"))
PREFIXES = r"(?:van der|van den|van de|van 't|in 't|van|de|der|den|het|ter|ten|te|'t)"
_NAME_WORD = r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?"

PATTERNS: list[tuple[DataKind, re.Pattern[str]]] = [
    (DataKind.EMAIL, re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")),
    (DataKind.IBAN, re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")),
    (DataKind.BSN, re.compile(r"(?<![\d.])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\d.]\d)")),
    (
        DataKind.PHONE,
        re.compile(r"(?<![\w+])(?:(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|0)[1-9](?:[ -]?\d){8}(?!\d)"),
    ),
    (DataKind.POSTCODE, re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b")),
    (
        DataKind.ADDRESS,
        re.compile(
            rf"\b(?:{_NAME_WORD}[ -])*(?:[A-ZÀ-Þ][a-zß-ÿ]*(?:{STREET_WORDS})"
            rf"|(?<=[a-zß-ÿ] )(?:{_NAME_WORD}[ -])+(?:{STREET_WORDS_CAPITALISED}))"
            r" \d{1,5}(?: ?[a-zA-Z]\b|-\d{1,4}\b| (?:bis|hs|huis)\b)?"
        ),
    ),
    (
        DataKind.ADDRESS,
        re.compile(
            rf"\b(?:Laan|Plein|Weg|Kade|Hof) (?:van |der |de |den |het )*{_NAME_WORD} \d{{1,5}}"
            r"(?: ?[a-zA-Z]\b|-\d{1,4}\b)?"
        ),
    ),
]
VALIDATORS = {
    DataKind.BSN: lambda found: is_valid_bsn(found.replace(".", "")),
    DataKind.IBAN: iban_ok,
}
_TITLES = r"(?:de heer|heer|mevrouw|mevr\.|mw\.|dhr\.|mr\.|dr\.|ir\.|drs\.)"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: DataKind

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


def _surname(name: str) -> str:
    """ "Jan de Vries" -> "de Vries": all but the first given name."""
    parts = name.split()
    return " ".join(parts[1:]) if len(parts) > 1 else ""


def name_patterns(name: str) -> list[re.Pattern[str]]:
    """A known name in full, with initials ("J. de Vries", "J.P. de Vries") or after a title."""
    name = " ".join(name.split())
    if not name:
        return []
    found = [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)]
    surname = _surname(name)
    if surname:
        surname_re = re.escape(surname).replace(r"\ ", r"\s+")
        found.append(re.compile(rf"(?<!\w)(?:[A-Z]\.\s?){{1,4}}{surname_re}(?!\w)"))
        found.append(re.compile(rf"(?<!\w){_TITLES}\s+{surname_re}(?!\w)", re.IGNORECASE))
    return found


def name_candidates(text: str) -> set[str]:
    """Runs of capitalised words (with Dutch prefixes such as "van der") that might be a
    person's name: every sub-run of two to five words, to look up among known residents."""
    run = re.compile(rf"{_NAME_WORD}(?:\s+(?:{PREFIXES}\s+)*{_NAME_WORD}){{1,4}}")
    found: set[str] = set()
    for match in run.finditer(text):
        words = match.group().split()
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 6) + 1):
                if words[i][0].isupper() and words[j - 1][0].isupper():
                    found.add(" ".join(words[i:j]))
    return found


def find_personal_data(text: str, names: Iterable[str] = ()) -> list[Found]:
    """Every span of personal data in `text`, in order, without overlaps."""
    candidates: list[Found] = []
    for kind, pattern in PATTERNS:
        check = VALIDATORS.get(kind)
        for match in pattern.finditer(text):
            if check is None or check(match.group()):
                candidates.append(Found(match.start(), match.end(), kind))
    for name in sorted(set(names)):
        for pattern in name_patterns(name):
            candidates += [Found(m.start(), m.end(), DataKind.NAME) for m in pattern.finditer(text)]
    kept: list[Found] = []
    for found in sorted(candidates, key=lambda f: (f.start, -f.end)):
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept
