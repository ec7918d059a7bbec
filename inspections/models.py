"""The labor-conditions section's records: establishments, inspections, violations by law article,
occupational safety and health (OSH) inspections, accidents, promotion and counselling."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.statelog import StateChange
from labor_portal.core.districts import District
from labor_portal.core.models import BureauRecord, PeriodQuerySet
from labor_portal.core.periods import HalfYear
from labor_portal.core.validators import validate_business_number


class Industry(models.TextChoices):
    """Major categories of Taiwan's Standard Industrial Classification (Rev. 10)."""

    A = "A", "A 農、林、漁、牧業"
    B = "B", "B 礦業及土石採取業"
    C = "C", "C 製造業"
    D = "D", "D 電力及燃氣供應業"
    E = "E", "E 用水供應及污染整治業"
    F = "F", "F 營建工程業"
    G = "G", "G 批發及零售業"
    H = "H", "H 運輸及倉儲業"
    I = "I", "I 住宿及餐飲業"  # noqa: E741 - the classification's own letter
    J = "J", "J 出版、影音製作、傳播及資通訊服務業"
    K = "K", "K 金融及保險業"
    L = "L", "L 不動產業"
    M = "M", "M 專業、科學及技術服務業"
    N = "N", "N 支援服務業"
    O = "O", "O 公共行政及國防；強制性社會安全"  # noqa: E741
    P = "P", "P 教育業"
    Q = "Q", "Q 醫療保健及社會工作服務業"
    R = "R", "R 藝術、娛樂及休閒服務業"
    S = "S", "S 其他服務業"


class Establishment(BureauRecord):
    """An employer the bureau inspects (事業單位), known by its unified business number."""

    name = models.CharField(_("事業單位名稱"), max_length=200)
    business_number = models.CharField(
        _("統一編號"),
        max_length=8,
        unique=True,
        validators=[validate_business_number],
        error_messages={"unique": _("此統一編號的事業單位已登錄，請勿重複建立。")},
    )
    responsible_person = models.CharField(_("負責人"), max_length=100)
    industry = models.CharField(_("行業別"), max_length=1, choices=Industry.choices)
    district = models.CharField(_("行政區"), max_length=20, choices=District.choices)
    employees = models.PositiveIntegerField(_("僱用勞工人數"), default=0)

    class Meta:
        verbose_name = _("事業單位")
        verbose_name_plural = _("事業單位")
        ordering = ["name"]
        # The name's trigram index (PostgreSQL only) is created in migration 0002.

    def __str__(self):
        return f"{self.name}（{self.business_number}）"


class LaborInspectionKind(models.TextChoices):
    COMPLAINT = "complaint", "申訴檢查"
    PROJECT = "project", "專案檢查"
    JOINT = "joint", "會同檢查"


class LaborInspection(BureauRecord):
    """A labor-conditions inspection (勞動條件檢查) of one establishment."""

    establishment = models.ForeignKey(
        Establishment, verbose_name=_("事業單位"), on_delete=models.PROTECT, related_name="labor_inspections"
    )
    inspected_on = models.DateField(_("檢查日期"), db_index=True)
    kind = models.CharField(_("檢查類別"), max_length=20, choices=LaborInspectionKind.choices)
    inspector = models.CharField(_("檢查員"), max_length=100)
    findings = models.TextField(_("檢查結果"), blank=True)

    objects = PeriodQuerySet.dated_by("inspected_on").as_manager()

    class Meta:
        verbose_name = _("勞動條件檢查")
        verbose_name_plural = _("勞動條件檢查")
        ordering = ["-inspected_on", "-id"]

    def __str__(self):
        return f"{self.establishment.name} {self.get_kind_display()} {self.inspected_on}"


class ComplianceCounselling(BureauRecord):
    """A one-to-one compliance counselling visit (法遵輔導): help, not inspection, so counted apart."""

    establishment = models.ForeignKey(
        Establishment, verbose_name=_("事業單位"), on_delete=models.PROTECT, related_name="counselling_visits"
    )
    visited_on = models.DateField(_("輔導日期"), db_index=True)
    counsellor = models.CharField(_("輔導員"), max_length=100)
    notes = models.TextField(_("輔導紀要"), blank=True)

    objects = PeriodQuerySet.dated_by("visited_on").as_manager()

    class Meta:
        verbose_name = _("法遵輔導")
        verbose_name_plural = _("法遵輔導")
        ordering = ["-visited_on", "-id"]

    def __str__(self):
        return f"{self.establishment.name} {self.visited_on}"


