# SPDX-License-Identifier: EUPL-1.2
"""Test helper: send an online request the way a resident does, through every page of the
form and "Controleer uw antwoorden"."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def send_request(client: Any, slug: str, answers: dict[str, Any]) -> Any:
    """Post `answers` on each page until the check page, then send. Returns the last response:
    a redirect to the confirmation, or the page (400) that shows what is wrong."""
    form_url = reverse("portal:request", args=[slug])
    check_url = reverse("portal:request-check", args=[slug])
    step = 1
    for _ in range(20):
        response = client.post(form_url, {**answers, "stap": step, "actie": "verder"})
        if response.status_code != 302:
            return response
        if response["Location"] == check_url:
            return client.post(check_url)
        step += 1
    raise AssertionError("the form did not reach the check page")
