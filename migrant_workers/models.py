"""The migrant-workers section (外勞科, report section 四(四)): inspection visits, consultations, penalties under
the Employment Service Act, employers' status notifications with their art. 56 deadline, shelter stays,
quarantine-arrangement checks, outreach and care, the holiday calendar the deadline rule reads, and workers'
complaints on the shared case kit (letter W).
"""

import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.attachments import CaseAttachment
from labor_portal.cases.statelog import StateChange
from labor_portal.core.models import BureauRecord, PeriodQuerySet


class Nationality(models.TextChoices):
    INDONESIA = "ID", _("印尼")
    VIETNAM = "VN", _("越南")
    PHILIPPINES = "PH", _("菲律賓")
    THAILAND = "TH", _("泰國")
    OTHER = "XX", _("其他")


class WorkerCategory(models.TextChoices):
    BLUE_COLLAR = "blue_collar", _("藍領外籍勞工")
    PROFESSIONAL = "professional", _("專業外國人")


class InspectionReason(models.TextChoices):
    """Why an employer was visited; the blue-collar table's columns in the report's order."""

    ROUTINE = "routine", _("例行訪查")
    ARRIVAL = "arrival", _("入國通報(訪查)")
    ASSIGNED = "assigned", _("交辦案件")
    OTHER = "other", _("其他")


class InspectionFinding(models.TextChoices):
    COMPLIANT = "compliant", _("符合規定")
    TO_IMPROVE = "to_improve", _("限期改善")
    VIOLATION = "violation", _("違法移送裁處")


class InspectionVisit(BureauRecord):
    """One visit of an employer of migrant workers (查察), with what was found."""

    reference = models.CharField(_("查察編號"), max_length=30, unique=True)
    visited_on = models.DateField(_("查察日期"), db_index=True)
    category = models.CharField(_("外國人類別"), max_length=20, choices=WorkerCategory.choices)
    reason = models.CharField(_("查察事由"), max_length=20, choices=InspectionReason.choices)
    employer_name = models.CharField(_("雇主名稱"), max_length=200)
    workers_seen = models.PositiveSmallIntegerField(_("訪查外國人數"), default=1)
    finding = models.CharField(_("查察結果"), max_length=20, choices=InspectionFinding.choices,
                               default=InspectionFinding.COMPLIANT)
    notes = models.TextField(_("查察紀要"), blank=True)

    objects = PeriodQuerySet.dated_by("visited_on").as_manager()

    class Meta:
        verbose_name = _("查察案件")
        verbose_name_plural = _("查察案件")
        ordering = ["-visited_on", "reference"]

    def __str__(self):
        return f"{self.reference} {self.employer_name}"


class ConsultationTopic(models.TextChoices):
    LEGAL = "legal", _("法令諮詢")
    DISPUTE = "dispute", _("勞資爭議")
    TERMINATION = "termination", _("解約驗證")


class ConsultationChannel(models.TextChoices):
    WALK_IN = "walk_in", _("臨櫃")
    PHONE = "phone", _("電話")
    HOTLINE_1955 = "hotline_1955", _("1955專線轉介")
    ONLINE = "online", _("網路")


class Consultation(BureauRecord):
    """One consultation given to an employer, broker or worker; a mask handed out with it counts separately."""

    held_on = models.DateField(_("諮詢日期"), db_index=True)
    topic = models.CharField(_("諮詢類別"), max_length=20, choices=ConsultationTopic.choices)
    channel = models.CharField(_("諮詢管道"), max_length=20, choices=ConsultationChannel.choices)
    nationality = models.CharField(_("國籍"), max_length=2, choices=Nationality.choices, blank=True)
    summary = models.TextField(_("諮詢內容摘要"), blank=True)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("諮詢服務")
        verbose_name_plural = _("諮詢服務")
        ordering = ["-held_on", "pk"]

    def __str__(self):
        return f"{self.held_on} {self.get_topic_display()}"


class Penalty(BureauRecord):
    """A penalty decision (裁處) under the Employment Service Act."""

    document_number = models.CharField(_("處分書字號"), max_length=50, unique=True)
    decided_on = models.DateField(_("裁處日期"), db_index=True)
    employer_name = models.CharField(_("受處分人"), max_length=200)
    article = models.CharField(_("違反條文"), max_length=50, help_text=_("例如 就業服務法第57條第1款。"))
    penalty_article = models.CharField(_("裁罰條文"), max_length=50, blank=True,
                                       help_text=_("例如 就業服務法第63條第1項。"))
    amount = models.PositiveIntegerField(_("罰鍰金額(元)"))
    is_final = models.BooleanField(_("已確定"), default=False)

    objects = PeriodQuerySet.dated_by("decided_on").as_manager()

    class Meta:
        verbose_name = _("違反就業服務法裁處")
        verbose_name_plural = _("違反就業服務法裁處")
        ordering = ["-decided_on", "document_number"]

    def __str__(self):
        return self.document_number