class OSHInspectionKind(models.TextChoices):
    GENERAL = "general", "一般安全衛生檢查"
    PROJECT = "project", "專案檢查"
    COMPLAINT = "complaint", "申訴檢舉案檢查"
    MAJOR_ACCIDENT = "major_accident", "重大職災檢查"
    ACCIDENT_REVIEW = "accident_review", "災害複查"
    RESUMPTION = "resumption", "復工檢查"
    JOINT = "joint", "會同檢查"
    SITE_SURVEY = "site_survey", "會勘"
    ASSIGNED = "assigned", "交辦案件檢查"


class OSHInspection(BureauRecord):
    """An occupational safety and health inspection (職業安全衛生檢查)."""

    establishment = models.ForeignKey(
        Establishment, verbose_name=_("事業單位"), on_delete=models.PROTECT, related_name="osh_inspections"
    )
    inspected_on = models.DateField(_("檢查日期"), db_index=True)
    kind = models.CharField(_("檢查類別"), max_length=20, choices=OSHInspectionKind.choices)
    inspector = models.CharField(_("檢查員"), max_length=100)
    findings = models.TextField(_("檢查結果"), blank=True)

    objects = PeriodQuerySet.dated_by("inspected_on").as_manager()

    class Meta:
        verbose_name = _("職業安全衛生檢查")
        verbose_name_plural = _("職業安全衛生檢查")
        ordering = ["-inspected_on", "-id"]

    def __str__(self):
        return f"{self.establishment.name} {self.get_kind_display()} {self.inspected_on}"


class Law(models.TextChoices):
    LABOR_STANDARDS = "lsa", "勞動基準法"
    OCCUPATIONAL_SAFETY = "osh", "職業安全衛生法"
    GENDER_EQUALITY = "gender", "性別平等工作法"
    EMPLOYMENT_SERVICES = "employment", "就業服務法"


# The Labor Standards Act articles most often violated, with the short meaning the bureau prints.
LSA_ARTICLE_MEANINGS = {
    7: _("勞工名卡"),
    9: _("定期契約"),
    16: _("預告期間"),
    17: _("資遣費"),
    21: _("基本工資"),
    22: _("工資給付"),
    23: _("工資清冊"),
    24: _("延長工時工資"),
    25: _("性別工資平等"),
    26: _("預扣工資"),
    30: _("工作時間"),
    32: _("延長工時限制"),
    34: _("輪班間隔"),
    35: _("休息時間"),
    36: _("例假休息日"),
    37: _("國定假日"),
    38: _("特別休假"),
    39: _("假日工資"),
    43: _("請假"),
    49: _("女性夜間工作"),
    50: _("產假"),
    56: _("勞工退休準備金"),
    59: _("職業災害補償"),
    70: _("工作規則"),
    80: _("規避妨礙檢查"),
}


class PenaltyStatus(models.TextChoices):
    FINAL = "final", "確定"
    UNDER_APPEAL = "appeal", "訴願中"
    REVOKED = "revoked", "撤銷"


class ViolationQuerySet(PeriodQuerySet.dated_by("decided_on")):
    def final(self):
        """Penalties that stand: neither under appeal nor revoked (the only ones ever published)."""
        return self.filter(status=PenaltyStatus.FINAL)


