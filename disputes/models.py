"""Labor-dispute mediation (勞資爭議調解) and the labor-rights fund's litigation subsidies (勞工權益基金)."""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.attachments import CaseAttachment, case_attachment_path
from labor_portal.cases.statelog import DatedChange, StateChange
from labor_portal.core.models import BureauRecord, PeriodQuerySet
from labor_portal.core.validators import validate_birth_date, validate_business_number, validate_personal_id

# A citizen's account of the dispute: about five pages of text, far more than any filing needs, and a bound on
# what one request may store (a TextField has no length limit in the database).
ACCOUNT_MAX_LENGTH = 5000


class DisputeStatus(models.TextChoices):
    RECEIVED = "received", _("已受理")
    ASSIGNED = "assigned", _("已分案")
    SCHEDULED = "scheduled", _("已排定調解會議")
    SETTLED = "settled", _("調解成立")
    NOT_SETTLED = "not_settled", _("調解不成立")
    WITHDRAWN = "withdrawn", _("撤回")


OUTCOMES = (DisputeStatus.SETTLED, DisputeStatus.NOT_SETTLED, DisputeStatus.WITHDRAWN)
# Outcomes that a mediation session decides; a withdrawal needs no session.
MEDIATED_OUTCOMES = (DisputeStatus.SETTLED, DisputeStatus.NOT_SETTLED)


class DisputeCategory(models.TextChoices):
    WAGES = "wages", "工資爭議"
    CONTRACT = "contract", "契約爭議"
    OCCUPATIONAL_INJURY = "occupational_injury", "職災爭議"
    RETIREMENT = "retirement", "退休爭議"
    LABOR_INSURANCE = "labor_insurance", "勞保爭議"
    OTHER = "other", "其他爭議"


class MediationChannel(models.TextChoices):
    CIVIC_GROUP = "civic_group", "民間團體調處"
    MEDIATOR = "mediator", "主管機關調解人"
    COMMITTEE = "committee", "調解委員會"


class ApplicantKind(models.TextChoices):
    WORKER = "worker", _("勞工")
    EMPLOYER = "employer", _("雇主")
    UNION = "union", _("工會")


class FiledVia(models.TextChoices):
    ONLINE = "online", _("線上申請")
    PAPER = "paper", _("紙本申請")


class DisputeCaseQuerySet(PeriodQuerySet.dated_by("filed_on")):
    def open_on(self, day: date):
        """Still in mediation at the end of `day`: not concluded, or concluded only later."""
        return self.filter(Q(concluded_on__isnull=True) | Q(concluded_on__gt=day))


