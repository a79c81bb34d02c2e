# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.contact.api import views

app_name = "contact-api"

urlpatterns = [
    path("afspraakproducten", views.AppointmentProducts.as_view(), name="products"),
    path("locaties", views.Locations.as_view(), name="locations"),
    path("tijdsloten", views.Slots.as_view(), name="slots"),
    path("afspraken", views.Appointments.as_view(), name="appointments"),
    path(
        "afspraken/<uuid:appointment_id>/annuleren",
        views.AppointmentCancel.as_view(),
        name="cancel",
    ),
]
