"""Writes of the welfare section: condolence gradings, approvals and payments; Shijia Hall bookings."""

import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from labor_portal.cases import numbers
from labor_portal.cases.codes import access_code_current, access_code_for_token, access_code_hash
from labor_portal.cases.outbox import message_queue
from welfare.models import (
    HOLDING as HALL_HOLDING,
)
from welfare.models import (
    BookingStatus,
    CondolenceBand,
    CondolenceCase,
    CondolenceCategory,
    CondolencePayment,
    HallBlackout,
    HallBooking,
    HallFacility,
    HallKind,
    HallSlot,
    HallSlotHold,
    PaymentStatus,
)

# --- Condolence payments -----------------------------------------------------------------------------


def condolence_category_for(*, grade: int | None, death: bool, on: date) -> tuple[int, CondolenceBand]:
    """The category and band in force on `on` for a death or a disability grade (1–15)."""
    bands = CondolenceBand.in_force(on)
    if death:
        category = CondolenceCategory.DEATH
    else:
        category = next((band.category for band in bands.values() if band.grade_from is not None
                         and grade is not None and band.grade_from <= grade <= band.grade_to), None)
        if category is None:
            raise ValidationError(_("失能等級 %(grade)s 不在任何慰問金級距內。") % {"grade": grade})
    band = bands.get(category)
    if band is None:
        raise ValidationError(_("%(day)s 沒有生效的慰問金級距。") % {"day": on})
    return category, band


def condolence_payment_assess(*, case: CondolenceCase, graded_on: date, grade: int | None = None,
                              death: bool = False, amount: int | None = None) -> tuple[int, int, int]:
    """(category, the band's amount, what is owed now) for grading `case`; ValidationError when nothing is owed.

    A death's amount is chosen within its band's range (default its minimum); a disability band pays a fixed
    amount. A re-grading must be to a higher band than every earlier one, and then pays only the difference
    (the report's note: 11–15 paid 1萬, re-graded 6–10, paid 1萬 more).
    """
    category, band = condolence_category_for(grade=grade, death=death, on=graded_on)
    band_amount = band.amount_min if amount is None else amount
    if not band.amount_min <= band_amount <= band.amount_max:
        raise ValidationError(_("慰問金須在 %(min)s 至 %(max)s 元之間。") % {
            "min": f"{band.amount_min:,}", "max": f"{band.amount_max:,}"})
    earlier = case.payments.exclude(status=PaymentStatus.REJECTED)
    highest = max(earlier.values_list("category", flat=True), default=0)
    if highest and category <= highest:
        raise ValidationError(_("重新認定須為較高級距；本案已依「%(band)s」核發。") % {
            "band": CondolenceCategory(highest).label})
    granted = earlier.aggregate(total=Sum("amount"))["total"] or 0
    difference = band_amount - granted
    if difference <= 0:
        raise ValidationError(_("本案已核發 %(granted)s 元，不低於新級距金額，無差額可補發。") % {
            "granted": f"{granted:,}"})
    return category, band_amount, difference


@transaction.atomic
def condolence_payment_grant(*, case: CondolenceCase, graded_on: date, grade: int | None = None,
                             death: bool = False, amount: int | None = None, user=None) -> CondolencePayment:
    """Grade a case and grant what it is owed (condolence_payment_assess), awaiting approval. The case row is
    locked, so that two clerks grading one case at once cannot both pay the full band."""
    case = CondolenceCase.objects.select_for_update().get(pk=case.pk)
    category, band_amount, difference = condolence_payment_assess(case=case, graded_on=graded_on, grade=grade,
                                                                  death=death, amount=amount)
    return CondolencePayment.objects.create(
        case=case, category=category, grade=None if death else grade, graded_on=graded_on,
        band_amount=band_amount, amount=difference, created_by=user, updated_by=user,
    )


