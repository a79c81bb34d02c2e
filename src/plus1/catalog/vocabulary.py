# SPDX-License-Identifier: EUPL-1.2
"""The shipped local vocabulary: plain-Dutch texts, resident words, channels and providers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

VOCABULARY_FILE = Path(__file__).parent / "data" / "product-vocabulary.yaml"


def vocabulary_document(path: Path = VOCABULARY_FILE) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
