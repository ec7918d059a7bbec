"""Records of the welfare section (勞工福利科): occupational-accident condolence payments, injured workers' case
management, the bureau's rental housing and the Shijia Hall's venue and lodging bookings."""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.models import BureauRecord, PeriodQuerySet
from labor_portal.core.periods import HalfYear

# --- Occupational-accident condolence payments (勞工職業災害慰問金) -----------------------------------


class CondolenceCategory(models.IntegerChoices):
    """The report's four bands, numbered by severity so that a re-grading "to a higher band" is a larger number."""

    DISABILITY_11_15 = 1, "職災失能11-15級"
    DISABILITY_6_10 = 2, "職災失能6-10級"
    DISABILITY_1_5 = 3, "職災失能1-5級"
    DEATH = 4, "職災死亡"


class CondolenceBand(models.Model):
    """A band of the condolence payments in force from `valid_from`: which disability grades it covers and what it
    pays (a range for a death, fixed for a disability). Kept as dated data, corrected in the admin.

    Source: 高雄市勞工職業災害慰問金發給要點 as the bureau applies it in its half-year report (109年1月至6月, table
    六(一)1: death NT$100,000–300,000; disability grades 1–5 NT$30,000, 6–10 NT$20,000, 11–15 NT$10,000). The
    rule's own text was not found (../shared/SECTIONS-NOTES.md §2); the bands are the report's.
    """

    category = models.PositiveSmallIntegerField(_("類別"), choices=CondolenceCategory.choices)
    grade_from = models.PositiveSmallIntegerField(_("失能等級（起）"), null=True, blank=True)
    grade_to = models.PositiveSmallIntegerField(_("失能等級（迄）"), null=True, blank=True)
    amount_min = models.PositiveIntegerField(_("慰問金下限（元）"))
    amount_max = models.PositiveIntegerField(_("慰問金上限（元）"))
    valid_from = models.DateField(_("生效日"))
    citation = models.CharField(_("依據"), max_length=200)

    class Meta:
        verbose_name = _("慰問金級距")
        verbose_name_plural = _("慰問金級距")
        ordering = ["-valid_from", "-category"]
        constraints = [
            models.UniqueConstraint(fields=["category", "valid_from"], name="condolence_band_once_per_day"),
            models.CheckConstraint(condition=Q(amount_min__lte=models.F("amount_max")),
                                   name="condolence_band_min_not_above_max"),
        ]

    def __str__(self):
        return f"{self.get_category_display()}（{self.valid_from:%Y-%m-%d} 起）"

    def clean(self):
        if self.amount_min is not None and self.amount_max is not None and self.amount_min > self.amount_max:
            raise ValidationError({"amount_max": _("上限不得低於下限。")})
        disability = self.category != CondolenceCategory.DEATH
        if disability and (self.grade_from is None or self.grade_to is None or self.grade_from > self.grade_to):
            raise ValidationError({"grade_to": _("失能類別須填寫等級範圍（起不得大於迄）。")})

    @classmethod
    def in_force(cls, day: date) -> dict[int, "CondolenceBand"]:
        """{category: band} of the bands in force on `day` (each category's latest from on or before it)."""
        bands: dict[int, CondolenceBand] = {}
        for band in cls.objects.filter(valid_from__lte=day).order_by("category", "-valid_from"):
            bands.setdefault(band.category, band)
        return bands


class CondolenceBudget(models.Model):
    """The year's budget for condolence payments, printed as the row label of the report's table."""

    year = models.PositiveSmallIntegerField(_("年度（西元）"), unique=True)
    amount = models.PositiveBigIntegerField(_("預算（元）"))

    class Meta:
        verbose_name = _("慰問金年度預算")
        verbose_name_plural = _("慰問金年度預算")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year - 1911}年 {self.amount:,}元"


class AccidentKind(models.TextChoices):
    WORKPLACE = "workplace", "工作場所"
    COMMUTING = "commuting", "通勤"