class DisputeCase(BureauRecord):
    """A mediation application, from filing to its outcome. Its number and access code go to the applicant."""

    # A UUID, so that case pages cannot be found by counting upwards.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_number = models.CharField(_("案件編號"), max_length=20, unique=True, editable=False)
    access_code_hash = models.CharField(max_length=200, editable=False)
    # How many times the access code was re-issued; the current code is derived from it (labor_portal.cases.codes).
    access_code_generation = models.PositiveSmallIntegerField(default=0, editable=False)
    # The filing form's one-time token: a repeated submission finds the case it already created.
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    filed_via = models.CharField(_("申請方式"), max_length=10, choices=FiledVia.choices, default=FiledVia.ONLINE)
    filed_on = models.DateField(_("受理日期"), db_index=True)
    # The language the citizen filed in: every message about the case is written in it (a paper filing: the
    # default).
    language = models.CharField(_("申請語言"), max_length=10, default=settings.LANGUAGE_CODE, editable=False)

    main_category = models.CharField(_("主要爭議類別"), max_length=30, choices=DisputeCategory.choices)
    categories = models.JSONField(_("爭議類別"), default=list, help_text=_("所有涉及的爭議類別代碼。"))
    account = models.TextField(
        _("爭議經過"), max_length=ACCOUNT_MAX_LENGTH, validators=[MaxLengthValidator(ACCOUNT_MAX_LENGTH)]
    )

    respondent_name = models.CharField(_("對造名稱（事業單位）"), max_length=200)
    respondent_business_number = models.CharField(
        _("對造統一編號"), max_length=8, blank=True, validators=[validate_business_number]
    )
    respondent_representative = models.CharField(_("對造代表人"), max_length=100, blank=True)
    respondent_address = models.CharField(_("對造地址"), max_length=300, blank=True)
    respondent_phone = models.CharField(_("對造電話"), max_length=30, blank=True)

    status = models.CharField(
        _("處理狀態"), max_length=20, choices=DisputeStatus.choices, default=DisputeStatus.RECEIVED, db_index=True
    )
    channel = models.CharField(_("處理方式"), max_length=20, choices=MediationChannel.choices, blank=True)
    mediation_body = models.CharField(_("調解機構或調解人"), max_length=200, blank=True)
    assigned_on = models.DateField(_("分案日期"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("承辦人"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    concluded_on = models.DateField(_("結案日期"), null=True, blank=True, db_index=True)
    settled_amount = models.PositiveBigIntegerField(_("調解成立金額(元)"), null=True, blank=True)
    staff_notes = models.TextField(_("承辦備註（不對外公開）"), blank=True)

    objects = DisputeCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("勞資爭議調解案件")
        verbose_name_plural = _("勞資爭議調解案件")
        ordering = ["-filed_on", "-case_number"]
        indexes = [models.Index(fields=["filed_on", "main_category"]), models.Index(fields=["filed_on", "channel"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True) | Q(concluded_on__gte=models.F("filed_on")),
                name="dispute_concluded_not_before_filed",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in OUTCOMES], concluded_on__isnull=False)
                | (~Q(status__in=[s.value for s in OUTCOMES]) & Q(concluded_on__isnull=True)),
                name="dispute_concluded_iff_outcome",
            ),
        ]

    def __str__(self):
        return self.case_number

    @property
    def is_concluded(self) -> bool:
        return self.status in OUTCOMES

    def clean(self):
        # Sessions are checked by whoever saves them together with the outcome (services, the admin's
        # session inline), since on a form they are saved only after the case.
        errors = outcome_errors(self, check_sessions=False)
        if errors:
            raise ValidationError(errors)


def outcome_errors(case: DisputeCase, session_dates: list[date] | None = None, check_sessions: bool = True) -> dict:
    """What is wrong with the case's outcome, by field; `session_dates` defaults to the saved sessions."""
    errors = {}
    if case.status in OUTCOMES and not case.concluded_on:
        errors["concluded_on"] = _("請填寫結案日期。")
    if case.concluded_on and case.filed_on and case.concluded_on < case.filed_on:
        errors["concluded_on"] = _("結案日期不得早於受理日期。")
    if case.concluded_on and case.status not in OUTCOMES:
        errors["concluded_on"] = _("案件尚未結案，請勿填寫結案日期。")
    if case.settled_amount is not None and case.status != DisputeStatus.SETTLED:
        errors["settled_amount"] = _("只有調解成立的案件才有成立金額。")
    if check_sessions and case.status in MEDIATED_OUTCOMES and case.concluded_on:
        if session_dates is None:
            session_dates = list(case.sessions.values_list("held_on", flat=True)) if case.pk else []
        if not any(day <= case.concluded_on for day in session_dates):
            errors["status"] = _("尚未召開調解會議，不能登錄調解結果（成立或不成立）。")
    if case.status in (DisputeStatus.ASSIGNED, DisputeStatus.SCHEDULED) and not case.channel:
        errors["channel"] = _("分案時請選擇處理方式。")
    return errors


class Applicant(BureauRecord):
    """One applicant of a case; several workers may apply together."""

    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="applicants")
    kind = models.CharField(_("申請人身分"), max_length=10, choices=ApplicantKind.choices, default=ApplicantKind.WORKER)
    name = models.CharField(_("姓名或名稱"), max_length=100)
    personal_id = models.CharField(
        _("身分證統一編號或居留證號碼"), max_length=10, validators=[validate_personal_id]
    )
    birth_date = models.DateField(_("出生年月日"), validators=[validate_birth_date])
    phone = models.CharField(_("聯絡電話"), max_length=30)
    email = models.EmailField(_("電子郵件"), blank=True)
    address = models.CharField(_("地址"), max_length=300)

    class Meta:
        verbose_name = _("申請人")
        verbose_name_plural = _("申請人")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class ClaimItem(BureauRecord):
    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="claims")
    item = models.CharField(_("請求項目"), max_length=200)
    amount = models.PositiveBigIntegerField(_("請求金額(元)"), default=0)

    class Meta:
        verbose_name = _("請求事項")
        verbose_name_plural = _("請求事項")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.item} {self.amount}"


