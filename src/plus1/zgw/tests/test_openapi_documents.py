# SPDX-License-Identifier: EUPL-1.2
"""Every ZGW API serves the standard's OpenAPI document where clients look for it: public,
without database access, with this server in `servers`, and Plus1's differences declared."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import yaml
from django.urls import URLPattern, URLResolver

from plus1.zgw import urls as zgw_urls
from plus1.zgw.openapi.documents import DOCUMENTS, METHODS, standard_document

APIS = sorted(DOCUMENTS)


def test_every_mounted_api_has_its_document():
    assert set(zgw_urls.APIS) == set(DOCUMENTS)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("suffix", ["", "/"])
def test_the_api_root_answers_the_standards_document_without_token_or_queries(
    client, db, django_assert_num_queries, api, suffix
):
    standard_document(api)  # parsed once per process; not part of what a request costs
    with django_assert_num_queries(0):
        response = client.get(f"/{api}/api/v1{suffix}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oai.openapi; charset=utf-8"
    served = yaml.safe_load(response.content)
    standard = standard_document(api)
    assert served["openapi"].startswith("3.0")
    assert served["info"]["title"] == standard["info"]["title"]
    assert served["info"]["version"] == standard["info"]["version"]
    assert list(served["paths"]) == list(standard["paths"])
    assert list(served["components"]["schemas"]) == list(standard["components"]["schemas"])
    assert served["servers"][0]["url"] == f"http://testserver/{api}/api/v1"
    assert response["API-version"] == standard["info"]["version"]


@pytest.mark.parametrize(
    ("path", "accept", "expected"),
    [
        ("/zaken/api/v1/", "application/json", "application/json"),
        ("/zaken/api/v1", "application/vnd.oai.openapi+json", "application/vnd.oai.openapi+json"),
        ("/zaken/api/v1", "application/yaml, application/json;q=0.5", "application/yaml"),
        ("/zaken/api/v1?format=json", "", "application/vnd.oai.openapi+json"),
        ("/besluiten/api/v1/schema/openapi.json", "", "application/vnd.oai.openapi+json"),
        ("/besluiten/api/v1/schema/openapi.yaml", "*/*", "application/vnd.oai.openapi"),
    ],
)
def test_the_format_follows_accept_or_the_file_name(client, path, accept, expected):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    response = client.get(path, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{expected}; charset=utf-8"
    parsed = (
        json.loads(response.content) if "json" in expected else yaml.safe_load(response.content)
    )
    assert parsed["info"]["title"] == "Zaken API" if "zaken" in path else "Besluiten API"


def test_servers_name_the_host_the_client_used(client, settings):
    settings.ALLOWED_HOSTS = ["zaken.plusstad.nl", "testserver"]
    response = client.get("/zaken/api/v1/schema/openapi.json", HTTP_HOST="zaken.plusstad.nl")
    assert response.json()["servers"][0]["url"] == "http://zaken.plusstad.nl/zaken/api/v1"
    again = client.get("/zaken/api/v1/schema/openapi.json")
    assert again.json()["servers"][0]["url"] == "http://testserver/zaken/api/v1"


def test_an_unchanged_document_is_not_sent_again(client):
    first = client.get("/autorisaties/api/v1/schema/openapi.yaml")
    again = client.get("/autorisaties/api/v1/schema/openapi.yaml", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/zaken/api/v1?format=xml", {}),
        ("/zaken/api/v1/schema/openapi.yaml?format=xml", {}),
        ("/catalogi/api/v1/", {"HTTP_ACCEPT": "application/xml"}),
        ("/catalogi/api/v1/schema/openapi.json", {"HTTP_ACCEPT": "text/html"}),
        ("/zaken/api/v1/zaken?format=xml", {}),
        ("/zaken/api/v1/zaken", {"HTTP_ACCEPT": "application/xml"}),
        ("/documenten/api/v1/enkelvoudiginformatieobjecten?format=xml", {}),
        ("/referentielijsten/api/v1/procestypen?format=xml", {}),
        ("/notificaties/api/v1/kanaal", {"HTTP_ACCEPT": "text/html"}),
    ],
)
def test_an_unknown_format_is_406_problem_json(client, db, path, headers):
    response = client.get(path, **headers)
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 406
    assert body["code"] == "not_acceptable"
    assert body["title"] == "Kan niet voldoen aan de opgegeven Accept-header."


def test_writing_to_a_document_is_405_problem_json(client):
    response = client.post("/zaken/api/v1/", {})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response["Allow"] == "GET, HEAD"


def test_what_plus1_does_differently_is_in_the_served_document(client):
    served = client.get("/documenten/api/v1/schema/openapi.json").json()
    assert "x-plus1-not-served" not in served["paths"]["/verzendingen"]["get"]
    assert "`expand=informatieobject` werkt bij verzendingen" in served["info"]["description"]
    klant = client.get("/klantinteracties/api/v1/schema/openapi.json").json()
    method, path = klant["x-plus1"]["notServed"][0].split(" ", 1)
    assert klant["paths"][path][method.lower()]["x-plus1-not-served"] is True
    assert f"Niet beschikbaar: `{method} {path}`" in klant["info"]["description"]
    catalogi = client.get("/catalogi/api/v1/schema/openapi.json").json()
    assert catalogi["x-plus1"]["extensions"] == [
        "PUT /catalogussen/{uuid}",
        "PATCH /catalogussen/{uuid}",
        "DELETE /catalogussen/{uuid}",
    ]


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


@pytest.mark.parametrize("api", APIS)
def test_references_resolve_on_this_server(client, api):
    """The standard's files point at GitHub and at paths of the VNG repository; served, every
    reference is inside the document or to a schema that the other API's document has."""
    served = client.get(f"/{api}/api/v1/schema/openapi.json").json()
    for ref in set(_refs(served)):
        location, _, fragment = ref.partition("#")
        if location:
            assert re.fullmatch(
                r"/(catalogi|zaken|documenten)/api/v1/schema/openapi\.json", location
            )
            target = client.get(location).json()
        else:
            target = served
        for key in fragment.strip("/").split("/"):
            assert key in target, ref
            target = target[key]


