from django.urls import path

from museum import views

app_name = "museum"
urlpatterns = [
    path("", views.programme, name="programme"),
    path("book/", views.book, name="book"),
    path("book/done/", views.booked, name="booked"),
    path("bookings/<uuid:booking_id>/", views.booking_status, name="booking"),
    path("bookings/<uuid:booking_id>/cancel/", views.booking_cancel, name="booking-cancel"),
    path("bookings/<uuid:booking_id>/change/", views.booking_change, name="booking-change"),
]