class Violation(BureauRecord):
    """A violation of one article of a labor law, with the penalty decided on it (裁處)."""

    establishment = models.ForeignKey(
        Establishment, verbose_name=_("事業單位"), on_delete=models.PROTECT, related_name="violations"
    )
    inspection = models.ForeignKey(
        LaborInspection, verbose_name=_("勞動條件檢查"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="violations",
    )
    osh_inspection = models.ForeignKey(
        OSHInspection, verbose_name=_("職業安全衛生檢查"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="violations",
    )
    law = models.CharField(_("法規"), max_length=20, choices=Law.choices, default=Law.LABOR_STANDARDS)
    article = models.PositiveSmallIntegerField(_("條次"), help_text=_("違反之條文，例如第24條填 24。"))
    decision_number = models.CharField(_("處分字號"), max_length=60, blank=True)
    decided_on = models.DateField(_("處分日期"))
    fine_imposed = models.PositiveIntegerField(_("原處分罰鍰(元)"))
    fine_after_appeal = models.PositiveIntegerField(
        _("訴願後罰鍰(元)"), null=True, blank=True, help_text=_("訴願或行政訴訟變更罰鍰時填寫。")
    )
    status = models.CharField(_("處分狀態"), max_length=10, choices=PenaltyStatus.choices)
    # The day the status took effect, when it changed after the decision (empty: the status entered with the
    # decision). Kept by inspections.services with the state log, so that the penalty tables probe the log only
    # for the few penalties whose status changed after a period's end.
    status_since = models.DateField(_("處分狀態生效日期"), null=True, blank=True, editable=False)

    objects = ViolationQuerySet.as_manager()

    class Meta:
        verbose_name = _("違法裁處")
        verbose_name_plural = _("違法裁處")
        ordering = ["-decided_on", "-id"]
        indexes = [
            # The article ranking reads only this index: law and status fixed, the period a range.
            models.Index(fields=["law", "status", "decided_on", "article"], name="violation_ranking_idx"),
            # The public register lists final penalties newest first.
            models.Index(fields=["status", "-decided_on", "-id"], name="violation_register_idx"),
            # OSH fines are counted by law and decision date, whatever became of them.
            models.Index(fields=["law", "decided_on"], name="violation_law_decided_idx"),
            # The penalty tables read from the state log only the penalties whose status changed after a day.
            models.Index(fields=["status_since"], name="violation_status_since_idx",
                         condition=Q(status_since__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(inspection__isnull=True) | Q(osh_inspection__isnull=True),
                name="violation_one_inspection",
            )
        ]

    def __str__(self):
        return f"{self.establishment.name} {self.get_law_display()}{self.article_label}"

    @property
    def article_label(self) -> str:
        return f"第{self.article}條"

    @property
    def article_meaning(self) -> str:
        if self.law != Law.LABOR_STANDARDS:
            return ""
        return str(LSA_ARTICLE_MEANINGS.get(self.article, ""))

    @property
    def fine(self) -> int:
        """The amount that stands: the fine after appeal when an appeal changed it."""
        return self.fine_imposed if self.fine_after_appeal is None else self.fine_after_appeal

    def clean(self):
        if self.inspection_id and self.osh_inspection_id:
            raise ValidationError(_("一筆違法裁處只能對應一次檢查。"))
        for inspection in (self.inspection, self.osh_inspection):
            if inspection and self.establishment_id and inspection.establishment_id != self.establishment_id:
                raise ValidationError({"establishment": _("事業單位與所屬檢查的事業單位不同。")})
        if self.article == 0:
            raise ValidationError({"article": _("條次須大於 0。")})


class PenaltyStatusChange(StateChange):
    """One change of a penalty's status (decided final or under appeal, appealed, revoked, confirmed); written
    only by inspections.services. The penalty tables read a half-year's statuses from it."""

    violation = models.ForeignKey(Violation, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("處分狀態變更紀錄")
        verbose_name_plural = _("處分狀態變更紀錄")
        indexes = [models.Index(fields=["violation", "changed_on", "changed_at", "id"], name="penalty_state_on_idx")]


class StopWorkOrder(BureauRecord):
    """A stop-work order (停工) issued at an OSH inspection, and when work may resume."""

    inspection = models.ForeignKey(
        OSHInspection, verbose_name=_("職業安全衛生檢查"), on_delete=models.PROTECT, related_name="stop_work_orders"
    )
    ordered_on = models.DateField(_("停工日期"), db_index=True)
    resume_on = models.DateField(_("准予復工日期"), null=True, blank=True)
    reason = models.CharField(_("停工原因"), max_length=200, blank=True)

    objects = PeriodQuerySet.dated_by("ordered_on").as_manager()

    class Meta:
        verbose_name = _("停工處分")
        verbose_name_plural = _("停工處分")
        ordering = ["-ordered_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(resume_on__isnull=True) | Q(resume_on__gte=models.F("ordered_on")),
                name="stop_work_resume_not_before_order",
            )
        ]

    def __str__(self):
        return f"{self.inspection.establishment.name} {self.ordered_on}"

    def clean(self):
        if self.resume_on and self.ordered_on and self.resume_on < self.ordered_on:
            raise ValidationError({"resume_on": _("復工日期不得早於停工日期。")})


class OccupationalAccident(BureauRecord):
    """An occupational accident (職業災害) and the workers it killed or injured."""

    establishment = models.ForeignKey(
        Establishment, verbose_name=_("事業單位"), on_delete=models.PROTECT, related_name="accidents"
    )
    occurred_on = models.DateField(_("發生日期"), db_index=True)
    district = models.CharField(_("發生地行政區"), max_length=20, choices=District.choices)
    deaths = models.PositiveSmallIntegerField(_("死亡人數"), default=0)
    injured = models.PositiveSmallIntegerField(_("受傷人數"), default=0)
    description = models.TextField(_("災害概述"), blank=True)

    objects = PeriodQuerySet.dated_by("occurred_on").as_manager()

    class Meta:
        verbose_name = _("職業災害")
        verbose_name_plural = _("職業災害")
        ordering = ["-occurred_on", "-id"]

    def __str__(self):
        return f"{self.establishment.name} {self.occurred_on}"


class PromotionTopic(models.TextChoices):
    LABOR_STANDARDS = "lsa", "勞動法令"
    OCCUPATIONAL_SAFETY = "osh", "職業安全衛生法令"


class PromotionChannel(models.TextChoices):
    SEMINAR = "seminar", "宣導會"
    FACEBOOK = "facebook", "臉書(FB)"
    LINE = "line", "手機社群(LINE)"
    OUTREACH = "outreach", "外展服務"
    MEDIA = "media", "媒體及其他"


class PromotionSession(BureauRecord):
    """A promotion session of labor or OSH law, and how many people it reached (人次)."""

    topic = models.CharField(_("宣導主題"), max_length=10, choices=PromotionTopic.choices)
    channel = models.CharField(_("宣導管道"), max_length=20, choices=PromotionChannel.choices)
    title = models.CharField(_("宣導名稱"), max_length=200)
    held_on = models.DateField(_("宣導日期"), db_index=True)
    people_reached = models.PositiveIntegerField(_("宣導人次"), default=0)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("法令宣導")
        verbose_name_plural = _("法令宣導")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.title} {self.held_on}"


class Volunteer(BureauRecord):
    """A volunteer counsellor (志工輔導員) of the OSH counselling group."""

    name = models.CharField(_("姓名"), max_length=100)
    expertise = models.CharField(_("專長"), max_length=200, blank=True)
    recruited_on = models.DateField(_("招募日期"), db_index=True)
    left_on = models.DateField(_("離隊日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("志工輔導員")
        verbose_name_plural = _("志工輔導員")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SMECounsellingVisit(BureauRecord):
    """A counselling visit by the volunteer group to a small or medium enterprise (中小企業訪視輔導)."""

    establishment = models.ForeignKey(
        Establishment, verbose_name=_("事業單位"), on_delete=models.PROTECT, related_name="sme_visits"
    )
    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("志工輔導員"), on_delete=models.PROTECT, related_name="visits"
    )
    visited_on = models.DateField(_("訪視日期"), db_index=True)
    notes = models.TextField(_("輔導紀要"), blank=True)

    objects = PeriodQuerySet.dated_by("visited_on").as_manager()

    class Meta:
        verbose_name = _("中小企業訪視輔導")
        verbose_name_plural = _("中小企業訪視輔導")
        ordering = ["-visited_on", "-id"]

    def __str__(self):
        return f"{self.establishment.name} {self.visited_on}"


class SafetyFamilyQuerySet(models.QuerySet):
    def active_on(self, day: date):
        return self.filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day), founded_on__lte=day)


class SafetyFamily(BureauRecord):
    """An OSH family (安衛家族): a large firm mentoring small firms and its contractors."""

    name = models.CharField(_("家族名稱"), max_length=200)
    lead_establishment = models.ForeignKey(
        Establishment, verbose_name=_("大廠（家長）"), on_delete=models.PROTECT, related_name="led_safety_families"
    )
    founded_on = models.DateField(_("成立日期"), db_index=True)
    dissolved_on = models.DateField(_("解散日期"), null=True, blank=True)

    objects = SafetyFamilyQuerySet.as_manager()

    class Meta:
        verbose_name = _("安衛家族")
        verbose_name_plural = _("安衛家族")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SafetyFamilyMember(BureauRecord):
    """A small firm or contractor mentored in a safety family."""

    family = models.ForeignKey(SafetyFamily, verbose_name=_("安衛家族"), on_delete=models.CASCADE, related_name="members")
    establishment = models.ForeignKey(
        Establishment, verbose_name=_("事業單位"), on_delete=models.PROTECT, related_name="safety_families"
    )
    is_contractor = models.BooleanField(_("承攬商"), default=False)
    joined_on = models.DateField(_("加入日期"))

    class Meta:
        verbose_name = _("安衛家族成員")
        verbose_name_plural = _("安衛家族成員")
        ordering = ["family", "joined_on"]
        constraints = [
            models.UniqueConstraint(fields=["family", "establishment"], name="safety_family_member_once")
        ]

    def __str__(self):
        return f"{self.family} — {self.establishment.name}"


def in_any_period(field: str, periods: list[HalfYear]) -> Q:
    """`field` falls in one of `periods` (each an index-friendly range)."""
    condition = Q()
    for period in periods:
        condition |= Q(**{f"{field}__gte": period.start, f"{field}__lt": period.end})
    return condition
