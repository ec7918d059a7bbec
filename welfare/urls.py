from django.urls import path

from welfare import views

app_name = "welfare"
urlpatterns = [
    path("hall/", views.hall, name="hall"),
    path("hall/done/", views.hall_booked, name="hall-booked"),
    path("bookings/<uuid:booking_id>/", views.booking_status, name="booking"),
    path("bookings/<uuid:booking_id>/cancel/", views.booking_cancel, name="booking-cancel"),
]