@transaction.atomic
def condolence_payment_approve(*, payment: CondolencePayment, user, on: date | None = None) -> CondolencePayment:
    """Approve a payment; the approver is not the clerk who entered it (four eyes on public money)."""
    payment = CondolencePayment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.AWAITING_APPROVAL:
        raise ValidationError(_("此筆慰問金不在待核准狀態。"))
    if user is not None and payment.created_by_id == user.pk:
        raise ValidationError(_("核准人不得為登錄人。"))
    payment.status, payment.approved_on, payment.approved_by = PaymentStatus.APPROVED, on or timezone.localdate(), user
    payment.updated_by = user
    payment.save()
    return payment


@transaction.atomic
def condolence_payment_pay(*, payment: CondolencePayment, paid_on: date, user=None) -> CondolencePayment:
    payment = CondolencePayment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.APPROVED:
        raise ValidationError(_("慰問金須先核准才能撥款。"))
    if payment.approved_on and paid_on < payment.approved_on:
        raise ValidationError(_("撥款日期不得早於核准日期。"))
    payment.status, payment.paid_on, payment.updated_by = PaymentStatus.PAID, paid_on, user
    payment.save()
    return payment


# --- Shijia Hall bookings ------------------------------------------------------------------------------

# The letter of a Shijia Hall booking's number (109-V-000123); welfare/cases.py registers the kind under it.
HALL_KIND = "V"
# A venue is let by the half day or evening, a lodging room by the night.
SLOTS_OF = {HallKind.VENUE: (HallSlot.MORNING, HallSlot.AFTERNOON, HallSlot.EVENING),
            HallKind.LODGING: (HallSlot.NIGHT,)}


@dataclass(frozen=True)
class FiledHallBooking:
    booking: HallBooking
    access_code: str


def _hall_taken(facility: HallFacility, use_on: date, slot: str, *, excluding=None) -> int:
    holding = HallBooking.objects.filter(facility=facility, use_on=use_on, slot=slot, status__in=HALL_HOLDING)
    if excluding is not None:
        holding = holding.exclude(pk=excluding.pk)
    return holding.aggregate(taken=Sum("people"))["taken"] or 0


def _hall_bookable(facility: HallFacility, *, use_on: date, slot: str, people: int, today: date) -> None:
    """The rules of a new booking, which a change meets as well; places are counted by the caller."""
    if not facility.active:
        raise ValidationError(_("此場地目前不開放預約。"))
    if slot not in SLOTS_OF[facility.kind]:
        raise ValidationError(_("此場地沒有這個時段。"))
    if use_on <= today:
        raise ValidationError(_("請預約明天以後的日期。"))
    if HallBlackout.objects.filter(day=use_on).exists():
        raise ValidationError(_("該日不開放租借，請選擇其他日期。"))
    if not 1 <= people <= facility.capacity:
        raise ValidationError(_("人數須在 1 至 %(capacity)s 人之間。") % {"capacity": facility.capacity})


def hall_booking_file(*, facility: HallFacility, use_on: date, slot: str, people: int, booker_name: str,
                      phone: str, email: str = "", organisation: str = "", waitlist_ok: bool = False,
                      submission_token: str | None = None, today: date | None = None, user=None) -> FiledHallBooking:
    """Book a venue or a room once (a repeated submission returns the booking it made); with too few places left,
    the waiting list if the citizen agreed to it."""
    token = submission_token or secrets.token_urlsafe(32)
    try:
        booking = _hall_booking_create(
            facility=facility, use_on=use_on, slot=slot, people=people, booker_name=booker_name, phone=phone,
            email=email, organisation=organisation, waitlist_ok=waitlist_ok, token=token,
            today=today or timezone.localdate(), user=user)
    except IntegrityError:
        if existing := HallBooking.objects.filter(submission_token=token).first():
            return FiledHallBooking(existing, access_code_current(kind=HALL_KIND, case=existing))
        raise
    return FiledHallBooking(booking, access_code_for_token(token))