class NotificationKind(models.TextChoices):
    """What an employer reports of a worker (就業服務法第56條 and the arrival rules)."""

    TRANSFER = "transfer", _("接續通報")
    ARRIVAL = "arrival", _("入國通報")
    DEPARTURE = "departure", _("離境報備")
    ABSCOND = "abscond", _("逃逸報備")
    REVOCATION = "revocation", _("撤銷報備")
    CANCELLATION = "cancellation", _("廢止通報")


# The report's two groups of status notifications (表(5)): entry into an employment, and its end.
NOTIFICATION_GROUPS = (
    ("接續通報、入國通報", (NotificationKind.TRANSFER, NotificationKind.ARRIVAL)),
    ("離境報備、逃逸報備、撤銷報備、廢止通報", (NotificationKind.DEPARTURE, NotificationKind.ABSCOND,
                                            NotificationKind.REVOCATION, NotificationKind.CANCELLATION)),
)


class StatusNotification(BureauRecord):
    """An employer's notification of a worker's status: dated by the event and by its filing, with its legal
    deadline (services.notification_deadline, art. 56) and whether it was filed late, both kept when saved."""

    reference = models.CharField(_("通報編號"), max_length=30, unique=True)
    kind = models.CharField(_("通報類別"), max_length=20, choices=NotificationKind.choices)
    event_on = models.DateField(_("事實發生日"))
    # Empty while the bureau knows of the event (from the worker, another agency) but the employer has not filed:
    # past its deadline it is on the workbench's late-notification queue.
    filed_on = models.DateField(_("通報日期"), null=True, blank=True)
    processed_on = models.DateField(_("處理日期"), db_index=True, null=True, blank=True)
    deadline_on = models.DateField(_("法定期限"), editable=False)
    filed_late = models.BooleanField(_("逾期通報"), default=False, editable=False, db_index=True)
    # The day a clerk dealt with a late (or missing) notification (a penalty under ESA art. 68, or found excused).
    late_reviewed_on = models.DateField(_("逾期處理日期"), null=True, blank=True)
    employer_name = models.CharField(_("雇主名稱"), max_length=200)
    worker_name = models.CharField(_("外國人姓名"), max_length=100)
    passport_number = models.CharField(_("護照號碼"), max_length=20, blank=True)
    nationality = models.CharField(_("國籍"), max_length=2, choices=Nationality.choices)

    objects = PeriodQuerySet.dated_by("processed_on").as_manager()

    class Meta:
        verbose_name = _("動態管理通報")
        verbose_name_plural = _("動態管理通報")
        ordering = ["-processed_on", "reference"]
        constraints = [
            models.CheckConstraint(condition=Q(filed_on__gte=models.F("event_on")),
                                   name="migrant_notification_filed_after_event"),
        ]

    def __str__(self):
        return f"{self.reference} {self.get_kind_display()}"

    def clean(self):
        if self.event_on and self.filed_on and self.filed_on < self.event_on:
            raise ValidationError({"filed_on": _("通報日期不得早於事實發生日。")})
        if self.filed_on and not self.processed_on:
            raise ValidationError({"processed_on": _("已通報者請填處理日期。")})
        if self.processed_on and not self.filed_on:
            raise ValidationError({"filed_on": _("尚未通報者不得填處理日期。")})

    def save(self, *args, **kwargs):
        from migrant_workers.deadlines import notification_deadline

        self.deadline_on = notification_deadline(self.event_on)
        self.filed_late = self.filed_on is not None and self.filed_on > self.deadline_on
        super().save(*args, **kwargs)


def validate_half_days(value: Decimal):
    if value is not None and (value * 2) % 1:
        raise ValidationError(_("安置人日數以半日為單位（例如 3 或 3.5）。"))


