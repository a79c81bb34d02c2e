# SPDX-License-Identifier: EUPL-1.2
"""A plain Dutch title and one-line explanation for a UPL product that has no hand-written
text yet ("paspoort tweede" becomes "Tweede paspoort"). They are marked for editorial review
in the admin; a text written by the municipality always wins."""

from __future__ import annotations

import re

# Abbreviations residents know in capitals.
ACRONYMS = {
    "aed", "aow", "bag", "brp", "bsn", "ggd", "ioaw", "ioaz", "oggz", "ozb", "pgb", "pmd",
    "rni", "vog", "vve", "wmo", "woz", "ww", "apk", "kvk", "rdw",
}  # fmt: skip
PROPER = {
    "wajong": "Wajong",
    "valys": "Valys",
    "nederland": "Nederland",
    "nederlandse": "Nederlandse",
}
# "<subject> <word>" reads better as "<Word> <joint> <subject>".
LEADING = {
    "aangifte": "van",
    "inzage": "in",
    "kopie": "van",
    "melding": "van",
    "toestemming": "voor",
    "ontheffing": "voor",
    "vergunning": "voor",
    "inschrijving": "van",
    "omzetting": "van",
    "verklaring": "",
}
ORDINALS = {"tweede", "nieuw", "nieuwe", "tijdelijk", "tijdelijke"}
DROPPED = {"omgevingsplanactiviteit"}  # jargon that adds nothing for a resident
KIND_SENTENCES = {  # ProductKind values, in order of preference
    "application": "U vraagt dit aan bij {provider}.",
    "report": "U meldt dit bij {provider}.",
    "subsidy": "Een subsidie van {provider}.",
    "obligation": "Dit moet u regelen bij {provider}.",
}
PROVIDERS = {  # Layer values
    "gemeente": "de gemeente",
    "rijk": "het Rijk",
    "provincie": "de provincie",
    "waterschap": "het waterschap",
}


def _word(word: str) -> str:
    """Acronyms in capitals, also inside a word (brp-uittreksel, (ozb))."""
    return re.sub(
        r"[a-z]+",
        lambda m: m[0].upper() if m[0] in ACRONYMS else PROPER.get(m[0], m[0]),
        word,
    )


def plain_title(upl_name: str) -> str:
    words = [w for w in re.split(r"\s+", upl_name.strip().lower()) if w and w not in DROPPED]
    if len(words) >= 2 and words[-1] in ORDINALS:
        words = [words[-1], *words[:-1]]
    elif len(words) >= 2 and words[-1] in LEADING:
        joint = LEADING[words[-1]]
        words = [words[-1], *([joint] if joint else []), *words[:-1]]
    elif len(words) >= 3 and words[0].startswith("omgevingsvergunning"):
        words = [words[0], "voor", *words[1:]]
    text = " ".join(_word(w) for w in words)
    return text[:1].upper() + text[1:]


def plain_summary(*, kinds: list[str], layers: list[str], basis_label: str = "") -> str:
    layer = "gemeente" if "gemeente" in layers or not layers else layers[0]
    provider = PROVIDERS.get(layer, "de overheid")
    kind = next((k for k in KIND_SENTENCES if k in kinds), "")
    first = KIND_SENTENCES.get(kind, "Dit regelt u bij {provider}.").format(provider=provider)
    return (
        f"{first} Dit staat in {basis_label[:1].lower()}{basis_label[1:]}."
        if basis_label
        else first
    )
