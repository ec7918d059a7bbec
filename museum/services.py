"""Writes of the museum: group-visit bookings (book, wait, change, cancel, promote), staff confirmation and
attendance, daily visitor counts.

A booking takes places of its slot; the slot's row is locked for the whole booking transaction, so two groups
cannot both take its last places (tests/museum/test_booking_concurrency.py, on PostgreSQL). Locks are always
taken slot first (in primary-key order when there are two), then the booking, so that a change and a
cancellation never wait on each other in opposite orders.
"""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from labor_portal.cases import numbers
from labor_portal.cases.codes import access_code_current, access_code_for_token, access_code_hash
from labor_portal.cases.outbox import message_queue
from labor_portal.core.models import rule_on
from museum.models import (
    HOLDING,
    BookingStatus,
    GroupVisitBooking,
    MuseumClosure,
    VisitorCount,
    VisitorKind,
    VisitSlot,
)

# The letter of a museum booking's number (109-M-000123); museum/cases.py registers the kind under it.
BOOKING_KIND = "M"


@dataclass(frozen=True)
class FiledBooking:
    booking: GroupVisitBooking
    access_code: str


# --- Opening days ----------------------------------------------------------------------------------


def museum_open_on(day: date) -> bool:
    """Open unless it is the weekly closing day (Mondays) or a closure (a typhoon day, a holiday)."""
    if day.weekday() == int(rule_on("museum.closed_weekday", day)):
        return False
    return not MuseumClosure.objects.filter(day=day).exists()


def _places_taken(slot: VisitSlot, *, excluding=None) -> int:
    holding = slot.bookings.filter(status__in=HOLDING)
    if excluding is not None:
        holding = holding.exclude(pk=excluding.pk)
    return holding.aggregate(taken=Sum("group_size"))["taken"] or 0


def _bookable(slot: VisitSlot, today: date) -> None:
    if not museum_open_on(slot.day):
        raise ValidationError(_("該日休館，請選擇其他日期。"))
    earliest = today + timedelta(days=int(rule_on("museum.booking_min_days_ahead", today)))
    latest = today + timedelta(days=int(rule_on("museum.booking_max_days_ahead", today)))
    if not earliest <= slot.day <= latest:
        raise ValidationError(_("請預約 %(earliest)s 至 %(latest)s 之間的時段。") % {
            "earliest": earliest.isoformat(), "latest": latest.isoformat()})


# --- Booking ---------------------------------------------------------------------------------------


def visit_booking_file(*, slot: VisitSlot, group_kind: str, group_name: str, contact_name: str, email: str,
                       phone: str, group_size: int, accessibility: list[str] = (), accessibility_note: str = "",
                       waitlist_ok: bool = False, submission_token: str | None = None,
                       today: date | None = None, user=None) -> FiledBooking:
    """Book places for a group once: a repeated submission with the same token returns the booking it made.

    With too few places left the group goes on the slot's waiting list if it agreed to, and is refused otherwise.
    """
    token = submission_token or secrets.token_urlsafe(32)
    try:
        booking = _visit_booking_create(
            slot=slot, group_kind=group_kind, group_name=group_name, contact_name=contact_name, email=email,
            phone=phone, group_size=group_size, accessibility=sorted(set(accessibility)),
            accessibility_note=accessibility_note, waitlist_ok=waitlist_ok, token=token,
            today=today or timezone.localdate(), user=user,
        )
    except IntegrityError:
        if existing := GroupVisitBooking.objects.filter(submission_token=token).first():
            return FiledBooking(existing, access_code_current(kind=BOOKING_KIND, case=existing))
        raise
    return FiledBooking(booking, access_code_for_token(token))


@transaction.atomic
def _visit_booking_create(*, slot, group_kind, group_name, contact_name, email, phone, group_size, accessibility,
                          accessibility_note, waitlist_ok, token, today, user) -> GroupVisitBooking:
    slot = VisitSlot.objects.select_for_update().get(pk=slot.pk)
    _bookable(slot, today)
    if group_size < 1:
        raise ValidationError(_("人數至少 1 人。"))
    if group_size > slot.capacity:
        raise ValidationError(_("此時段最多接待 %(capacity)s 人，請分成數個時段預約。") % {"capacity": slot.capacity})
    left = slot.capacity - _places_taken(slot)
    if group_size <= left:
        status, waitlisted_at = BookingStatus.BOOKED, None
    elif waitlist_ok:
        status, waitlisted_at = BookingStatus.WAITLISTED, timezone.now()
    else:
        raise ValidationError(_("此時段僅剩 %(left)s 個名額。您可選擇其他時段，或勾選「名額不足時登記候補」。") % {
            "left": left})
    booking = GroupVisitBooking(
        access_code_hash=access_code_hash(access_code_for_token(token)), submission_token=token,
        language=get_language() or settings.LANGUAGE_CODE, slot=slot, group_kind=group_kind, group_name=group_name,
        contact_name=contact_name, email=email, phone=phone, group_size=group_size, accessibility=accessibility,
        accessibility_note=accessibility_note, status=status, booked_on=today, waitlisted_at=waitlisted_at,
        created_by=user, updated_by=user,
    )
    booking.case_number = numbers.case_number_next(kind=BOOKING_KIND, filed_on=today)
    booking.save(force_insert=True)
    _message(booking, "waitlisted" if status == BookingStatus.WAITLISTED else "booked")
    return booking