class CondolenceCase(BureauRecord):
    """One worker's occupational accident, for which condolence payments are graded and paid."""

    worker_name = models.CharField(_("勞工姓名"), max_length=100)
    personal_id = models.CharField(_("身分證統一編號"), max_length=10)
    phone = models.CharField(_("聯絡電話"), max_length=30, blank=True)
    employer = models.CharField(_("事業單位"), max_length=200, blank=True)
    accident_on = models.DateField(_("職災發生日"), db_index=True)
    accident_kind = models.CharField(_("職災類型"), max_length=20, choices=AccidentKind.choices,
                                     default=AccidentKind.WORKPLACE)
    applied_on = models.DateField(_("申請日期"))
    description = models.TextField(_("事故與傷勢摘要"), blank=True)

    class Meta:
        verbose_name = _("職災慰問案件")
        verbose_name_plural = _("職災慰問案件")
        ordering = ["-applied_on", "-pk"]

    def __str__(self):
        return f"{_('職災慰問')} #{self.pk}"


class PaymentStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", "待核准"
    APPROVED = "approved", "已核准待撥款"
    PAID = "paid", "已撥款"
    REJECTED = "rejected", "不予核發"


class CondolencePaymentQuerySet(models.QuerySet):
    def paid_in(self, period: HalfYear):
        return self.filter(status=PaymentStatus.PAID, paid_on__gte=period.start, paid_on__lt=period.end)


class CondolencePayment(BureauRecord):
    """A payment on a case in one band: the first grading pays the band's amount, a re-grading to a higher band
    pays the difference to what was already granted (welfare.services.condolence_payment_grant)."""

    case = models.ForeignKey(CondolenceCase, verbose_name=_("案件"), on_delete=models.PROTECT, related_name="payments")
    category = models.PositiveSmallIntegerField(_("認定類別"), choices=CondolenceCategory.choices)
    grade = models.PositiveSmallIntegerField(_("失能等級"), null=True, blank=True)
    graded_on = models.DateField(_("認定日期"))
    band_amount = models.PositiveIntegerField(_("該級距慰問金（元）"))
    amount = models.PositiveIntegerField(_("本次核發金額（元）"), help_text=_("重新認定為較高級距時，僅補發差額。"))
    status = models.CharField(_("狀態"), max_length=20, choices=PaymentStatus.choices,
                              default=PaymentStatus.AWAITING_APPROVAL)
    approved_on = models.DateField(_("核准日期"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("核准人"), on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    paid_on = models.DateField(_("撥款日期"), null=True, blank=True, db_index=True)

    objects = CondolencePaymentQuerySet.as_manager()

    class Meta:
        verbose_name = _("慰問金核發")
        verbose_name_plural = _("慰問金核發")
        ordering = ["-graded_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(status="paid") | Q(paid_on__isnull=False),
                                   name="condolence_paid_has_date"),
        ]

    def __str__(self):
        return f"{self.case} {self.get_category_display()} {self.amount:,}元"


# --- Injured workers' case management (職災勞工個案管理) -----------------------------------------------


class InjuredWorkerCaseQuerySet(models.QuerySet):
    def served_in(self, period: HalfYear):
        """Cases open at some time in the period: opened before its end, not closed before its start."""
        return self.filter(Q(closed_on__isnull=True) | Q(closed_on__gte=period.start), opened_on__lt=period.end)


class InjuredWorkerCase(BureauRecord):
    """An injured worker followed by a case manager (職業災害勞工個案主動服務計畫); health data inside."""

    worker_name = models.CharField(_("勞工姓名"), max_length=100)
    personal_id = models.CharField(_("身分證統一編號"), max_length=10, blank=True)
    phone = models.CharField(_("聯絡電話"), max_length=30, blank=True)
    injury = models.TextField(_("傷病情形"), blank=True)
    needs = models.TextField(_("需求評估"), blank=True)
    case_manager = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("個案管理員"),
                                     on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    opened_on = models.DateField(_("開案日期"), db_index=True)
    closed_on = models.DateField(_("結案日期"), null=True, blank=True)

    objects = InjuredWorkerCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("職災勞工個案")
        verbose_name_plural = _("職災勞工個案")
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                                   name="injured_case_closed_not_before_opened"),
        ]

    def __str__(self):
        return f"{_('職災個案')} #{self.pk}"


