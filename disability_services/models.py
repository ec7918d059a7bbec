"""Vocational rehabilitation (職業重建): the employment-quota register and over-quota rewards (身權法 art. 38),
rehabilitation cases, supported and sheltered employment, training, grants and the visually impaired programme."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

from disability_services.quota import (
    BASIS,
    PUBLIC_KINDS,
    EmployerKind,
    QuotaRules,
    QuotaStatus,
    assess,
    is_public,
    month_start,
)
from labor_portal.cases.statelog import StateChange
from labor_portal.core.models import BureauRecord, PeriodQuerySet
from labor_portal.core.periods import HalfYear
from labor_portal.core.validators import mask_name, validate_personal_id

# --- The quota register -------------------------------------------------------------------------


class QuotaEmployer(BureauRecord):
    """An employer on the quota register (定額進用義務機關(構)): public or private, by kind."""

    name = models.CharField(_("機關(構)名稱"), max_length=200)
    business_number = models.CharField(
        _("統一編號／機關代碼"), max_length=20, unique=True,
        help_text=_("私立機構填統一編號；公立機關(構)填機關代碼。"),
    )
    kind = models.CharField(_("類別"), max_length=20, choices=EmployerKind.choices, db_index=True)
    contact_name = models.CharField(_("聯絡人"), max_length=100, blank=True)
    contact_phone = models.CharField(_("聯絡電話"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("定額進用義務機關(構)")
        verbose_name_plural = _("定額進用義務機關(構)")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_public(self) -> bool:
        return is_public(self.kind)


class RosterQuerySet(models.QuerySet):
    def for_month(self, day: date):
        return self.filter(month=month_start(day))

    def assessed(self, rules: QuotaRules):
        """Each roster with `required`, `credited`, `quota_status` and `shortfall` computed in SQL under `rules`
        (those of one month): the same numbers as quota.assess gives for it (tests hold them equal)."""
        public = Q(employer__kind__in=[kind.value for kind in PUBLIC_KINDS])
        threshold = Case(When(public, then=Value(rules.public_threshold)), default=Value(rules.private_threshold))
        obliged = Q(insured_headcount__gte=threshold)
        required = Case(
            When(obliged & public, then=F("insured_headcount") * rules.public_rate_bp / BASIS),
            When(obliged, then=Greatest(F("insured_headcount") * rules.private_rate_bp / BASIS,
                                        Value(rules.private_minimum))),
            default=Value(0),
            output_field=IntegerField(),
        )
        credited = (
            2 * F("disabled") + 2 * F("severe") + F("part_timers") + F("severe_part_timers")
        ) / 2
        queryset = self.alias(obliged_by=threshold).annotate(required=required, credited=credited)
        return queryset.annotate(
            quota_status=Case(
                When(insured_headcount__lt=F("obliged_by"), then=Value(QuotaStatus.NOT_OBLIGED.value)),
                When(credited__gt=F("required"), then=Value(QuotaStatus.ABOVE.value)),
                When(credited=F("required"), then=Value(QuotaStatus.AT.value)),
                default=Value(QuotaStatus.BELOW.value),
                output_field=models.CharField(),
            ),
            shortfall=Case(
                When(Q(insured_headcount__gte=F("obliged_by")) & Q(credited__lt=F("required")),
                     then=F("required") - F("credited")),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )


class MonthlyRoster(BureauRecord):
    """An employer's staff as of the 1st of a month (勞保/公保 enrolment), with its employees with disabilities.

    Frozen posts and sheltered employees are left out of the headcount by the clerk, as the rules say.
    """

    employer = models.ForeignKey(QuotaEmployer, verbose_name=_("義務機關(構)"), on_delete=models.PROTECT,
                                 related_name="rosters")
    month = models.DateField(_("月份（每月1日）"), help_text=_("以每月1日之參加勞保、公保人數為準。"))
    insured_headcount = models.PositiveIntegerField(_("員工總人數"))
    disabled = models.PositiveIntegerField(
        _("身障全時員工（月薪達基本工資）"), default=0, help_text=_("含重度以上者；月薪未達基本工資者不計。"))
    severe = models.PositiveIntegerField(_("其中重度以上"), default=0, help_text=_("每人以二人計。"))
    part_timers = models.PositiveIntegerField(
        _("身障部分工時員工（月薪達基本工資二分之一）"), default=0, help_text=_("含重度以上者；二人以一人計。"))
    severe_part_timers = models.PositiveIntegerField(_("其中重度以上部分工時"), default=0)
    below_wage = models.PositiveIntegerField(
        _("月薪未達標準之身障員工"), default=0, help_text=_("僅供紀錄，不計入進用人數。"))

    objects = RosterQuerySet.as_manager()

    class Meta:
        verbose_name = _("每月進用名冊")
        verbose_name_plural = _("每月進用名冊")
        ordering = ["-month", "employer__name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "month"], name="roster_once_per_employer_month"),
            models.CheckConstraint(condition=Q(severe__lte=F("disabled")), name="roster_severe_within_disabled"),
            models.CheckConstraint(condition=Q(severe_part_timers__lte=F("part_timers")),
                                   name="roster_severe_part_timers_within_part_timers"),
        ]
        # The quota table reads one month's rosters only, and only these columns: an index-only scan whose cost
        # is that month's rows, whatever the years of history (tests/benchmarks/quota_scale.py).
        indexes = [models.Index(fields=["month", "employer", "insured_headcount", "disabled", "severe",
                                        "part_timers", "severe_part_timers"], name="roster_month_counts")]

    def __str__(self):
        return f"{self.employer} {self.month:%Y-%m}"

    def clean(self):
        errors = {}
        if self.month and self.month.day != 1:
            self.month = month_start(self.month)
        if self.severe is not None and self.disabled is not None and self.severe > self.disabled:
            errors["severe"] = _("重度以上人數不得多於身障全時員工人數。")
        if (self.severe_part_timers is not None and self.part_timers is not None
                and self.severe_part_timers > self.part_timers):
            errors["severe_part_timers"] = _("重度以上部分工時人數不得多於身障部分工時員工人數。")
        if errors:
            raise ValidationError(errors)

    def assessment(self, rules: QuotaRules | None = None):
        """The month's art. 38 result for this roster (quota.assess under the rules in force that month)."""
        return assess(
            rules or QuotaRules.on(self.month), public=self.employer.is_public, headcount=self.insured_headcount,
            disabled=self.disabled, severe=self.severe, part_timers=self.part_timers,
            severe_part_timers=self.severe_part_timers,
        )


