"""Citizens' employment-rights complaints: discrimination, sexual harassment, job scams (issue 11).

Three kinds of case on the shared case kit (labor_portal.cases), each with its letter in the case number
(employment/cases.py): E discrimination (Employment Service Act art. 5), H sexual harassment (Act of Gender
Equality in Employment art. 32-1), S job scams and false job advertisements (Employment Service Act art. 5 II
(1)). They share one abstract base (the kit's fields, the complainant, the employer, the investigation) and
each keeps its own state log and attachments.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from employment.grounds import Ground
from labor_portal.cases.attachments import CaseAttachment
from labor_portal.cases.statelog import StateChange
from labor_portal.core.models import BureauRecord, PeriodQuerySet
from labor_portal.core.validators import validate_business_number, validate_personal_id

__all__ = [
    "ACCOUNT_MAX_LENGTH",
    "MAIN_GROUND_CHOICES",
    "OPEN_STATES",
    "OTHER_ACTS",
    "OUTCOMES",
    "ComplainantRole",
    "ComplaintFiledVia",
    "ComplaintStatus",
    "DiscriminationAttachment",
    "DiscriminationComplaint",
    "DiscriminationStateChange",
    "EmploymentComplaint",
    "HarassmentAttachment",
    "HarassmentComplaint",
    "HarassmentRoute",
    "HarassmentStateChange",
    "HarassmentTimeLimit",
    "ScamAdSource",
    "ScamAttachment",
    "ScamComplaint",
    "ScamStateChange",
    "TimeLimitRule",
    "UnlawfulRecruitmentAct",
]

# A citizen's account: about five pages, a bound on what one request may store (as disputes).
ACCOUNT_MAX_LENGTH = 5000


class ComplaintStatus(models.TextChoices):
    """Where a complaint stands, in the steps the bureau's 就業安全科 takes."""

    RECEIVED = "received", _("已受理")
    INVESTIGATING = "investigating", _("已分案調查中")
    REFERRED = "referred", _("已提送評議委員會")
    SUBSTANTIATED = "substantiated", _("申訴成立")
    NOT_SUBSTANTIATED = "not_substantiated", _("申訴不成立")
    WITHDRAWN = "withdrawn", _("撤回")
    # Not taken up (out of time, not the city's to decide) or passed on (police, another city): no decision.
    CLOSED = "closed", _("不受理或移送結案")


OUTCOMES = (ComplaintStatus.SUBSTANTIATED, ComplaintStatus.NOT_SUBSTANTIATED, ComplaintStatus.WITHDRAWN,
            ComplaintStatus.CLOSED)
OPEN_STATES = (ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING, ComplaintStatus.REFERRED)


class ComplaintFiledVia(models.TextChoices):
    ONLINE = "online", _("線上申訴")
    PAPER = "paper", _("書面申訴")
    IN_PERSON = "in_person", _("臨櫃申訴")


# The main ground of a complaint about an art. 5 para. 2 act only (no para. 1 ground).
OTHER_ACTS = "other_acts"
MAIN_GROUND_CHOICES = [*Ground.choices, (OTHER_ACTS, _("第5條第2項情事"))]


class UnlawfulRecruitmentAct(models.TextChoices):
    """Employment Service Act art. 5 para. 2: what an employer recruiting or employing may not do."""

    FALSE_AD = "false_ad", _("為不實之廣告或揭示")
    RETAINED_DOCUMENTS = "retained_documents", _("留置證件或要求提供非屬就業所需之隱私資料")
    WITHHELD_PROPERTY = "withheld_property", _("扣留財物或收取保證金")
    IMMORAL_WORK = "immoral_work", _("指派從事違背公共秩序或善良風俗之工作")
    FOREIGN_WORKER_FALSE_DATA = "foreign_worker_false_data", _("聘僱外國人時提供不實資料或健康檢查檢體")
    NO_PAY_RANGE = "no_pay_range", _("經常性薪資未達新臺幣4萬元而未公開揭示或告知薪資範圍")


class HarassmentRoute(models.TextChoices):
    """Why the complaint comes to the city rather than to the employer (art. 32-1 para. 1)."""

    TOP_MANAGER = "top_manager", _("被申訴人為最高負責人或僱用人")
    EMPLOYER_FAILED = "employer_failed", _("雇主未處理或不服雇主之調查或懲戒結果")