class ContactKind(models.TextChoices):
    PROACTIVE = "proactive", "主動關懷"
    CONSULTATION = "consultation", "諮詢"
    HOME_VISIT = "home_visit", "訪視"


class CaseContact(BureauRecord):
    case = models.ForeignKey(InjuredWorkerCase, verbose_name=_("個案"), on_delete=models.CASCADE,
                             related_name="contacts")
    # The programme's own record number: a re-imported sheet names the record it updates by it. Records
    # entered by hand in the admin may have none.
    reference = models.CharField(_("服務紀錄編號"), max_length=30, unique=True, null=True, blank=True)
    contacted_on = models.DateField(_("服務日期"), db_index=True)
    kind = models.CharField(_("服務類型"), max_length=20, choices=ContactKind.choices)
    note = models.TextField(_("紀錄"), blank=True)

    objects = PeriodQuerySet.dated_by("contacted_on").as_manager()

    class Meta:
        verbose_name = _("個案服務紀錄")
        verbose_name_plural = _("個案服務紀錄")
        ordering = ["-contacted_on", "-pk"]

    def __str__(self):
        return f"{self.case} {self.contacted_on}"


# --- Rental housing (勞工租賃住宅) ---------------------------------------------------------------------


class RentalUnitQuerySet(models.QuerySet):
    def managed_on(self, day: date):
        return self.filter(Q(managed_until__isnull=True) | Q(managed_until__gt=day), managed_from__lte=day)

    def managed_at_end_of(self, period: HalfYear):
        return self.managed_on(period.last_day)


class RentalHousingUnit(BureauRecord):
    building = models.CharField(_("社區"), max_length=100)
    unit_number = models.CharField(_("戶號"), max_length=30)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    monthly_rent = models.PositiveIntegerField(_("月租金（元）"), default=0)
    managed_from = models.DateField(_("經管起日"))
    managed_until = models.DateField(_("經管迄日"), null=True, blank=True,
                                     help_text=_("移出經管（出售、收回）之日；該日起不再列計。"))

    objects = RentalUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("勞工租賃住宅")
        verbose_name_plural = _("勞工租賃住宅")
        ordering = ["building", "unit_number"]
        constraints = [models.UniqueConstraint(fields=["building", "unit_number"], name="rental_unit_once")]

    def __str__(self):
        return f"{self.building} {self.unit_number}"


class Tenancy(BureauRecord):
    unit = models.ForeignKey(RentalHousingUnit, verbose_name=_("住宅"), on_delete=models.PROTECT,
                             related_name="tenancies")
    tenant_name = models.CharField(_("承租人"), max_length=100)
    personal_id = models.CharField(_("身分證統一編號"), max_length=10, blank=True)
    phone = models.CharField(_("聯絡電話"), max_length=30, blank=True)
    starts_on = models.DateField(_("租期起"))
    ends_on = models.DateField(_("租期迄"), null=True, blank=True)

    class Meta:
        verbose_name = _("租約")
        verbose_name_plural = _("租約")
        ordering = ["-starts_on"]

    def __str__(self):
        return f"{self.unit} {self.starts_on}"


# --- Shijia Hall (獅甲會館): venues and lodging ---------------------------------------------------------


class HallKind(models.TextChoices):
    VENUE = "venue", _("場地租借")
    LODGING = "lodging", _("住宿")


class HallFacility(BureauRecord):
    """A room of the Shijia Hall let for meetings (a venue) or for the night (lodging)."""

    name = models.CharField(_("名稱"), max_length=100)
    kind = models.CharField(_("類別"), max_length=20, choices=HallKind.choices)
    capacity = models.PositiveIntegerField(_("每時段容納人數"))
    price = models.PositiveIntegerField(_("每時段租金／每晚房價（元）"))
    active = models.BooleanField(_("開放預約"), default=True)

    class Meta:
        verbose_name = _("獅甲會館場地／房間")
        verbose_name_plural = _("獅甲會館場地／房間")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class HallSlot(models.TextChoices):
    MORNING = "morning", _("上午（09-12時）")
    AFTERNOON = "afternoon", _("下午（13-17時）")
    EVENING = "evening", _("晚上（18-21時）")
    NIGHT = "night", _("住宿（當晚）")


