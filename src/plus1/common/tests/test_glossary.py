# SPDX-License-Identifier: EUPL-1.2
"""docs/glossary.md names every model class of the code base, so a newcomer can look up
what a Dutch term is called in the code and the other way round."""

import re
from pathlib import Path

from django.apps import apps

GLOSSARY = Path(__file__).resolve().parents[4] / "docs" / "glossary.md"


def code_names(text: str) -> set[str]:
    """Every identifier inside backticks: `cases.Role`, `Case.initiator`, `Party`, …"""
    return {
        word
        for quoted in re.findall(r"`([^`]+)`", text)
        for word in re.split(r"[^A-Za-z0-9_]+", quoted)
        if word
    }


def test_every_model_class_is_in_the_glossary():
    named = code_names(GLOSSARY.read_text())
    models = [m for m in apps.get_models() if m.__module__.startswith("plus1.")]
    missing = sorted(f"{m._meta.app_label}.{m.__name__}" for m in models if m.__name__ not in named)

    assert len(models) > 40
    assert missing == []


def test_the_check_sees_a_missing_model():
    assert "Kanaal" not in code_names("| kanaal | `events.Abonnement` | … |")
    assert "Kanaal" in code_names("| kanaal | `events.Kanaal` | … |")