class ComplainantRole(models.TextChoices):
    EMPLOYEE = "employee", _("受僱者")
    JOB_SEEKER = "job_seeker", _("求職者")


class ScamAdSource(models.TextChoices):
    WEBSITE = "website", _("人力銀行或求職網站")
    SOCIAL = "social", _("社群媒體或通訊軟體")
    PRINT = "print", _("報紙或傳單")
    OTHER = "other", _("其他")


class ComplaintQuerySet(PeriodQuerySet.dated_by("filed_on")):
    def open(self):
        return self.filter(status__in=OPEN_STATES)


class EmploymentComplaint(BureauRecord):
    """What every complaint has: the kit's numbering and access code, the complainant, the employer complained
    of, the account, and the investigation (handler, deadline, outcome). Subclassed by the three kinds."""

    # A UUID, so that case pages cannot be found by counting upwards.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_number = models.CharField(_("案件編號"), max_length=20, unique=True, editable=False)
    access_code_hash = models.CharField(max_length=200, editable=False)
    access_code_generation = models.PositiveSmallIntegerField(default=0, editable=False)
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    filed_via = models.CharField(_("申訴方式"), max_length=10, choices=ComplaintFiledVia.choices,
                                 default=ComplaintFiledVia.ONLINE)
    filed_on = models.DateField(_("受理日期"), db_index=True)
    # Every message about the case is written in the language it was filed in.
    language = models.CharField(_("申訴語言"), max_length=10, default=settings.LANGUAGE_CODE, editable=False)

    complainant_name = models.CharField(_("申訴人姓名"), max_length=100)
    complainant_personal_id = models.CharField(
        _("身分證統一編號或居留證號碼"), max_length=10, blank=True, validators=[validate_personal_id]
    )
    complainant_phone = models.CharField(_("聯絡電話"), max_length=30)
    complainant_email = models.EmailField(_("電子郵件"), blank=True)
    complainant_address = models.CharField(_("通訊地址"), max_length=300, blank=True)

    employer_name = models.CharField(_("事業單位（雇主）名稱"), max_length=200)
    employer_business_number = models.CharField(
        _("事業單位統一編號"), max_length=8, blank=True, validators=[validate_business_number]
    )
    employer_address = models.CharField(_("事業單位地址"), max_length=300, blank=True)
    employer_contact = models.CharField(_("事業單位聯絡方式"), max_length=200, blank=True,
                                        help_text=_("電話、電子郵件或聯絡人。"))

    account = models.TextField(_("事實經過"), max_length=ACCOUNT_MAX_LENGTH,
                               validators=[MaxLengthValidator(ACCOUNT_MAX_LENGTH)])

    status = models.CharField(_("處理狀態"), max_length=20, choices=ComplaintStatus.choices,
                              default=ComplaintStatus.RECEIVED, db_index=True)
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("承辦人"), on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="+")
    assigned_on = models.DateField(_("分案日期"), null=True, blank=True)
    # Set when the complaint is assigned (services.complaint_assign) and moved by an extension.
    investigation_due_on = models.DateField(_("調查期限"), null=True, blank=True, db_index=True)
    investigation_extended = models.BooleanField(_("已延長調查期限"), default=False)
    concluded_on = models.DateField(_("結案日期"), null=True, blank=True, db_index=True)
    staff_notes = models.TextField(_("承辦備註（不對外公開）"), blank=True)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-filed_on", "-case_number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True) | Q(concluded_on__gte=models.F("filed_on")),
                name="%(class)s_concluded_not_before_filed",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in OUTCOMES], concluded_on__isnull=False)
                | (~Q(status__in=[s.value for s in OUTCOMES]) & Q(concluded_on__isnull=True)),
                name="%(class)s_concluded_iff_outcome",
            ),
        ]

    def __str__(self):
        return self.case_number

    @property
    def is_concluded(self) -> bool:
        return self.status in OUTCOMES


