# SPDX-License-Identifier: EUPL-1.2
"""Walk every URL of the project: no endpoint may hand out personal data without declaring
its processing activity, and no declared endpoint may show someone's data without a trail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from plus1.common.testing.factories import ResidentFactory
from plus1.privacy.declarations import declaration_of
from plus1.privacy.models import DataTrailRecord
from plus1.privacy.tests.conftest import World

# Views that need no declaration, and why.
ALLOWLIST_ROUTES = ("beheer/",)  # the admin: administrators only, with its own LogEntry trail
ALLOWLIST_PREFIXES = (
    "django.contrib.admin.",
    "django.views.static.",  # static files
    "drf_spectacular.",  # the OpenAPI document
)
ALLOWLIST_VIEWS = {
    "plus1.common.views.health",  # liveness only; common may not depend on privacy
    "plus1.common.views.security_txt",  # the configured security contact only
    "plus1.common.views.favicon",  # a fixed image
    "django.views.i18n.set_language",  # sets the language cookie and redirects back
    "django.views.generic.base.RedirectView",  # redirects carry no data
}
# Views of other contexts that existed before this test and still have to declare themselves.
# Their owners remove a line by adding @no_personal_data / @own_data / @processing_activity(...).
# A NEW view that is not declared fails this test.
PENDING = {}


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, Any]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.callback


def _name(callback: Any) -> str:
    target = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
    return f"{target.__module__}.{target.__qualname__}"


def _exempt(name: str, route: str = "") -> bool:
    return (
        route.startswith(ALLOWLIST_ROUTES)
        or name.startswith(ALLOWLIST_PREFIXES)
        or name in ALLOWLIST_VIEWS
        or name in PENDING
    )


def test_every_endpoint_declares_whether_it_returns_personal_data() -> None:
    missing = sorted(
        f"{route} → {_name(callback)}"
        for route, callback in _walk(get_resolver())
        if declaration_of(callback) is None and not _exempt(_name(callback), route)
    )
    assert not missing, "Endpoints without a personal-data declaration:\n" + "\n".join(missing)


def test_the_walk_sees_the_projects_views() -> None:
    names = {_name(callback) for _, callback in _walk(get_resolver())}
    assert "plus1.workbench.views.case_detail" in names
    assert "plus1.privacy.api.views.SharedData" in names


def _concrete(route: str, world: World) -> str | None:
    values = {
        "identification": world.case.identification,
        "fmt": "json",
        "code": world.activity.code,
    }
    if "(" in route:
        return None
    route = route.replace("^", "").replace("$", "").replace("\\", "")
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values.get(m[1], "\0"), route)
    return None if "\0" in path else "/" + path


def test_no_personal_data_leaves_without_a_trail_record(world: World) -> None:
    """GET every reachable endpoint as a staff member and as another resident; whenever the
    resident's name comes back, a trail record must have been written in that request."""
    marker = world.resident.name.encode()
    other = Client()
    other.force_login(ResidentFactory(name="Bert Bezoeker").user)
    checked = 0
    for route, callback in _walk(get_resolver()):
        name = _name(callback)
        path = _concrete(route, world)
        if path is None or _exempt(name, route):
            continue
        for who, client in (("staff", world.staff_client()), ("another resident", other)):
            before = DataTrailRecord.objects.count()
            response = client.get(path)
            checked += 1
            if response.status_code != 200 or marker not in response.content:
                continue
            assert DataTrailRecord.objects.count() > before, (
                f"{path} ({name}) showed {who} data without a trail"
            )
    assert checked > 20


def test_an_undeclared_view_is_caught(settings) -> None:
    settings.ROOT_URLCONF = "plus1.privacy.tests.undeclared_urls"
    missing = [
        route for route, callback in _walk(get_resolver()) if declaration_of(callback) is None
    ]
    assert missing == ["lek/"]