# --- the declared differences match the routes Plus1 really has --------------------------


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _shape(route: str) -> str:
    route = route.replace("^", "").replace("$", "").replace("\\.", ".")
    route = re.sub(r"\(\?P<[^>]+>[^)]*\)|<[^>]+>", "{}", route)
    return "/" + route.strip("/")


def _served_operations(api: str) -> set[str]:
    served = set()
    prefix = f"{api}/api/v1/"
    for route, callback in _routes(zgw_urls.urlpatterns):
        if not route.startswith(prefix):
            continue
        actions = getattr(callback, "actions", None)
        if actions is not None:
            methods = set(actions) | ({"head"} if "get" in actions else set())
        else:
            view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
            methods = {m for m in METHODS if view is not None and hasattr(view, m)}
            methods |= {"head"} if "get" in methods else set()
        served |= {f"{m.upper()} {_shape(route[len(prefix) :])}" for m in methods - {"options"}}
    return served


def _standard_operations(api: str) -> dict[str, str]:
    """Shape of each operation ("GET /zaken/{}") → its name in the standard."""
    return {
        f"{method.upper()} {re.sub(r'{[^}]+}', '{}', path)}": f"{method.upper()} {path}"
        for path, item in standard_document(api)["paths"].items()
        for method in item
        if method in METHODS
    }


@pytest.mark.parametrize("api", APIS)
def test_declared_differences_are_exactly_the_routes(api):
    standard = _standard_operations(api)
    served = _served_operations(api)
    notes = DOCUMENTS[api].notes
    not_served = {standard[shape] for shape in set(standard) - served}
    extra = {shape for shape in served - set(standard)}
    extra -= {"GET /schema/openapi.yaml", "GET /schema/openapi.json", "GET /schema", "GET /"}
    extra = {op for op in extra if not op.startswith("HEAD ")}  # HTTP gives HEAD with every GET
    assert not_served == set(notes.not_served)
    assert extra == {re.sub(r"{[^}]+}", "{}", op) for op in notes.extensions}


# --- the reference for people ---------------------------------------------------------------


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def test_the_reference_page_loads_redoc_from_our_own_files_without_inline_script(client):
    response = client.get("/zaken/api/v1/schema/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Zaken API 1.5.1</h1>" in html
    assert 'href="/zaken/api/v1/schema/openapi.yaml"' in html
    parser = _Scripts()
    parser.feed(html)
    sources = [script.get("src") for script in parser.scripts]
    assert sources and all(src and src.startswith("/static/") for src in sources)
    assert "redoc.standalone.js" in " ".join(sources)
    policy = response["Content-Security-Policy"]
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
