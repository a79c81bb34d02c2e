# SPDX-License-Identifier: EUPL-1.2
"""Where clients of the reference implementations look for a ZGW API's OpenAPI document:
the API root (with and without trailing slash) and `schema/openapi.{yaml,json}` under it;
`schema/` is the reference for people. Mounted before the APIs themselves."""

from django.urls import path, register_converter

from plus1.zgw.openapi import views
from plus1.zgw.openapi.documents import DOCUMENTS


class ApiConverter:
    regex = "|".join(DOCUMENTS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ApiConverter, "zgwapi")

app_name = "zgw-openapi"
ROOT = "<zgwapi:api>/api/v1"
urlpatterns = [
    path(ROOT, views.document, name="root"),
    path(f"{ROOT}/", views.document),
    path(f"{ROOT}/schema/openapi.yaml", views.document, {"formats": ("yaml",)}, name="yaml"),
    path(f"{ROOT}/schema/openapi.json", views.document, {"formats": ("json",)}, name="json"),
    path(f"{ROOT}/schema/", views.reference, name="reference"),
]
