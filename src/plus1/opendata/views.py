# SPDX-License-Identifier: EUPL-1.2
"""Public pages: the open-data page, the DCAT catalogue and the downloads of the published build."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render

from plus1.opendata.build import FORMATS, published
from plus1.opendata.datasets import DATASETS, SUPPRESSION_NOTE, dataset
from plus1.privacy.declarations import no_personal_data


@no_personal_data
def index(request: HttpRequest) -> HttpResponse:
    build = published()
    rows = [
        {"dataset": item, "facts": build.datasets.get(item.slug, {}) if build else {}}
        for item in DATASETS
    ]
    context = {"build": build, "rows": rows, "suppression_note": SUPPRESSION_NOTE}
    return render(request, "opendata/index.html", context)


@no_personal_data
def catalogue(request: HttpRequest) -> HttpResponseBase:
    build = published()
    if build is None:
        raise Http404("Er is nog geen open data gepubliceerd.")
    return FileResponse(
        (build.folder / "catalogus.jsonld").open("rb"), content_type="application/ld+json"
    )


@no_personal_data
def download(request: HttpRequest, slug: str, ext: str) -> HttpResponseBase:
    build = published()
    if build is None or ext not in FORMATS or dataset(slug) is None:
        raise Http404
    path = build.folder / f"{slug}.{ext}"
    if not path.is_file():
        raise Http404
    content_type = FORMATS[ext] + ("; charset=utf-8" if ext == "csv" else "")
    return FileResponse(
        path.open("rb"), content_type=content_type, as_attachment=True, filename=path.name
    )
