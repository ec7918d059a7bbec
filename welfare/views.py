"""Citizen pages of the welfare section: booking a Shijia Hall venue or room, the hall's availability calendar,
and the booking's own page (reached through /track/ with its number and access code, where it is changed or
cancelled)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from labor_portal.cases.filing import CitizenFilingView, filed_cookie_read
from labor_portal.cases.views import case_tracked_or_404
from labor_portal.core.ratelimit import per_ip_limit
from welfare import selectors, services
from welfare.cases import HALL_BOOKINGS
from welfare.forms import HallBookingForm, HallCancelForm, HallChangeForm
from welfare.models import HallBooking


class HallBookView(CitizenFilingView):
    section = HALL_BOOKINGS.section
    template_name = "welfare/hall.html"
    filed_url_name = "welfare:hall-booked"

    def get_forms(self, data=None, files=None, token=None):
        initial = {"submission_token": token}
        if use_on := self.request.GET.get("use_on"):  # a day picked on the calendar
            initial["use_on"] = use_on
        return (HallBookingForm(data, initial=initial),)

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


def _page(request, booking, cancel_form=None, change_form=None, status=200):
    booking = HallBooking.objects.select_related("facility").get(pk=booking.pk)
    change_form = change_form or HallChangeForm(
        initial={"use_on": booking.use_on, "slot": booking.slot, "people": booking.people},
        slots=services.SLOTS_OF[booking.facility.kind])
    return render(request, "welfare/hall_booking.html", {
        "booking": booking, "cancel_form": cancel_form or HallCancelForm(), "change_form": change_form,
    }, status=status)


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
    return _page(request, booking, cancel_form=form, status=400)


@require_POST
@per_ip_limit("welfare.booking_change", "20/10m")
def booking_change(request, booking_id):
    booking = case_tracked_or_404(request, HALL_BOOKINGS, booking_id)
    form = HallChangeForm(request.POST, slots=services.SLOTS_OF[booking.facility.kind])
    if form.is_valid():
        try:
            services.hall_booking_change(booking=booking, use_on=form.cleaned_data["use_on"],
                                         slot=form.cleaned_data["slot"], people=form.cleaned_data["people"])
            return redirect(reverse("welfare:booking", args=[booking.pk]) + "?changed=1")
        except ValidationError as exc:
            form.add_error(None, exc)
    return _page(request, booking, change_form=form, status=400)


# The months the calendar shows: enough for any booking, and no year that date() cannot step past.
CALENDAR_YEARS = range(2000, 2100)


def hall_calendar(request, year=None, month=None):
    today = timezone.localdate()
    if year is None:
        year, month = today.year, today.month
    if year not in CALENDAR_YEARS or not 1 <= month <= 12:
        raise Http404
    shown = selectors.hall_calendar(month=date(year, month, 1), today=today)
    return render(request, "welfare/hall_calendar.html", {
        "calendar": shown, "has_previous": shown.previous.year in CALENDAR_YEARS,
        "has_next": shown.next.year in CALENDAR_YEARS,
    })
