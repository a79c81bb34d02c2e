# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.contact import views

app_name = "contact"

urlpatterns = [
    path("afspraak-maken", views.book, name="book"),
    path("afspraken/<uuid:appointment_id>", views.appointment_detail, name="appointment"),
    path(
        "afspraken/<uuid:appointment_id>/afspraak.ics",
        views.appointment_calendar,
        name="calendar",
    ),
    path(
        "afspraken/<uuid:appointment_id>/annuleren",
        views.appointment_cancel_page,
        name="cancel",
    ),
    path(
        "afspraken/<uuid:appointment_id>/verzetten",
        views.appointment_reschedule_page,
        name="reschedule",
    ),
]
