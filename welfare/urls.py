from django.urls import path

from welfare import views

app_name = "welfare"
urlpatterns = [
    path("hall/", views.hall, name="hall"),
    path("hall/done/", views.hall_booked, name="hall-booked"),
    path("hall/calendar/", views.hall_calendar, name="hall-calendar"),
    path("hall/calendar/<int:year>/<int:month>/", views.hall_calendar, name="hall-calendar-month"),
    path("bookings/<uuid:booking_id>/", views.booking_status, name="booking"),
    path("bookings/<uuid:booking_id>/cancel/", views.booking_cancel, name="booking-cancel"),
    path("bookings/<uuid:booking_id>/change/", views.booking_change, name="booking-change"),
]
