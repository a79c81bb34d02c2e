# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.meldingen import staff_views

app_name = "meldingen-werkplek"

urlpatterns = [
    path("<str:identification>/", staff_views.melding_page, name="melding"),
    path("<str:identification>/samenvoegen/", staff_views.merge, name="merge"),
    path("<str:identification>/publiceren/", staff_views.publish, name="publish"),
    path("<str:identification>/fotos/<int:number>/", staff_views.photo, name="photo"),
]