class RewardStatus(models.TextChoices):
    SUBMITTED = "submitted", _("受理中")
    APPROVED = "approved", _("核定")
    REJECTED = "rejected", _("不予核定")


class RewardApplicationQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=RewardStatus.SUBMITTED)


class RewardApplication(BureauRecord):
    """An employer's application for the over-quota reward (超額進用獎勵金) of one quarter."""

    employer = models.ForeignKey(QuotaEmployer, verbose_name=_("申請機關(構)"), on_delete=models.PROTECT,
                                 related_name="reward_applications")
    quarter_start = models.DateField(_("獎勵季別（季首日）"), db_index=True)
    received_on = models.DateField(_("受理日期"))
    status = models.CharField(_("狀態"), max_length=20, choices=RewardStatus.choices, default=RewardStatus.SUBMITTED)
    decided_on = models.DateField(_("核定日期"), null=True, blank=True, db_index=True)
    persons = models.PositiveIntegerField(_("核定超額人數"), default=0)
    amount = models.PositiveIntegerField(_("核定獎勵金額(元)"), default=0)

    objects = RewardApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("超額進用獎勵申請")
        verbose_name_plural = _("超額進用獎勵申請")
        ordering = ["-quarter_start", "employer__name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "quarter_start"], name="reward_once_per_employer_quarter"),
        ]

    def __str__(self):
        from disability_services.quota import Quarter

        return f"{self.employer} {Quarter.containing(self.quarter_start).label_zh}"

    def clean(self):
        from disability_services.quota import Quarter
        from disability_services.services import applications_close

        if self.quarter_start and (self.quarter_start.day != 1 or self.quarter_start.month not in (1, 4, 7, 10)):
            raise ValidationError({"quarter_start": _("季首日須為1月、4月、7月或10月1日。")})
        if self.quarter_start and self.received_on:
            quarter = Quarter.containing(self.quarter_start)
            close = applications_close(quarter)
            if not quarter.end <= self.received_on <= close:
                raise ValidationError({"received_on": _("超額進用獎勵應於該季結束後兩個月內（%(start)s 至 %(close)s）申請。") % {
                    "start": quarter.end.isoformat(), "close": close.isoformat()}})
        if self.status != RewardStatus.SUBMITTED and not self.decided_on:
            raise ValidationError({"decided_on": _("核定或不予核定須填核定日期。")})