class DiscriminationComplaint(EmploymentComplaint):
    """An employment-discrimination complaint (Employment Service Act art. 5).

    The report counts each complaint once, under its `main_ground` (the one the clerk judges it is mainly about;
    at filing, the first ground the citizen ticked in the Act's order, or OTHER_ACTS for a para. 2 act only);
    `grounds` keeps every ground ticked.
    """

    # What the citizen pages and e-mails call it.
    complaint_title = _("就業歧視申訴")

    grounds = models.JSONField(_("歧視事由"), default=list, blank=True,
                               help_text=_("就業服務法第5條第1項之事由代碼，可複選。"))
    main_ground = models.CharField(_("主要歧視事由"), max_length=30, choices=MAIN_GROUND_CHOICES)
    other_acts = models.JSONField(_("第5條第2項情事"), default=list, blank=True)
    offered_monthly_pay = models.PositiveIntegerField(_("職缺經常性薪資(元/月)"), null=True, blank=True)
    job_title = models.CharField(_("應徵或擔任之職務"), max_length=200, blank=True)
    incident_on = models.DateField(_("發生日期"), null=True, blank=True)
    incident_until = models.DateField(_("持續至"), null=True, blank=True)

    class Meta(EmploymentComplaint.Meta):
        verbose_name = _("就業歧視申訴案件")
        verbose_name_plural = _("就業歧視申訴案件")
        indexes = [models.Index(fields=["filed_on", "main_ground"], name="discrimination_ground_idx")]


class HarassmentComplaint(EmploymentComplaint):
    """A workplace sexual-harassment complaint filed with the city (Act of Gender Equality in Employment art.
    32-1). `filing_deadline` and `appears_late` are what the time limits gave when it was filed (see
    services.harassment_filing_deadline); staff may still take it up."""

    # What the citizen pages and e-mails call it.
    complaint_title = _("職場性騷擾申訴")

    complainant_role = models.CharField(_("申訴人身分"), max_length=20, choices=ComplainantRole.choices,
                                        default=ComplainantRole.EMPLOYEE)
    complainant_birth_date = models.DateField(_("申訴人出生日期"), null=True, blank=True)
    route = models.CharField(_("向本局申訴之理由"), max_length=20, choices=HarassmentRoute.choices)
    respondent_name = models.CharField(_("被申訴人姓名"), max_length=100)
    respondent_title = models.CharField(_("被申訴人職稱"), max_length=100, blank=True)
    respondent_is_top_manager = models.BooleanField(_("被申訴人為最高負責人或僱用人"), default=False)
    respondent_abused_power = models.BooleanField(_("被申訴人具權勢地位"), default=False)
    victim_was_minor = models.BooleanField(_("行為發生時申訴人未成年"), default=False)
    act_ended_on = models.DateField(_("行為終了日"))
    learned_on = models.DateField(_("知悉日"))
    left_job_on = models.DateField(_("離職日"), null=True, blank=True)
    filing_deadline = models.DateField(_("申訴期限"), null=True, blank=True)
    deadline_basis = models.CharField(_("期限依據"), max_length=200, blank=True)
    appears_late = models.BooleanField(_("申訴時已逾期限"), default=False, db_index=True)

    class Meta(EmploymentComplaint.Meta):
        verbose_name = _("職場性騷擾申訴案件")
        verbose_name_plural = _("職場性騷擾申訴案件")


class ScamComplaint(EmploymentComplaint):
    """A job-scam or false-job-advertisement complaint (Employment Service Act art. 5 II (1), art. 40)."""

    # What the citizen pages and e-mails call it.
    complaint_title = _("求職防騙及不實廣告申訴")

    ad_text = models.TextField(_("徵才廣告內容"), max_length=ACCOUNT_MAX_LENGTH, blank=True,
                               validators=[MaxLengthValidator(ACCOUNT_MAX_LENGTH)])
    ad_url = models.URLField(_("廣告網址"), max_length=500, blank=True)
    ad_source = models.CharField(_("廣告刊登處"), max_length=20, choices=ScamAdSource.choices, blank=True)
    incident_on = models.DateField(_("發生日期"), null=True, blank=True)
    loss_amount = models.PositiveIntegerField(_("損失金額(元)"), null=True, blank=True)

    class Meta(EmploymentComplaint.Meta):
        verbose_name = _("求職防騙及不實廣告申訴案件")
        verbose_name_plural = _("求職防騙及不實廣告申訴案件")