class HallSlotHold(models.Model):
    """The lock of one slot of one facility on one day: bookings of that slot take its row FOR UPDATE (made on
    first use; the unique constraint makes two first uses one row), so that two people cannot both take its
    last places while bookings of other slots and days go on undisturbed."""

    facility = models.ForeignKey(HallFacility, on_delete=models.CASCADE, related_name="+")
    use_on = models.DateField()
    slot = models.CharField(max_length=20, choices=HallSlot.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["facility", "use_on", "slot"], name="hall_slot_hold_once")]

    def __str__(self):
        return f"{self.facility_id} {self.use_on} {self.slot}"


class HallBlackout(models.Model):
    """A day the hall lets nothing (maintenance, a bureau event)."""

    day = models.DateField(_("日期"), unique=True)
    reason = models.CharField(_("原因"), max_length=200)

    class Meta:
        verbose_name = _("獅甲會館不開放日")
        verbose_name_plural = _("獅甲會館不開放日")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day} {self.reason}"


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("已預約，待確認")
    CONFIRMED = "confirmed", _("已確認")
    WAITLISTED = "waitlisted", _("候補中")
    CANCELLED = "cancelled", _("已取消")
    ATTENDED = "attended", _("已使用")
    NO_SHOW = "no_show", _("未到")


# The bookings that hold places of their slot.
HOLDING = (BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.ATTENDED)


class HallBookingQuerySet(models.QuerySet):
    def used_in(self, period: HalfYear):
        return self.filter(status=BookingStatus.ATTENDED, use_on__gte=period.start, use_on__lt=period.end)


class HallBooking(BureauRecord):
    """A venue or lodging booking at the Shijia Hall (a citizen's online booking, letter V, or one staff enter)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_number = models.CharField(_("預約編號"), max_length=20, unique=True, editable=False)
    access_code_hash = models.CharField(max_length=200, editable=False)
    access_code_generation = models.PositiveSmallIntegerField(default=0, editable=False)
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    language = models.CharField(_("預約語言"), max_length=10, default=settings.LANGUAGE_CODE, editable=False)
    facility = models.ForeignKey(HallFacility, verbose_name=_("場地／房間"), on_delete=models.PROTECT,
                                 related_name="bookings")
    use_on = models.DateField(_("使用日期"), db_index=True)
    slot = models.CharField(_("時段"), max_length=20, choices=HallSlot.choices)
    people = models.PositiveIntegerField(_("人數"))
    booker_name = models.CharField(_("預約人"), max_length=100)
    organisation = models.CharField(_("單位"), max_length=200, blank=True)
    email = models.EmailField(_("電子郵件"), blank=True)
    phone = models.CharField(_("聯絡電話"), max_length=30)
    status = models.CharField(_("狀態"), max_length=20, choices=BookingStatus.choices,
                              default=BookingStatus.REQUESTED, db_index=True)
    booked_on = models.DateField(_("預約日期"))
    waitlisted_at = models.DateTimeField(_("候補登記時間"), null=True, blank=True)
    fee = models.PositiveIntegerField(_("應收金額（元）"), default=0)
    paid_amount = models.PositiveIntegerField(_("已收金額（元）"), default=0)
    paid_on = models.DateField(_("收款日期"), null=True, blank=True)
    attended_people = models.PositiveIntegerField(_("實到人數"), null=True, blank=True)

    objects = HallBookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("獅甲會館預約")
        verbose_name_plural = _("獅甲會館預約")
        ordering = ["-use_on", "-booked_on"]
        indexes = [models.Index(fields=["facility", "use_on", "slot"], name="hall_booking_slot")]

    def __str__(self):
        return self.case_number or str(self.pk)

    @property
    def is_open(self) -> bool:
        return self.status in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)
