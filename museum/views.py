"""Citizen pages of the museum: exhibitions and events, booking a guided visit, the booking's own page.

The filing's safeguards (honeypot, submission token, rate limit, database outage) and /track/ are the case kit's
(labor_portal.cases); a booking's page is reached through /track/ with its number and access code.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from labor_portal.cases.filing import CitizenFilingView, filed_cookie_read
from labor_portal.cases.views import case_tracked_or_404
from labor_portal.core.ratelimit import per_ip_limit
from museum import selectors, services
from museum.cases import VISITS
from museum.forms import CancelForm, ChangeForm, VisitBookingForm
from museum.models import Exhibition, GroupVisitBooking, VisitSlot


def programme(request):
    today = timezone.localdate()
    return render(request, "museum/programme.html", {
        "current": Exhibition.objects.current_on(today).order_by("kind", "starts_on"),
        "coming": Exhibition.objects.coming_after(today).order_by("starts_on")[:20],
    })


class BookView(CitizenFilingView):
    section = VISITS.section
    template_name = "museum/book.html"
    filed_url_name = "museum:booked"

    def get_forms(self, data=None, files=None, token=None):
        initial = {"submission_token": token}
        if slot := self.request.GET.get("slot"):
            initial["slot"] = slot
        return (VisitBookingForm(data, initial=initial, slots=selectors.bookable_slots(timezone.localdate())),)

    def file(self, forms):
        data = forms[0].cleaned_data
        filed = services.visit_booking_file(
            slot=data["slot"], group_kind=data["group_kind"], group_name=data["group_name"],
            contact_name=data["contact_name"], email=data["email"], phone=data["phone"],
            group_size=data["group_size"], accessibility=data["accessibility"],
            accessibility_note=data["accessibility_note"], waitlist_ok=data["waitlist_ok"],
            submission_token=data["submission_token"],
        )
        return filed.booking, filed.access_code


book = BookView.as_view()


@never_cache
def booked(request):
    payload = filed_cookie_read(request, section=VISITS.section)
    if payload is None:
        return redirect("museum:book")
    booking = get_object_or_404(GroupVisitBooking.objects.select_related("slot"), pk=payload["case"])
    return render(request, "museum/booked.html", {"booking": booking, "access_code": payload["code"]})


# --- The booking's page (opened through /track/) -------------------------------------------------------


def _change_slots(booking):
    bookable = selectors.bookable_slots(timezone.localdate()).values("pk")
    return selectors.slots_with_places(VisitSlot.objects.filter(Q(pk__in=bookable) | Q(pk=booking.slot_id))).order_by(
        "day", "starts_at")


def _page(request, booking, cancel_form=None, change_form=None, status=200):
    booking = GroupVisitBooking.objects.select_related("slot").get(pk=booking.pk)
    change_form = change_form or ChangeForm(initial={"slot": booking.slot_id, "group_size": booking.group_size},
                                            slots=_change_slots(booking))
    return render(request, "museum/booking.html", {
        "booking": booking, "cancel_form": cancel_form or CancelForm(), "change_form": change_form,
    }, status=status)


@never_cache
def booking_status(request, booking_id):
    return _page(request, case_tracked_or_404(request, VISITS, booking_id))


@require_POST
@per_ip_limit("museum.booking_change", "20/10m")
def booking_cancel(request, booking_id):
    booking = case_tracked_or_404(request, VISITS, booking_id)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.visit_booking_cancel(booking=booking)
            return redirect(reverse("museum:booking", args=[booking.pk]) + "?cancelled=1")
        except ValidationError as exc:
            form.add_error(None, exc)
    return _page(request, booking, cancel_form=form, status=400)


@require_POST
@per_ip_limit("museum.booking_change", "20/10m")
def booking_change(request, booking_id):
    booking = case_tracked_or_404(request, VISITS, booking_id)
    form = ChangeForm(request.POST, slots=_change_slots(booking))
    if form.is_valid():
        try:
            services.visit_booking_change(booking=booking, slot=form.cleaned_data["slot"],
                                          group_size=form.cleaned_data["group_size"])
            return redirect(reverse("museum:booking", args=[booking.pk]) + "?changed=1")
        except ValidationError as exc:
            form.add_error(None, exc)
    return _page(request, booking, change_form=form, status=400)
