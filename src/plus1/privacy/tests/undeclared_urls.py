# SPDX-License-Identifier: EUPL-1.2
"""A URLconf with one undeclared view, to prove the endpoint walk notices it."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def leaky(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Anna de Boer")


urlpatterns = [path("lek/", leaky)]
