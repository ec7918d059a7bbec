"""Citizen pages of the welfare section: booking a Shijia Hall venue or room, and the booking's own page
(reached through /track/ with its number and access code, where it is cancelled)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from labor_portal.cases.filing import CitizenFilingView, filed_cookie_read
from labor_portal.cases.views import case_tracked_or_404
from labor_portal.core.ratelimit import per_ip_limit
from welfare import services
from welfare.cases import HALL_BOOKINGS
from welfare.forms import HallBookingForm, HallCancelForm
from welfare.models import HallBooking


class HallBookView(CitizenFilingView):
    section = HALL_BOOKINGS.section
    template_name = "welfare/hall.html"
    filed_url_name = "welfare:hall-booked"

    def get_forms(self, data=None, files=None, token=None):
        return (HallBookingForm(data, initial={"submission_token": token}),)

    def file(self, forms):
        data = forms[0].cleaned_data
        filed = services.hall_booking_file(
            facility=data["facility"], use_on=data["use_on"], slot=data["slot"], people=data["people"],
            booker_name=data["booker_name"], organisation=data["organisation"], email=data["email"],
            phone=data["phone"], waitlist_ok=data["waitlist_ok"], submission_token=data["submission_token"],
        )
        return filed.booking, filed.access_code


hall = HallBookView.as_view()


@never_cache
def hall_booked(request):
    payload = filed_cookie_read(request, section=HALL_BOOKINGS.section)
    if payload is None:
        return redirect("welfare:hall")
    booking = get_object_or_404(HallBooking.objects.select_related("facility"), pk=payload["case"])
    return render(request, "welfare/hall_booked.html", {"booking": booking, "access_code": payload["code"]})


def _page(request, booking, form=None, status=200):
    booking = HallBooking.objects.select_related("facility").get(pk=booking.pk)
    return render(request, "welfare/hall_booking.html", {"booking": booking, "cancel_form": form or HallCancelForm()},
                  status=status)


@never_cache
def booking_status(request, booking_id):
    return _page(request, case_tracked_or_404(request, HALL_BOOKINGS, booking_id))


@require_POST
@per_ip_limit("welfare.booking_cancel", "20/10m")
def booking_cancel(request, booking_id):
    booking = case_tracked_or_404(request, HALL_BOOKINGS, booking_id)
    form = HallCancelForm(request.POST)
    if form.is_valid():
        try:
            services.hall_booking_cancel(booking=booking)
            return redirect(reverse("welfare:booking", args=[booking.pk]) + "?cancelled=1")
        except ValidationError as exc:
            form.add_error(None, exc)
    return _page(request, booking, form, status=400)