class MediationSession(BureauRecord):
    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("會議日期"), db_index=True)
    starts_at = models.TimeField(_("開始時間"), null=True, blank=True)
    place = models.CharField(_("會議地點"), max_length=200)
    attendees = models.TextField(_("出席人員"), blank=True)

    class Meta:
        verbose_name = _("調解會議")
        verbose_name_plural = _("調解會議")
        ordering = ["held_on"]

    def __str__(self):
        return f"{self.held_on} {self.place}"


class Reopening(BureauRecord):
    """A concluded case taken up again: the reason and the outcome it replaced are kept."""

    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="reopenings")
    reopened_on = models.DateField(_("重新開案日期"))
    reason = models.TextField(_("重新開案理由"))
    previous_status = models.CharField(_("原結案狀態"), max_length=20, choices=DisputeStatus.choices)
    previous_concluded_on = models.DateField(_("原結案日期"), null=True)

    class Meta:
        verbose_name = _("重新開案紀錄")
        verbose_name_plural = _("重新開案紀錄")
        ordering = ["-reopened_on"]

    def __str__(self):
        return f"{self.case} {self.reopened_on}"


class DisputeStateChange(StateChange):
    """One transition of a case (received, assigned, scheduled, concluded, withdrawn, reopened); written only by
    services.dispute_case_state_change. Report tables read a half-year's states from it."""

    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="state_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("案件狀態變更紀錄")
        verbose_name_plural = _("案件狀態變更紀錄")
        # to_state included: the report reads each case's state at the period's end from the index alone, one
        # probe per case of the half-year (issue 16).
        indexes = [models.Index(fields=["case", "changed_on", "changed_at", "id"], include=["to_state"],
                                name="dispute_state_on_idx")]


class DisputeGradingChange(DatedChange):
    """A case's grading (main category and handling channel) as it stood from `changed_on` on; written only by
    services.dispute_case_grading_change. Report tables group a half-year's cases by the grading on its last day.

    A case with no row has kept the grading it was filed (or entered) with: filing writes nothing here, and the
    first change also writes that original grading, dated the filing day (see dispute_case_grading_change).
    """

    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="grading_changes")
    main_category = models.CharField(_("主要爭議類別"), max_length=30, choices=DisputeCategory.choices)
    channel = models.CharField(_("處理方式"), max_length=20, choices=MediationChannel.choices, blank=True)
    # changed_by is empty for the original grading of a case filed online (the citizen chose its category).

    class Meta(DatedChange.Meta):
        verbose_name = _("案件類別變更紀錄")
        verbose_name_plural = _("案件類別變更紀錄")
        indexes = [models.Index(fields=["case", "changed_on", "changed_at", "id"], name="dispute_grading_on_idx")]

    def __str__(self):
        return f"{self.changed_on} {self.main_category} {self.channel or '-'}"


def attachment_path(instance, filename: str) -> str:
    # Migrations 0001-0006 name this function; files are now named by the kit (disputes/<case id>/<random>.pdf).
    return case_attachment_path(instance, filename)


class Attachment(BureauRecord, CaseAttachment):
    """A document the applicant sent (the kit's attachment: checked by content, stored under a random name)."""

    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["created_at"]


# --- Labor-rights fund (勞工權益基金) litigation subsidies ------------------------------------------


class FundKind(models.TextChoices):
    CONFIRM_EMPLOYMENT = "confirm_employment", "確認僱傭關係訴訟"
    OTHER_LAWSUIT = "other_lawsuit", "其他勞資爭議訴訟"
    UNFAIR_LABOR_PRACTICE = "unfair_labor_practice", "不當勞動行為裁決"


# What each kind may cover (the fund's rules, items 1 to 3 of the report).
COVERED_COSTS = {
    FundKind.CONFIRM_EMPLOYMENT: {"lawyer_fee", "court_fee", "living_cost"},
    FundKind.OTHER_LAWSUIT: {"lawyer_fee", "court_fee"},
    FundKind.UNFAIR_LABOR_PRACTICE: {"lawyer_fee"},
}
# Lawsuits are subsidised only after mediation failed.
NEEDS_FAILED_MEDIATION = (FundKind.CONFIRM_EMPLOYMENT, FundKind.OTHER_LAWSUIT)