# --- Vocational rehabilitation cases -------------------------------------------------------------


class PeriodOverlapQuerySet(models.QuerySet):
    """Records open over [opened, closed]: `served_in` those open at any time of the period."""

    opened_field = "opened_on"
    closed_field = "closed_on"

    def served_in(self, period: HalfYear):
        return self.filter(**{f"{self.opened_field}__lt": period.end}).filter(
            Q(**{f"{self.closed_field}__isnull": True}) | Q(**{f"{self.closed_field}__gte": period.start})
        )

    def active_on(self, day: date):
        return self.filter(**{f"{self.opened_field}__lte": day}).filter(
            Q(**{f"{self.closed_field}__isnull": True}) | Q(**{f"{self.closed_field}__gt": day})
        )

    def in_period(self, period: HalfYear):
        return self.filter(**{f"{self.opened_field}__gte": period.start, f"{self.opened_field}__lt": period.end})


class DisabilityLevel(models.TextChoices):
    MILD = "mild", "輕度"
    MODERATE = "moderate", "中度"
    SEVERE = "severe", "重度"
    PROFOUND = "profound", "極重度"


class Client(BureauRecord):
    """A person with disabilities served by the section: personal and health data, masked and read-logged."""

    name = models.CharField(_("姓名"), max_length=100)
    personal_id = models.CharField(_("身分證統一編號"), max_length=10, unique=True, validators=[validate_personal_id])
    phone = models.CharField(_("電話"), max_length=30, blank=True)
    disability_level = models.CharField(_("障礙等級"), max_length=10, choices=DisabilityLevel.choices)
    disability_category = models.CharField(_("障礙類別"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("個案當事人")
        verbose_name_plural = _("個案當事人")
        ordering = ["pk"]

    def __str__(self):
        return mask_name(self.name)


class CaseStage(models.TextChoices):
    REFERRAL = "referral", "轉介受理"
    ASSESSMENT = "assessment", "評估"
    PLAN = "plan", "擬定計畫"
    SERVICE = "service", "轉介服務"
    FOLLOW_UP = "follow_up", "追蹤"
    CLOSED = "closed", "結案"


class CaseOutcome(models.TextChoices):
    STABLE_3M = "stable_3m", "穩定就業三個月以上"
    OTHER_SERVICE = "other_service", "轉其他服務"
    WITHDRAWN = "withdrawn", "自行放棄"


class RehabilitationCase(BureauRecord):
    """A vocational-rehabilitation case (職業重建個案管理): referral → assessment → plan → service → follow-up."""

    client = models.ForeignKey(Client, verbose_name=_("個案"), on_delete=models.PROTECT, related_name="cases")
    opened_on = models.DateField(_("開案日期"), db_index=True)
    stage = models.CharField(_("階段"), max_length=20, choices=CaseStage.choices, default=CaseStage.REFERRAL)
    closed_on = models.DateField(_("結案日期"), null=True, blank=True, db_index=True)
    outcome = models.CharField(_("結案原因"), max_length=20, choices=CaseOutcome.choices, blank=True)
    manager = models.CharField(_("個案管理員"), max_length=100, blank=True)

    objects = PeriodOverlapQuerySet.as_manager()

    class Meta:
        verbose_name = _("職業重建個案")
        verbose_name_plural = _("職業重建個案")
        ordering = ["-opened_on"]

    def __str__(self):
        return f"{self.client} {self.opened_on}"

    def clean(self):
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("結案日期不得早於開案日期。")})
        if (self.stage == CaseStage.CLOSED) != bool(self.closed_on):
            raise ValidationError({"closed_on": _("結案階段須填結案日期，未結案者不得填結案日期。")})


