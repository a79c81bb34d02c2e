# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from plus1.common.views import favicon, health, security_txt

admin.site.site_header = "Plus1 beheer"
admin.site.site_title = "Plus1 beheer"

urlpatterns = [
    path("health", health, name="health"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("taal/", set_language, name="set-language"),  # the language switch (POST)
    path("api/v1/", include("plus1.conf.api_urls")),
    path("", include("plus1.zgw.urls")),
    path("beheer/", admin.site.urls),
    path("werkplek/meldingen/", include("plus1.meldingen.staff_urls")),
    path("werkplek/woo/", include("plus1.opendata.woo_staff_urls")),
    path("werkplek/", include("plus1.workbench.urls")),
    path("meldingen/", include("plus1.meldingen.urls")),
    path("opendata/", include("plus1.opendata.urls")),
    path("woo/", include("plus1.opendata.woo_urls")),
    path("prestaties/", include("plus1.insights.urls")),
    path("beoordelen/", include("plus1.insights.rating_urls")),
    path("audit/", include("plus1.portal.audit_urls")),
    # The catalog's report product opens the report form, which also works without logging in.
    path(
        "aanvragen/melding-openbare-ruimte/",
        RedirectView.as_view(pattern_name="meldingen:new", permanent=False),
    ),
    path("", include("plus1.contact.urls")),
    path("", include("plus1.contact.message_urls")),
    path("", include("plus1.privacy.urls")),
    path("", include("plus1.portal.urls")),
]