def shelter_ends_on(placed_on: date, person_days: Decimal) -> date:
    """The day of a stay's last half day: its half days run two a day from the day placed."""
    return placed_on + timedelta(days=(int(person_days * 2) - 1) // 2)


def shelter_half_days_within(placed_on: date, person_days: Decimal, start: date, end: date) -> int:
    """How many of a stay's half days fall in [start, end) (two a day from the day placed): a stay crossing
    two halves counts in each the half days that fall in it."""
    half_days = int(person_days * 2)
    first = max(0, 2 * (start - placed_on).days)
    last = min(half_days, 2 * (end - placed_on).days)
    return max(0, last - first)


class ShelterStay(BureauRecord):
    """A worker placed in the bureau's emergency shelter; counted in person-days, half days allowed, in the half
    each half day falls in (two a day from the day placed)."""

    placed_on = models.DateField(_("安置日期"), db_index=True)
    left_on = models.DateField(_("離開日期"), null=True, blank=True)
    worker_name = models.CharField(_("外國人姓名"), max_length=100)
    nationality = models.CharField(_("國籍"), max_length=2, choices=Nationality.choices)
    person_days = models.DecimalField(_("安置人日數"), max_digits=6, decimal_places=1,
                                      validators=[MinValueValidator(Decimal("0.5")), validate_half_days])
    reason = models.CharField(_("安置原因"), max_length=200, blank=True)
    # The day of the last half day (shelter_ends_on), kept on save: the figure finds the stays crossing a period's
    # edge with it.
    ends_on = models.DateField(_("安置最後一日"), editable=False, null=True, db_index=True)

    objects = PeriodQuerySet.dated_by("placed_on").as_manager()

    class Meta:
        verbose_name = _("緊急安置")
        verbose_name_plural = _("緊急安置")
        ordering = ["-placed_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(person_days__gt=0), name="migrant_shelter_days_positive"),
        ]

    def __str__(self):
        return f"{self.placed_on} {self.worker_name}"

    def save(self, *args, **kwargs):
        self.ends_on = shelter_ends_on(self.placed_on, self.person_days)
        super().save(*args, **kwargs)


class OutreachKind(models.TextChoices):
    COMMUNITY_CARE = "community_care", _("社區關懷家庭看護工巡迴服務")
    COVID_BRIEFING = "covid_briefing", _("走動式防疫宣導")
    DORMITORY_CHECK = "dormitory_check", _("住宿地點聯合檢查")


class OutreachEvent(BureauRecord):
    """An outreach event and how many it reached."""

    held_on = models.DateField(_("辦理日期"), db_index=True)
    kind = models.CharField(_("活動類別"), max_length=20, choices=OutreachKind.choices)
    place = models.CharField(_("地點"), max_length=200)
    reach = models.PositiveIntegerField(_("參加或宣導人次"), default=0)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("宣導及關懷活動")
        verbose_name_plural = _("宣導及關懷活動")
        ordering = ["-held_on", "pk"]

    def __str__(self):
        return f"{self.held_on} {self.get_kind_display()} {self.place}"


class QuarantineCheckOutcome(models.TextChoices):
    PENDING = "pending", _("審查中")
    RETURNED = "returned", _("資料不全退件")
    WITHDRAWN = "withdrawn", _("雇主自行撤回")
    TO_INSPECT = "to_inspect", _("須辦理查核")
    INSPECTED = "inspected", _("已查核")


class QuarantineCheck(BureauRecord):
    """An employer's application for a new arrival's quarantine arrangements (居家檢疫實地查核)."""

    received_on = models.DateField(_("受理日期"), db_index=True)
    employer_name = models.CharField(_("雇主名稱"), max_length=200)
    workers = models.PositiveSmallIntegerField(_("移工人數"), default=1)
    outcome = models.CharField(_("審查結果"), max_length=20, choices=QuarantineCheckOutcome.choices,
                               default=QuarantineCheckOutcome.PENDING)

    objects = PeriodQuerySet.dated_by("received_on").as_manager()

    class Meta:
        verbose_name = _("居家檢疫查核申請")
        verbose_name_plural = _("居家檢疫查核申請")
        ordering = ["-received_on", "pk"]

    def __str__(self):
        return f"{self.received_on} {self.employer_name}"


class HandoutKind(models.TextChoices):
    MASK = "mask", _("口罩")
    CARE_PACK = "care_pack", _("防疫關懷包")


class Handout(BureauRecord):
    """Masks or care packs handed out on a day."""

    given_on = models.DateField(_("發放日期"), db_index=True)
    kind = models.CharField(_("品項"), max_length=20, choices=HandoutKind.choices)
    quantity = models.PositiveIntegerField(_("份數"))
    recipient = models.CharField(_("領取者（仲介或移工）"), max_length=200, blank=True)

    objects = PeriodQuerySet.dated_by("given_on").as_manager()

    class Meta:
        verbose_name = _("物資發放")
        verbose_name_plural = _("物資發放")
        ordering = ["-given_on", "pk"]

    def __str__(self):
        return f"{self.given_on} {self.get_kind_display()} {self.quantity}"


class CareKind(models.TextChoices):
    PHONE = "phone", _("母語電話關懷")
    VISIT = "visit", _("居家檢疫場所實地訪視")


class QuarantineCare(BureauRecord):
    """One worker in quarantine called in their language or visited."""

    cared_on = models.DateField(_("關懷日期"), db_index=True)
    kind = models.CharField(_("關懷方式"), max_length=10, choices=CareKind.choices)
    worker_name = models.CharField(_("外國人姓名"), max_length=100)
    nationality = models.CharField(_("國籍"), max_length=2, choices=Nationality.choices)

    objects = PeriodQuerySet.dated_by("cared_on").as_manager()

    class Meta:
        verbose_name = _("檢疫移工關懷")
        verbose_name_plural = _("檢疫移工關懷")
        ordering = ["-cared_on", "pk"]

    def __str__(self):
        return f"{self.cared_on} {self.worker_name}"


class Holiday(models.Model):
    """A day that breaks the week's pattern for deadlines: a national holiday or day off on a weekday, or a
    Saturday that is a make-up working day (補行上班日). Published yearly by the Directorate-General of
    Personnel Administration; editable in the admin."""

    day = models.DateField(_("日期"), unique=True)
    name = models.CharField(_("名稱"), max_length=50)
    is_workday = models.BooleanField(_("補行上班日"), default=False,
                                     help_text=_("勾選表示此日為補行上班日（週六上班），而非放假日。"))

    class Meta:
        verbose_name = _("國定假日及補行上班日")
        verbose_name_plural = _("國定假日及補行上班日")
        ordering = ["day"]

    def __str__(self):
        return f"{self.day} {self.name}"


# --- Workers' complaints (case kit, letter W) ----------------------------------------------------


class ComplaintTopic(models.TextChoices):
    UNPAID_WAGES = "unpaid_wages", _("積欠工資")
    OVERTIME = "overtime", _("加班費")
    BROKER_FEES = "broker_fees", _("仲介超收費用")
    ABUSE = "abuse", _("遭受虐待或性騷擾")
    FALSE_ABSCOND = "false_abscond", _("雇主不實逃逸通報")
    CHANGE_EMPLOYER = "change_employer", _("轉換雇主")
    EMERGENCY = "emergency", _("緊急狀況需安置")
    OTHER = "other", _("其他")


class MigrantComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("已受理")
    ASSIGNED = "assigned", _("已分案處理中")
    SHELTERED = "sheltered", _("已安置")
    RESOLVED = "resolved", _("已處理完成")
    CLOSED = "closed", _("不受理或移送結案")
    WITHDRAWN = "withdrawn", _("申訴人撤回")


COMPLAINT_OUTCOMES = (MigrantComplaintStatus.RESOLVED, MigrantComplaintStatus.CLOSED, MigrantComplaintStatus.WITHDRAWN)


class MigrantComplaint(BureauRecord):
    """A migrant worker's complaint or request for help, filed without an account in the worker's language."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_number = models.CharField(_("案件編號"), max_length=20, unique=True, editable=False)
    access_code_hash = models.CharField(max_length=200, editable=False)
    access_code_generation = models.PositiveSmallIntegerField(default=0, editable=False)
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    filed_on = models.DateField(_("受理日期"), db_index=True)
    language = models.CharField(_("申訴語言"), max_length=10, default=settings.LANGUAGE_CODE, editable=False)
    status = models.CharField(_("狀態"), max_length=20, choices=MigrantComplaintStatus.choices,
                              default=MigrantComplaintStatus.RECEIVED)
    topic = models.CharField(_("申訴事項"), max_length=20, choices=ComplaintTopic.choices)
    urgent = models.BooleanField(_("緊急"), default=False, db_index=True)

    worker_name = models.CharField(_("姓名"), max_length=100)
    nationality = models.CharField(_("國籍"), max_length=2, choices=Nationality.choices)
    passport_number = models.CharField(_("護照號碼或居留證號碼"), max_length=20, blank=True)
    phone = models.CharField(_("聯絡電話"), max_length=30)
    email = models.EmailField(_("電子郵件"), blank=True)
    employer_name = models.CharField(_("雇主或仲介名稱"), max_length=200, blank=True)
    workplace_address = models.CharField(_("工作或居住地址"), max_length=300, blank=True)
    account = models.TextField(_("事實經過"), validators=[MaxLengthValidator(5000)])

    handler = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("承辦人"), on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="+")

    objects = PeriodQuerySet.dated_by("filed_on").as_manager()

    class Meta:
        verbose_name = _("移工申訴")
        verbose_name_plural = _("移工申訴")
        ordering = ["-filed_on", "case_number"]

    def __str__(self):
        return self.case_number

    @property
    def is_concluded(self) -> bool:
        return self.status in COMPLAINT_OUTCOMES


class MigrantComplaintStateChange(StateChange):
    case = models.ForeignKey(MigrantComplaint, on_delete=models.CASCADE, related_name="state_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("移工申訴狀態紀錄")
        verbose_name_plural = _("移工申訴狀態紀錄")
        indexes = [models.Index(fields=["case", "changed_on", "changed_at", "id"],
                                name="migrant_state_case_day")]


class MigrantComplaintAttachment(BureauRecord, CaseAttachment):
    """A document the worker sent with the complaint, from its page (the case kit's attachments)."""

    case = models.ForeignKey(MigrantComplaint, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["created_at"]