class CaseStageChange(StateChange):
    """One change of a rehabilitation case's stage (closed, reopened, moved on); written only by
    disability_services.services. The case-management figures read a half-year's stages from it."""

    case = models.ForeignKey(RehabilitationCase, on_delete=models.CASCADE, related_name="stage_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("個案階段變更紀錄")
        verbose_name_plural = _("個案階段變更紀錄")
        indexes = [
            models.Index(fields=["case", "changed_on", "changed_at", "id"], name="rehab_stage_on_idx"),
            # The cases changed since a period began (selectors.could_be_open_in), read from the index alone.
            models.Index(fields=["changed_on", "case"], name="rehab_stage_day_idx"),
        ]


class VocationalAssessment(BureauRecord):
    """A vocational assessment and its report (職業輔導評量)."""

    case = models.ForeignKey(RehabilitationCase, verbose_name=_("個案"), on_delete=models.PROTECT,
                             related_name="assessments")
    completed_on = models.DateField(_("完成日期"), db_index=True)
    recommendation = models.CharField(_("建議服務"), max_length=200, blank=True)

    objects = PeriodQuerySet.dated_by("completed_on").as_manager()

    class Meta:
        verbose_name = _("職業輔導評量")
        verbose_name_plural = _("職業輔導評量")
        ordering = ["-completed_on"]

    def __str__(self):
        return f"{self.case} {self.completed_on}"


class TrainingDelivery(models.TextChoices):
    OWN = "own", "自辦日間養成訓練"
    COMMISSIONED = "commissioned", "委辦日間養成訓練"
    SECOND_SKILL = "second_skill", "第二專長(進修)訓練"
    INDIVIDUAL = "individual", "個別職能養成計畫"


class TrainingClass(BureauRecord):
    """A vocational-training class for people with disabilities; counted by the date its enrolment closed."""

    name = models.CharField(_("班別"), max_length=200)
    delivery = models.CharField(_("辦理方式"), max_length=20, choices=TrainingDelivery.choices)
    enrolment_closed_on = models.DateField(_("招生截止日"), db_index=True)
    starts_on = models.DateField(_("開訓日期"))
    ends_on = models.DateField(_("結訓日期"), null=True, blank=True)
    trainees = models.PositiveIntegerField(_("招收學員數"), default=0)

    objects = PeriodQuerySet.dated_by("enrolment_closed_on").as_manager()

    class Meta:
        verbose_name = _("職業訓練班")
        verbose_name_plural = _("職業訓練班")
        ordering = ["-starts_on"]

    def __str__(self):
        return self.name


class EmploymentProgramme(models.TextChoices):
    GENERAL = "general", "支持性就業服務"
    RURAL = "rural", "關懷偏鄉身心障礙者就業服務計畫"


class SupportedEmploymentCase(BureauRecord):
    """A supported-employment case (支持性就業): opened, placed in a job, stable for 3 months, closed."""

    client = models.ForeignKey(Client, verbose_name=_("個案"), on_delete=models.PROTECT, related_name="+")
    programme = models.CharField(_("計畫"), max_length=20, choices=EmploymentProgramme.choices,
                                 default=EmploymentProgramme.GENERAL)
    opened_on = models.DateField(_("開案日期"), db_index=True)
    placed_on = models.DateField(_("推介就業日期"), null=True, blank=True, db_index=True)
    stable_on = models.DateField(_("穩定就業滿三個月日期"), null=True, blank=True, db_index=True)
    closed_on = models.DateField(_("結案日期"), null=True, blank=True)
    provider = models.CharField(_("服務單位"), max_length=200, blank=True)

    objects = PeriodOverlapQuerySet.as_manager()

    class Meta:
        verbose_name = _("支持性就業個案")
        verbose_name_plural = _("支持性就業個案")
        ordering = ["-opened_on"]

    def __str__(self):
        return f"{self.client} {self.opened_on}"

    def clean(self):
        if self.placed_on and self.opened_on and self.placed_on < self.opened_on:
            raise ValidationError({"placed_on": _("推介就業日期不得早於開案日期。")})
        if self.stable_on and not self.placed_on:
            raise ValidationError({"stable_on": _("須先推介就業才有穩定就業日期。")})


class ShelteredWorkshop(BureauRecord):
    """A sheltered workshop (庇護工場)."""

    name = models.CharField(_("庇護工場名稱"), max_length=200)
    opened_on = models.DateField(_("設立日期"))
    closed_on = models.DateField(_("停業日期"), null=True, blank=True)

    objects = PeriodOverlapQuerySet.as_manager()

    class Meta:
        verbose_name = _("庇護工場")
        verbose_name_plural = _("庇護工場")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ShelteredRole(models.TextChoices):
    EMPLOYEE = "employee", "庇護性就業者"
    TRAINEE = "trainee", "職場見習者"


class ShelteredPlacement(BureauRecord):
    """A person working (or a trainee) in a sheltered workshop over a span of time."""

    workshop = models.ForeignKey(ShelteredWorkshop, verbose_name=_("庇護工場"), on_delete=models.PROTECT,
                                 related_name="placements")
    client = models.ForeignKey(Client, verbose_name=_("個案"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("身分"), max_length=20, choices=ShelteredRole.choices)
    opened_on = models.DateField(_("開始日期"))
    closed_on = models.DateField(_("結束日期"), null=True, blank=True)

    objects = PeriodOverlapQuerySet.as_manager()

    class Meta:
        verbose_name = _("庇護性就業安置")
        verbose_name_plural = _("庇護性就業安置")
        ordering = ["-opened_on"]

    def __str__(self):
        return f"{self.workshop} {self.client}"


class ReliefKind(models.TextChoices):
    ADMIN_TOP_UP = "admin_top_up", "防疫行政費增額"
    RENT_SUBSIDY = "rent_subsidy", "房屋土地車輛租金補助"


class ShelteredRelief(BureauRecord):
    """A COVID-19 relief payment to a sheltered workshop."""

    workshop = models.ForeignKey(ShelteredWorkshop, verbose_name=_("庇護工場"), on_delete=models.PROTECT,
                                 related_name="reliefs")
    kind = models.CharField(_("補助項目"), max_length=20, choices=ReliefKind.choices)
    paid_on = models.DateField(_("撥付日期"), db_index=True)
    amount = models.PositiveIntegerField(_("金額(元)"))

    objects = PeriodQuerySet.dated_by("paid_on").as_manager()

    class Meta:
        verbose_name = _("庇護工場紓困補助")
        verbose_name_plural = _("庇護工場紓困補助")
        ordering = ["-paid_on"]

    def __str__(self):
        return f"{self.workshop} {self.get_kind_display()} {self.amount}"


class GrantDecision(models.TextChoices):
    PENDING = "pending", _("審查中")
    APPROVED = "approved", _("核准")
    REJECTED = "rejected", _("不予核准")


class GrantQuerySet(PeriodQuerySet.dated_by("decided_on")):
    pass


class JobRedesignGrant(BureauRecord):
    """A job-redesign grant (職務再設計) for an employee with disabilities."""

    employer_name = models.CharField(_("申請單位"), max_length=200)
    client = models.ForeignKey(Client, verbose_name=_("個案"), on_delete=models.PROTECT, related_name="+",
                               null=True, blank=True)
    applied_on = models.DateField(_("申請日期"))
    decision = models.CharField(_("審查結果"), max_length=20, choices=GrantDecision.choices,
                                default=GrantDecision.PENDING)
    decided_on = models.DateField(_("核定日期"), null=True, blank=True, db_index=True)
    amount = models.PositiveIntegerField(_("核准補助金額(元)"), default=0)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("職務再設計補助")
        verbose_name_plural = _("職務再設計補助")
        ordering = ["-applied_on"]

    def __str__(self):
        return f"{self.employer_name} {self.applied_on}"


class SelfEmploymentGrant(BureauRecord):
    """A self-employment start-up grant (自力更生創業補助)."""

    client = models.ForeignKey(Client, verbose_name=_("申請人"), on_delete=models.PROTECT, related_name="+")
    business = models.CharField(_("創業項目"), max_length=200)
    applied_on = models.DateField(_("申請日期"))
    decision = models.CharField(_("審查結果"), max_length=20, choices=GrantDecision.choices,
                                default=GrantDecision.PENDING)
    decided_on = models.DateField(_("核定日期"), null=True, blank=True, db_index=True)
    amount = models.PositiveIntegerField(_("補助金額(元)"), default=0)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("自力更生創業補助")
        verbose_name_plural = _("自力更生創業補助")
        ordering = ["-applied_on"]

    def __str__(self):
        return f"{self.business} {self.applied_on}"


class Entrepreneur(BureauRecord):
    """An entrepreneur with disabilities coached by the bureau's programme (創業輔導)."""

    client = models.ForeignKey(Client, verbose_name=_("創業者"), on_delete=models.PROTECT, related_name="+")
    business = models.CharField(_("事業名稱"), max_length=200)
    opened_on = models.DateField(_("輔導開始日期"))
    closed_on = models.DateField(_("輔導結束日期"), null=True, blank=True)

    objects = PeriodOverlapQuerySet.as_manager()

    class Meta:
        verbose_name = _("創業輔導對象")
        verbose_name_plural = _("創業輔導對象")
        ordering = ["business"]

    def __str__(self):
        return self.business


class EntrepreneurRevenue(BureauRecord):
    """A coached entrepreneur's revenue in one month (營運績效)."""

    entrepreneur = models.ForeignKey(Entrepreneur, verbose_name=_("創業者"), on_delete=models.CASCADE,
                                     related_name="revenues")
    month = models.DateField(_("月份"), db_index=True)
    revenue = models.PositiveIntegerField(_("營業額(元)"))

    objects = PeriodQuerySet.dated_by("month").as_manager()

    class Meta:
        verbose_name = _("創業者營運績效")
        verbose_name_plural = _("創業者營運績效")
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["entrepreneur", "month"], name="revenue_once_per_month")]

    def __str__(self):
        return f"{self.entrepreneur} {self.month:%Y-%m}"