@transaction.atomic
def _hall_booking_create(*, facility, use_on, slot, people, booker_name, phone, email, organisation, waitlist_ok,
                         token, today, user) -> HallBooking:
    # The slot's row is the lock: two bookings of its last places wait on each other, other slots do not.
    facility = HallFacility.objects.get(pk=facility.pk)
    if slot in SLOTS_OF[facility.kind]:
        hall_slot_lock(facility_id=facility.pk, use_on=use_on, slot=slot)
    _hall_bookable(facility, use_on=use_on, slot=slot, people=people, today=today)
    left = facility.capacity - _hall_taken(facility, use_on, slot)
    if people <= left:
        status, waitlisted_at = BookingStatus.REQUESTED, None
    elif waitlist_ok:
        status, waitlisted_at = BookingStatus.WAITLISTED, timezone.now()
    else:
        raise ValidationError(_("此時段僅剩 %(left)s 個名額。您可選擇其他日期或時段，或勾選「名額不足時登記候補」。")
                              % {"left": left})
    booking = HallBooking(
        access_code_hash=access_code_hash(access_code_for_token(token)), submission_token=token,
        language=get_language() or settings.LANGUAGE_CODE, facility=facility, use_on=use_on, slot=slot,
        people=people, booker_name=booker_name, organisation=organisation, email=email, phone=phone, status=status,
        booked_on=today, waitlisted_at=waitlisted_at, fee=facility.price, created_by=user, updated_by=user,
    )
    booking.case_number = numbers.case_number_next(kind=HALL_KIND, filed_on=today)
    booking.save(force_insert=True)
    _hall_message(booking, "waitlisted" if status == BookingStatus.WAITLISTED else "booked")
    return booking


def _hall_message(booking: HallBooking, what: str) -> None:
    if booking.email:
        message_queue(case=booking, recipient=booking.email, kind=f"welfare.hall_{what}",
                      template=f"welfare/email/hall_{what}", language=booking.language)


def hall_slot_lock(*, facility_id, use_on: date, slot: str) -> None:
    """Hold one slot's lock until the caller's transaction ends. The row is made on the slot's first booking;
    a concurrent first booking's insert fails on the unique constraint (inside get_or_create's savepoint),
    which then reads the row the other committed and waits on its lock like any later booking."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("hall_slot_lock needs the caller's transaction")
    key = {"facility_id": facility_id, "use_on": use_on, "slot": slot}
    HallSlotHold.objects.get_or_create(**key)
    HallSlotHold.objects.select_for_update().get(**key)


def _hall_locked(booking: HallBooking, *also: tuple) -> HallBooking:
    """The booking, locked after its slot's lock and those of `also` ((facility_id, use_on, slot) each).

    Slot locks are taken in one order (sorted), so that a change and a cancellation or another change never
    wait on each other crosswise. A booking moved by a change committed meanwhile is locked again at its new
    slot: a caller must hold the lock of the slot the booking is in."""
    while True:
        current = HallBooking.objects.values_list("facility_id", "use_on", "slot").get(pk=booking.pk)
        for facility_id, use_on, slot in sorted({current, *also}):
            hall_slot_lock(facility_id=facility_id, use_on=use_on, slot=slot)
        locked = HallBooking.objects.select_for_update().select_related("facility").get(pk=booking.pk)
        if (locked.facility_id, locked.use_on, locked.slot) == current:
            return locked


@transaction.atomic
def hall_booking_cancel(*, booking: HallBooking, user=None) -> HallBooking:
    booking = _hall_locked(booking)
    if not booking.is_open:
        raise ValidationError(_("此預約已無法取消（%(status)s）。") % {"status": booking.get_status_display()})
    booking.status, booking.updated_by = BookingStatus.CANCELLED, user
    booking.save()
    _hall_message(booking, "cancelled")
    hall_waiting_list_promote(facility=booking.facility, use_on=booking.use_on, slot=booking.slot)
    return booking


@transaction.atomic
def hall_booking_change(*, booking: HallBooking, use_on: date, slot: str, people: int, today: date | None = None,
                        user=None) -> HallBooking:
    """Move a booking to another day or slot of its room and/or change its people, under the rules of a new
    booking; if the new slot has too few places, nothing changes. The places it leaves go to the old slot's
    waiting list as a cancellation's do. A waiting booking changed stays waiting, on the new slot, from now."""
    booking = _hall_locked(booking, (booking.facility_id, use_on, slot))
    if not booking.is_open:
        raise ValidationError(_("此預約已無法變更（%(status)s）。") % {"status": booking.get_status_display()})
    facility, old = booking.facility, (booking.use_on, booking.slot)
    _hall_bookable(facility, use_on=use_on, slot=slot, people=people, today=today or timezone.localdate())
    moved = (use_on, slot) != old
    if not moved and people == booking.people:  # a confirmed booking must not lose its confirmation for nothing
        raise ValidationError(_("日期、時段及人數都與原預約相同，預約未變更。"))
    if booking.status != BookingStatus.WAITLISTED:
        left = facility.capacity - _hall_taken(facility, use_on, slot, excluding=booking)
        if people > left:
            raise ValidationError(_("所選日期時段僅剩 %(left)s 個名額，預約未變更。") % {"left": left})
        booking.status = BookingStatus.REQUESTED  # the hall confirms a changed booking again
    elif moved:
        booking.waitlisted_at = timezone.now()
    booking.use_on, booking.slot, booking.people, booking.updated_by = use_on, slot, people, user
    booking.save()
    _hall_message(booking, "changed")
    hall_waiting_list_promote(facility=facility, use_on=old[0], slot=old[1])
    if moved and booking.status == BookingStatus.WAITLISTED:
        hall_waiting_list_promote(facility=facility, use_on=use_on, slot=slot)
    return booking


