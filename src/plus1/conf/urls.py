# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path

from plus1.common.views import health

admin.site.site_header = "Plus1 beheer"
admin.site.site_title = "Plus1 beheer"

urlpatterns = [
    path("health", health, name="health"),
    path("api/v1/", include("plus1.conf.api_urls")),
    path("beheer/", admin.site.urls),
    path("werkplek/", include("plus1.workbench.urls")),
    path("", include("plus1.portal.urls")),
]
