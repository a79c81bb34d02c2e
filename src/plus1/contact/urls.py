# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from plus1.contact import views, views_portal, views_staff

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
    # The contact history (portal)
    path("mijn-contactmomenten/", views_portal.my_contact_moments, name="my-contact-moments"),
    path(
        "laat-u-terugbellen/<slug:slug>/",
        views_portal.callback_request_page,
        name="callback-request",
    ),
    # The contact centre (workbench)
    path("werkplek/contact/", views_staff.desk, name="desk"),
    path("werkplek/contact/personen/<uuid:party_id>/", views_staff.person, name="person"),
    path(
        "werkplek/contact/personen/<uuid:party_id>/contactpersoon/",
        views_staff.person_coordinator,
        name="person-coordinator",
    ),
    path("werkplek/contact/terugbellen/", views_staff.callbacks, name="callbacks"),
    path(
        "werkplek/contact/terugbellen/<uuid:callback_id>/",
        views_staff.callback_detail,
        name="callback",
    ),
    path("werkplek/contact/afspraken/", views_staff.day_view, name="day"),
    path(
        "werkplek/contact/afspraken/<uuid:appointment_id>/aanmelden/",
        views_staff.check_in,
        name="check-in",
    ),
    path(
        "werkplek/contact/contactmomenten/<uuid:moment_id>/afspraak/",
        views_staff.book_for_contact,
        name="book-for-contact",
    ),
]
