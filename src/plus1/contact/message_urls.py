# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.contact import message_views

app_name = "contact-messages"

urlpatterns = [
    path("mijn-berichten/", message_views.my_messages, name="list"),
    path("mijn-berichten/<uuid:message_id>/", message_views.message_detail, name="detail"),
    path("mijn-gegevens/berichten/", message_views.preferences, name="preferences"),
]
