# SPDX-License-Identifier: EUPL-1.2
"""Typed environment helpers that fail loudly, and the register that documents them.

Every setting read from the environment goes through one of these helpers with a
``help`` text; ``plus1 envdocs`` writes docs/configuration.md from that register.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class EnvVar:
    name: str
    kind: str
    default: str
    help: str


REGISTRY: dict[str, EnvVar] = {}


def _raw(name: str, default: object, kind: str, help: str) -> str | None:
    shown = str(default).lower() if isinstance(default, bool) else str(default)
    REGISTRY[name] = EnvVar(name, kind, shown, help)
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    return os.environ.get(name)


def env_str(name: str, default: str, *, help: str) -> str:
    value = _raw(name, default, "text", help)
    return default if value is None else value


def env_bool(name: str, default: bool, *, help: str) -> bool:
    value = _raw(name, default, "boolean", help)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int, *, help: str) -> int:
    value = _raw(name, default, "integer", help)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str], *, help: str) -> list[str]:
    value = _raw(name, ",".join(default), "comma-separated list", help)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str, default: str, *, help: str) -> str:
    """Like env_str, but the value may also come from the file named by NAME_FILE."""
    value = _raw(name, default and "(demo value)", "secret", help)
    return default if value is None else value
