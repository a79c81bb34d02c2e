# SPDX-License-Identifier: EUPL-1.2
"""Validation of the URLs a zaak refers to: local resources are resolved without a request
(the server may run single-threaded), others are fetched and their shape checked."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import requests
from django.urls import Resolver404, resolve
from rest_framework import exceptions

TIMEOUT_SECONDS = 5


def invalid(field: str, code: str, message: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({field: [exceptions.ErrorDetail(message, code=code)]})


def is_local(url: str) -> bool:
    try:
        resolve(urlparse(url).path)
    except Resolver404:
        return False
    return True


def fetch(url: str) -> Any:
    """The JSON behind a remote URL ({} if it answers something else), or None if it does
    not answer 200 (bad-url)."""
    try:
        response = requests.get(url, timeout=TIMEOUT_SECONDS)
    except requests.RequestException:
        return None
    if response.status_code != 200:
        return None
    try:
        return response.json()
    except ValueError:
        return {}


def check_remote(url: str, field: str, keys: tuple[str, ...]) -> None:
    """bad-url if the URL does not answer with JSON, invalid-resource if it lacks `keys`."""
    if not url or is_local(url):
        return
    body = fetch(url)
    if body is None:
        raise invalid(field, "bad-url", "De URL verwijst niet naar een bestaand object.")
    if not isinstance(body, dict) or any(key not in body for key in keys):
        raise invalid(field, "invalid-resource", "De URL verwijst naar een ander soort object.")
