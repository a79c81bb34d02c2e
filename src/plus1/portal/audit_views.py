# SPDX-License-Identifier: EUPL-1.2
"""The public page of audit checkpoints: anyone can check that the log was not rewritten."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from plus1.audit import keys
from plus1.audit.checkpoints import CheckpointError, checkpoints_read
from plus1.privacy.declarations import no_personal_data

SHOWN = 100


@no_personal_data
def checkpoints(request: HttpRequest) -> HttpResponse:
    try:
        found, trusted = checkpoints_read(), True
    except CheckpointError:
        found, trusted = [], False
    context = {
        "checkpoints": list(reversed(found))[:SHOWN],
        "total": len(found),
        "trusted": trusted,
        "public_key": keys.public_key_pem(),
        "key_id": keys.key_id(),
    }
    return render(request, "audit/checkpoints.html", context)