class FundDecision(models.TextChoices):
    PENDING = "pending", _("審核中")
    APPROVED = "approved", _("通過")
    REJECTED = "rejected", _("不通過")


class RightsFundApplication(BureauRecord):
    """An application for a litigation subsidy from the labor-rights fund."""

    kind = models.CharField(_("補助類別"), max_length=30, choices=FundKind.choices)
    dispute_case = models.ForeignKey(
        DisputeCase, verbose_name=_("勞資爭議調解案件"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="fund_applications",
    )
    applicant_name = models.CharField(_("申請人姓名或工會名稱"), max_length=100)
    applicant_personal_id = models.CharField(
        _("申請人身分證統一編號"), max_length=10, blank=True, validators=[validate_personal_id]
    )
    registered_in_kaohsiung = models.BooleanField(_("設籍（會址）本市"), default=False)
    works_in_kaohsiung = models.BooleanField(_("勞務提供地在本市"), default=False)
    persons_covered = models.PositiveIntegerField(_("補助人數"), default=1)
    applied_on = models.DateField(_("申請日期"), db_index=True)
    lawyer_fee_asked = models.PositiveIntegerField(_("申請律師費(元)"), default=0)
    court_fee_asked = models.PositiveIntegerField(_("申請裁判費(元)"), default=0)
    living_cost_asked = models.PositiveIntegerField(_("申請生活費(元)"), default=0)
    decision = models.CharField(_("審核結果"), max_length=10, choices=FundDecision.choices, default=FundDecision.PENDING)
    decided_on = models.DateField(_("審核日期"), null=True, blank=True, db_index=True)
    amount_granted = models.PositiveIntegerField(_("核定補助金額(元)"), default=0)

    objects = PeriodQuerySet.dated_by("applied_on").as_manager()

    class Meta:
        verbose_name = _("勞工權益基金訴訟補助")
        verbose_name_plural = _("勞工權益基金訴訟補助")
        ordering = ["-applied_on"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.applied_on}"

    @property
    def amount_asked(self) -> int:
        return self.lawyer_fee_asked + self.court_fee_asked + self.living_cost_asked

    def clean(self):
        errors = self.eligibility_errors() if self.decision == FundDecision.APPROVED else {}
        errors.update(self.cost_errors())
        if self.decision != FundDecision.PENDING and not self.decided_on:
            errors.setdefault("decided_on", _("請填寫審核日期。"))
        if self.decided_on and self.applied_on and self.decided_on < self.applied_on:
            errors.setdefault("decided_on", _("審核日期不得早於申請日期。"))
        if self.amount_granted and self.decision != FundDecision.APPROVED:
            errors.setdefault("amount_granted", _("只有審核通過的申請才有核定金額。"))
        if errors:
            raise ValidationError(errors)

    def cost_errors(self) -> dict:
        covered = COVERED_COSTS.get(self.kind, set())
        return {
            f"{cost}_asked": _("「%(kind)s」不補助這個項目。") % {"kind": self.get_kind_display()}
            for cost in ("lawyer_fee", "court_fee", "living_cost")
            if getattr(self, f"{cost}_asked") and cost not in covered
        }

    def eligibility_errors(self) -> dict:
        """Why the fund may not subsidise this application (empty when it may)."""
        errors = {}
        if not self.registered_in_kaohsiung:
            errors["registered_in_kaohsiung"] = _("申請人須設籍本市（工會須會址設於本市）。")
        if not self.works_in_kaohsiung and self.kind != FundKind.UNFAIR_LABOR_PRACTICE:
            errors["works_in_kaohsiung"] = _("勞務提供地須在本市。")
        if self.kind in NEEDS_FAILED_MEDIATION:
            case = self.dispute_case
            if case is None or case.status != DisputeStatus.NOT_SETTLED:
                errors["dispute_case"] = _("訴訟補助須先經勞資爭議調解且調解不成立。")
        return errors


class FundDecisionChange(StateChange):
    """One decision on a fund application (approved, rejected, or a decision changed), dated on its decided_on;
    an application with no change yet is pending. The fund's report reads a half-year's decisions from it."""

    application = models.ForeignKey(RightsFundApplication, on_delete=models.CASCADE, related_name="decision_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("補助審核紀錄")
        verbose_name_plural = _("補助審核紀錄")
        indexes = [models.Index(fields=["application", "changed_on", "changed_at", "id"], name="fund_decision_on_idx")]