class Masseur(BureauRecord):
    """A visually impaired masseur registered in the city (視障按摩師)."""

    client = models.ForeignKey(Client, verbose_name=_("按摩師"), on_delete=models.PROTECT, related_name="+")
    opened_on = models.DateField(_("登錄日期"))
    closed_on = models.DateField(_("註銷日期"), null=True, blank=True)

    objects = PeriodOverlapQuerySet.as_manager()

    class Meta:
        verbose_name = _("視障按摩師")
        verbose_name_plural = _("視障按摩師")
        ordering = ["-opened_on"]

    def __str__(self):
        return str(self.client)


class MassageSiteKind(models.TextChoices):
    KIOSK = "kiosk", "按摩小棧"
    PARLOUR = "parlour", "按摩院所"


class MassageSite(BureauRecord):
    """A massage kiosk or parlour run by visually impaired masseurs."""

    name = models.CharField(_("名稱"), max_length=200)
    kind = models.CharField(_("類別"), max_length=20, choices=MassageSiteKind.choices)
    opened_on = models.DateField(_("設立日期"))
    closed_on = models.DateField(_("停業日期"), null=True, blank=True)

    objects = PeriodOverlapQuerySet.as_manager()

    class Meta:
        verbose_name = _("視障按摩據點")
        verbose_name_plural = _("視障按摩據點")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MassageSiteGrant(BureauRecord):
    """A grant to set up or improve a massage site (視障按摩服務據點新設及經營輔導補助)."""

    site = models.ForeignKey(MassageSite, verbose_name=_("據點"), on_delete=models.PROTECT, related_name="grants")
    applied_on = models.DateField(_("申請日期"))
    decision = models.CharField(_("審查結果"), max_length=20, choices=GrantDecision.choices,
                                default=GrantDecision.PENDING)
    decided_on = models.DateField(_("核定日期"), null=True, blank=True, db_index=True)
    amount = models.PositiveIntegerField(_("補助金額(元)"), default=0)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("按摩據點補助")
        verbose_name_plural = _("按摩據點補助")
        ordering = ["-applied_on"]

    def __str__(self):
        return f"{self.site} {self.applied_on}"


class MasseurTrainingTopic(models.TextChoices):
    PRE_EMPLOYMENT = "pre_employment", "企業進用職前教育訓練"
    MANAGEMENT = "management", "按摩業經營管理課程"
    ENTREPRENEURSHIP = "entrepreneurship", "創業分享講座"
    SOCIAL_MEDIA = "social_media", "社群媒體教學課程"


class MasseurTrainingSession(BureauRecord):
    """A training session for visually impaired masseurs or job seekers, with its attendance."""

    topic = models.CharField(_("類別"), max_length=20, choices=MasseurTrainingTopic.choices)
    title = models.CharField(_("課程名稱"), max_length=200)
    held_on = models.DateField(_("辦理日期"), db_index=True)
    attendance = models.PositiveIntegerField(_("參與人次"), default=0)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("視障者訓練課程")
        verbose_name_plural = _("視障者訓練課程")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.title} {self.held_on}"