def hall_waiting_list_promote(*, facility: HallFacility, use_on: date, slot: str) -> list[HallBooking]:
    """Freed places go to the waiting bookings in their order; one too large does not hold back a smaller one.
    Call it holding the facility's lock."""
    left = facility.capacity - _hall_taken(facility, use_on, slot)
    promoted = []
    waiting = HallBooking.objects.select_for_update().filter(
        facility=facility, use_on=use_on, slot=slot, status=BookingStatus.WAITLISTED).order_by("waitlisted_at", "pk")
    for booking in waiting:
        if booking.people <= left:
            booking.status = BookingStatus.REQUESTED
            booking.save(update_fields=["status", "updated_at"])
            _hall_message(booking, "promoted")
            left -= booking.people
            promoted.append(booking)
    return promoted


@transaction.atomic
def hall_booking_confirm(*, booking: HallBooking, user=None) -> HallBooking:
    booking = _hall_locked(booking)
    if booking.status != BookingStatus.REQUESTED:
        raise ValidationError(_("只有待確認的預約可以確認。"))
    booking.status, booking.updated_by = BookingStatus.CONFIRMED, user
    booking.save()
    _hall_message(booking, "confirmed")
    return booking


@transaction.atomic
def hall_booking_payment(*, booking: HallBooking, amount: int, paid_on: date, user=None) -> HallBooking:
    booking = _hall_locked(booking)
    if booking.status in (BookingStatus.CANCELLED, BookingStatus.WAITLISTED):
        raise ValidationError(_("取消或候補中的預約不能收款。"))
    booking.paid_amount, booking.paid_on, booking.updated_by = booking.paid_amount + amount, paid_on, user
    booking.save()
    return booking


@transaction.atomic
def hall_booking_attendance(*, booking: HallBooking, people: int, user=None) -> HallBooking:
    """Who came (0: no show); the report counts the people of the bookings used."""
    booking = _hall_locked(booking)
    if booking.status not in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED):
        raise ValidationError(_("此預約不在可登錄使用的狀態。"))
    booking.status = BookingStatus.ATTENDED if people else BookingStatus.NO_SHOW
    booking.attended_people, booking.updated_by = people, user
    booking.save()
    return booking
