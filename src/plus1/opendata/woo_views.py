# SPDX-License-Identifier: EUPL-1.2
"""Public Woo pages: the searchable list, a publication's page, its redacted PDF and the
machine-readable listing with the DiWoo fields. Only published rows; never the original."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from plus1.opendata.woo_diwoo import diwoo_listing, diwoo_record
from plus1.opendata.woo_forms import PublicSearchForm
from plus1.opendata.woo_selectors import PublicSearch, published, published_one
from plus1.privacy.declarations import no_personal_data

PAGE_SIZE = 20


def _search(request: HttpRequest) -> tuple[PublicSearchForm, PublicSearch | None]:
    form = PublicSearchForm(request.GET or None)
    if not request.GET:
        return form, PublicSearch()
    return form, form.search() if form.is_valid() else None


@no_personal_data
@require_safe
def publication_list(request: HttpRequest) -> HttpResponse:
    form, search = _search(request)
    rows = published(search) if search is not None else published().none()
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "opendata/woo/list.html", context, status=200 if search else 400)


@no_personal_data
@require_safe
def publication_detail(request: HttpRequest, publication_uuid: str) -> HttpResponse:
    publication = published_one(publication_uuid)
    if publication is None:
        raise Http404
    context = {"publication": publication, "diwoo": diwoo_record(publication)}
    return render(request, "opendata/woo/detail.html", context)


@no_personal_data
@require_safe
def publication_download(request: HttpRequest, publication_uuid: str) -> HttpResponse:
    publication = published().filter(uuid=publication_uuid).only("uuid", "redacted_pdf").first()
    if publication is None:
        raise Http404
    response = HttpResponse(bytes(publication.redacted_pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="woo-{publication.uuid}.pdf"'
    return response


@no_personal_data
@require_safe
def publication_listing(request: HttpRequest) -> JsonResponse:
    form, search = _search(request)
    if search is None:
        problems = [str(e) for errors in form.errors.values() for e in errors]
        return JsonResponse({"fouten": problems}, status=400)
    return JsonResponse(diwoo_listing(published(search)), json_dumps_params={"ensure_ascii": False})
