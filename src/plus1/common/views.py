# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe


def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "reachable", "vendor": connection.vendor})


@contextmanager
def form_outcome(request: HttpRequest, success: str) -> Iterator[None]:
    """Run a form's service inside: its refusal is shown as an error, else `success`."""
    try:
        yield
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form post (CSRF check): explained in Dutch; Django logs the reason."""
    return render(request, "csrf_failure.html", status=403)


SECURITY_TXT_VALIDITY = timedelta(days=180)


@require_safe
def security_txt(request: HttpRequest) -> HttpResponse:
    """RFC 9116: where to report a vulnerability. 404 until a contact is configured."""
    if not settings.SECURITY_CONTACT:
        raise Http404("Geen beveiligingscontact ingesteld.")
    expires = (timezone.now() + SECURITY_TXT_VALIDITY).replace(microsecond=0)
    lines = [f"Contact: {contact}" for contact in settings.SECURITY_CONTACT]
    lines.append(f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}")
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    lines.append("Preferred-Languages: nl, en")
    lines.append(f"Canonical: {settings.BASE_URL.rstrip('/')}/.well-known/security.txt")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


FAVICON = Path(__file__).parent / "static" / "plus1" / "favicon.ico"


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for whatever the page says."""
    response = HttpResponse(FAVICON.read_bytes(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