def _message(booking: GroupVisitBooking, what: str) -> None:
    message_queue(case=booking, recipient=booking.email, kind=f"museum.{what}", template=f"museum/email/{what}",
                  language=booking.language)


def _locked(booking: GroupVisitBooking, *slots: VisitSlot) -> GroupVisitBooking:
    for slot_pk in sorted({slot.pk for slot in slots}):
        VisitSlot.objects.select_for_update().get(pk=slot_pk)
    return GroupVisitBooking.objects.select_for_update().select_related("slot").get(pk=booking.pk)


@transaction.atomic
def visit_booking_cancel(*, booking: GroupVisitBooking, user=None) -> GroupVisitBooking:
    """Cancel a booking (the citizen with the access code, or staff); its places go to the waiting list."""
    booking = _locked(booking, booking.slot)
    if not booking.is_open:
        raise ValidationError(_("此預約已無法取消（%(status)s）。") % {"status": booking.get_status_display()})
    booking.status, booking.updated_by = BookingStatus.CANCELLED, user
    booking.save()
    _message(booking, "cancelled")
    waiting_list_promote(slot=booking.slot)
    return booking


@transaction.atomic
def visit_booking_change(*, booking: GroupVisitBooking, slot: VisitSlot, group_size: int,
                         today: date | None = None, user=None) -> GroupVisitBooking:
    """Move a booking to another slot and/or change its group size, if the places are there; otherwise nothing
    changes. A waiting group changed stays waiting, on the new slot, from now."""
    booking = _locked(booking, booking.slot, slot)
    if not booking.is_open:
        raise ValidationError(_("此預約已無法變更（%(status)s）。") % {"status": booking.get_status_display()})
    today = today or timezone.localdate()
    new_slot = VisitSlot.objects.get(pk=slot.pk)
    old_slot = booking.slot
    if new_slot.pk != old_slot.pk:
        _bookable(new_slot, today)
    if group_size < 1 or group_size > new_slot.capacity:
        raise ValidationError(_("人數須在 1 至 %(capacity)s 人之間。") % {"capacity": new_slot.capacity})
    if booking.status != BookingStatus.WAITLISTED:
        left = new_slot.capacity - _places_taken(new_slot, excluding=booking)
        if group_size > left:
            raise ValidationError(_("所選時段僅剩 %(left)s 個名額，預約未變更。") % {"left": left})
        booking.status = BookingStatus.BOOKED  # a changed booking is confirmed again by staff
    elif new_slot.pk != old_slot.pk:
        booking.waitlisted_at = timezone.now()
    booking.slot, booking.group_size, booking.updated_by = new_slot, group_size, user
    booking.save()
    _message(booking, "changed")
    waiting_list_promote(slot=old_slot)
    if booking.status == BookingStatus.WAITLISTED:
        waiting_list_promote(slot=new_slot)
    return booking


def waiting_list_promote(*, slot: VisitSlot) -> list[GroupVisitBooking]:
    """Give the freed places of `slot` to waiting groups, first come first served; a group too large for what is
    left does not hold back a smaller one behind it. Call it holding the slot's lock."""
    left = slot.capacity - _places_taken(slot)
    promoted = []
    for waiting in slot.bookings.select_for_update().filter(status=BookingStatus.WAITLISTED).order_by(
            "waitlisted_at", "case_number"):
        if waiting.group_size <= left:
            waiting.status = BookingStatus.BOOKED
            waiting.save(update_fields=["status", "updated_at"])
            _message(waiting, "promoted")
            left -= waiting.group_size
            promoted.append(waiting)
    return promoted


# --- Staff -----------------------------------------------------------------------------------------


@transaction.atomic
def visit_booking_confirm(*, booking: GroupVisitBooking, user=None) -> GroupVisitBooking:
    booking = _locked(booking, booking.slot)
    if booking.status != BookingStatus.BOOKED:
        raise ValidationError(_("只有待確認的預約可以確認。"))
    booking.status, booking.updated_by = BookingStatus.CONFIRMED, user
    booking.save()
    _message(booking, "confirmed")
    return booking


@transaction.atomic
def visit_booking_attendance(*, booking: GroupVisitBooking, attended: int, user=None) -> GroupVisitBooking:
    """Record who came (0: no show); the group's visitors are added to the day's count of booked groups."""
    booking = _locked(booking, booking.slot)
    if booking.status not in (BookingStatus.BOOKED, BookingStatus.CONFIRMED):
        raise ValidationError(_("此預約不在可登錄到館的狀態。"))
    booking.status = BookingStatus.ATTENDED if attended else BookingStatus.NO_SHOW
    booking.attended_count, booking.updated_by = attended, user
    booking.save()
    if attended:
        visitor_count_add(day=booking.slot.day, kind=VisitorKind.BOOKED_GROUP, visitors=attended, user=user)
    return booking


def visitor_count_add(*, day: date, kind: str, visitors: int, user=None) -> None:
    """Add visitors to the day's count of a kind (one row per day and kind; concurrent adds both count)."""
    count, created = VisitorCount.objects.get_or_create(
        day=day, kind=kind, defaults={"visitors": visitors, "created_by": user, "updated_by": user})
    if not created:
        VisitorCount.objects.filter(pk=count.pk).update(visitors=F("visitors") + visitors)