# --- State logs (the kit's StateChange; written only by services.complaint_state_change) ----------


class DiscriminationStateChange(StateChange):
    case = models.ForeignKey(DiscriminationComplaint, on_delete=models.CASCADE, related_name="state_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("就業歧視申訴狀態紀錄")
        verbose_name_plural = _("就業歧視申訴狀態紀錄")
        indexes = [models.Index(fields=["case", "changed_on", "changed_at", "id"], name="discrimination_state_idx")]


class HarassmentStateChange(StateChange):
    case = models.ForeignKey(HarassmentComplaint, on_delete=models.CASCADE, related_name="state_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("性騷擾申訴狀態紀錄")
        verbose_name_plural = _("性騷擾申訴狀態紀錄")
        indexes = [models.Index(fields=["case", "changed_on", "changed_at", "id"], name="harassment_state_idx")]


class ScamStateChange(StateChange):
    case = models.ForeignKey(ScamComplaint, on_delete=models.CASCADE, related_name="state_changes")

    class Meta(StateChange.Meta):
        verbose_name = _("求職防騙申訴狀態紀錄")
        verbose_name_plural = _("求職防騙申訴狀態紀錄")
        indexes = [models.Index(fields=["case", "changed_on", "changed_at", "id"], name="scam_state_idx")]


# --- Attachments (the kit's: checked by content, random names under employment/<case id>/) -----------


class DiscriminationAttachment(BureauRecord, CaseAttachment):
    case = models.ForeignKey(DiscriminationComplaint, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["created_at"]


class HarassmentAttachment(BureauRecord, CaseAttachment):
    case = models.ForeignKey(HarassmentComplaint, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["created_at"]


class ScamAttachment(BureauRecord, CaseAttachment):
    case = models.ForeignKey(ScamComplaint, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["created_at"]


# --- Time limits of sexual-harassment complaints (dated data) ---------------------------------------


class TimeLimitRule(models.TextChoices):
    LEARNED = "learned", _("自知悉時起（一般）")
    ACT_ENDED = "act_ended", _("自行為終了時起（一般）")
    LEARNED_POWER = "learned_power", _("自知悉時起（具權勢地位）")
    ACT_ENDED_POWER = "act_ended_power", _("自行為終了時起（具權勢地位）")
    AFTER_MAJORITY = "after_majority", _("未成年被害人成年後")
    AGE_OF_MAJORITY = "age_of_majority", _("成年年齡")
    AFTER_LEAVING = "after_leaving", _("被申訴人為最高負責人：離職後")
    TOP_MANAGER_CAP = "top_manager_cap", _("被申訴人為最高負責人：自行為終了時起最長")


class HarassmentTimeLimit(models.Model):
    """A time limit (in years) for a sexual-harassment complaint to the city, as in force from `valid_from`.

    Act of Gender Equality in Employment (性別平等工作法) art. 32-1 para. 2 and 3, in force 2024-03-08
    (law.moj.gov.tw N0030029): 2 years from learning of it, 5 from the act's end; 3 and 7 where the respondent
    abused power; a minor victim may file within 3 years of majority (Civil Code art. 12: 18 years since
    2023-01-01); where the respondent is the top manager or employer, within 1 year of leaving the job but never
    more than 10 years after the act. A special rule applies only when it gives longer than para. 2.
    The limits in force on the filing day apply; an amended law is a new row from its date.
    """

    rule = models.CharField(_("規則"), max_length=20, choices=TimeLimitRule.choices)
    years = models.PositiveSmallIntegerField(_("年數"))
    valid_from = models.DateField(_("生效日"))
    citation = models.CharField(_("法源"), max_length=200)

    class Meta:
        verbose_name = _("性騷擾申訴期限")
        verbose_name_plural = _("性騷擾申訴期限")
        ordering = ["rule", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["rule", "valid_from"], name="harassment_limit_once_per_day")]

    def __str__(self):
        return f"{self.get_rule_display()} {self.years} 年（{self.valid_from:%Y-%m-%d} 起）"
