"""The job centre's daily records (issue 12, 四(二)1 and 4(1)): job-seeker registrations (求職登記), employers'
vacancies (求才登記), referral cards (介紹卡) with their outcome, and employers' reports of hires made from a
registered vacancy without a referral card.

What the report counts, and in which unit (employment.reports_job_centre):

- 求職服務人次 (employment.job_seekers): registrations made in the half. A registration is one 人次: a person who
  registers twice in the half (a new search after a job ended) counts twice.
- 推介就業人次 (….placed): registrations placed in the half, i.e. with a referral whose outcome is 已僱用 and
  whose outcome date falls in the half — each registration once, however many of its referrals ended in a hire
  that half (a seeker placed twice on one registration is one 人次). A referral made in the previous half and
  hired in this one counts in this one; its registration may be older than the half.
- 求職就業率 = placed / job_seekers (%, 2 decimals), as the Ministry of Labor computes it.
- 求才職缺數 (employment.vacancies): openings (the count on each vacancy, summed) of vacancies registered in the
  half.
- 僱用人數 (….filled, 人): people hired into registered vacancies in the half: hired referrals (one person each)
  plus the hires the employer reports from the listing without a referral card (VacancyHireReport), each dated
  by its own date. A vacancy filled partly adds only the hires it had; a vacancy never takes more hires than it
  has openings (Referral.clean, VacancyHireReport.clean).
- 求才利用率 = filled / vacancies (%, 2 decimals).
- 中高齡者及高齡者 (employment.middle_aged.*): the same two counts for registrations of seekers aged 45 or more on
  the day they registered (Employment Service Act art. 2 subpara. 4; stored on the registration and copied onto
  its referrals, so that a birthday later does not move a past half and the report reads one table).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Sum
from django.utils.translation import gettext_lazy as _

from labor_portal.core.districts import District
from labor_portal.core.models import BureauRecord, PeriodQuerySet, rule_on
from labor_portal.core.validators import (
    mask_name,
    validate_birth_date,
    validate_business_number,
    validate_personal_id,
)

__all__ = [
    "MIDDLE_AGED_RULE",
    "EmploymentStation",
    "EmploymentType",
    "JobSeekerRegistration",
    "OccupationGroup",
    "PayUnit",
    "Referral",
    "ReferralOutcome",
    "Vacancy",
    "VacancyHireReport",
    "VacancyReview",
    "age_on",
]

# The age from which a seeker is 中高齡 (45 to 65) or 高齡 (over 65): Employment Service Act art. 2 subpara. 4
# and the Middle-aged and Elderly Employment Promotion Act art. 3. Dated data (LegalRule), seeded by migration.
MIDDLE_AGED_RULE = "employment.middle_aged_from_age"


class EmploymentStation(models.TextChoices):
    """The bureau's employment service stations (就業服務站) and the mobile service van."""

    QIANZHEN = "qianzhen", _("前鎮就業服務站")
    SANMIN = "sanmin", _("三民就業服務站")
    FENGSHAN = "fengshan", _("鳳山就業服務站")
    GANGSHAN = "gangshan", _("岡山就業服務站")
    QISHAN = "qishan", _("旗山就業服務站")
    ZUOYING = "zuoying", _("左營就業服務站")
    MOBILE_VAN = "mobile_van", _("行動就服車")


class OccupationGroup(models.TextChoices):
    """Major groups of the national standard classification of occupations (職業標準分類大類)."""

    MANAGERS = "1", _("主管及監督人員")
    PROFESSIONALS = "2", _("專業人員")
    TECHNICIANS = "3", _("技術員及助理專業人員")
    CLERICAL = "4", _("事務支援人員")
    SERVICE_SALES = "5", _("服務及銷售工作人員")
    AGRICULTURE = "6", _("農、林、漁、牧業生產人員")
    CRAFT = "7", _("技藝有關工作人員")
    OPERATORS = "8", _("機械設備操作及組裝人員")
    ELEMENTARY = "9", _("基層技術工及勞力工")


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("全職")
    PART_TIME = "part_time", _("兼職")


class PayUnit(models.TextChoices):
    MONTHLY = "monthly", _("月薪")
    HOURLY = "hourly", _("時薪")


class VacancyReview(models.TextChoices):
    """A vacancy is published unless the job-ad checker flags it: then staff review it first."""

    PUBLISHED = "published", _("已公開")
    HELD = "held", _("待人工審核")
    REJECTED = "rejected", _("不予刊登")


class ReferralOutcome(models.TextChoices):
    HIRED = "hired", _("已僱用")
    NOT_HIRED = "not_hired", _("未錄取")
    NO_SHOW = "no_show", _("未前往應徵")


def age_on(birth_date, day) -> int:
    """Full years of age on `day` (a 29 February birthday is reached on 1 March in common years)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class JobSeekerRegistration(BureauRecord):
    """One 求職登記 at a station: one 人次 of job-seeker service. The seeker's name and ID number are personal data
    (masked in lists, exports and the API). The target groups are the Employment Service Act art. 24 groups the
    seeker belongs to on the day; 中高齡 is derived from the birth date (see `middle_aged`)."""

    number = models.CharField(_("求職登記編號"), max_length=30, unique=True)
    registered_on = models.DateField(_("登記日期"), db_index=True)
    station = models.CharField(_("就業服務站"), max_length=20, choices=EmploymentStation.choices)
    name = models.CharField(_("姓名"), max_length=100)
    personal_id = models.CharField(_("身分證統一編號"), max_length=10, validators=[validate_personal_id])
    birth_date = models.DateField(_("出生日期"), validators=[validate_birth_date])
    phone = models.CharField(_("聯絡電話"), max_length=30, blank=True)
    desired_occupation = models.CharField(
        _("希望職業大類"), max_length=2, choices=OccupationGroup.choices, blank=True)
    # Derived when saved (JobSeekerRegistration.derive), never typed: age 45+ on the registration day.
    middle_aged = models.BooleanField(_("中高齡及高齡者（45歲以上）"), default=False, editable=False)
    youth = models.BooleanField(_("青年（15至29歲）"), default=False)
    disadvantaged = models.BooleanField(
        _("弱勢者（低收或中低收入戶、長期失業者、家暴或性侵害被害人等）"), default=False)
    indigenous = models.BooleanField(_("原住民"), default=False)
    disabled = models.BooleanField(_("身心障礙者"), default=False)
    new_resident = models.BooleanField(_("新住民"), default=False)
    released_prisoner = models.BooleanField(_("更生受保護人"), default=False)

    objects = PeriodQuerySet.dated_by("registered_on").as_manager()

    class Meta:
        verbose_name = _("求職登記")
        verbose_name_plural = _("求職登記")
        ordering = ["-registered_on", "-pk"]
        indexes = [
            # The report counts the half's registrations from the index alone (PostgreSQL covering index).
            models.Index(fields=["registered_on"], include=["id", "middle_aged"], name="seeker_report"),
        ]

    def __str__(self):
        return f"{self.number} {mask_name(self.name)}"

    def derive(self, middle_aged_from: int) -> None:
        """Sets the stored 中高齡 flag from the birth date on the registration day (the rule's age read once by the
        caller, so that a bulk write reads it once)."""
        if self.birth_date and self.registered_on:
            self.middle_aged = age_on(self.birth_date, self.registered_on) >= middle_aged_from

    def save(self, *args, **kwargs):
        if self.birth_date and self.registered_on:
            self.derive(int(rule_on(MIDDLE_AGED_RULE, self.registered_on)))
        super().save(*args, **kwargs)

    def clean(self):
        if self.birth_date and self.registered_on and self.birth_date >= self.registered_on:
            raise ValidationError({"birth_date": _("出生日期應早於登記日期。")})


class VacancyQuerySet(PeriodQuerySet.dated_by("registered_on")):
    def public(self):
        """What citizens see: published and still open."""
        return self.filter(review=VacancyReview.PUBLISHED, closed_on__isnull=True)


class Vacancy(BureauRecord):
    """One 求才登記: an employer's vacancy for `openings` people in one occupation and place."""

    number = models.CharField(_("求才登記編號"), max_length=30, unique=True)
    registered_on = models.DateField(_("登記日期"), db_index=True)
    station = models.CharField(_("就業服務站"), max_length=20, choices=EmploymentStation.choices)
    employer_name = models.CharField(_("事業單位名稱"), max_length=200)
    employer_business_number = models.CharField(
        _("統一編號"), max_length=8, blank=True, validators=[validate_business_number])
    job_title = models.CharField(_("職缺名稱"), max_length=100)
    occupation = models.CharField(_("職業大類"), max_length=2, choices=OccupationGroup.choices)
    district = models.CharField(_("工作地點（行政區）"), max_length=20, choices=District.choices)
    openings = models.PositiveIntegerField(_("需求人數"))
    employment_type = models.CharField(_("工作型態"), max_length=20, choices=EmploymentType.choices)
    pay_unit = models.CharField(_("計薪方式"), max_length=10, choices=PayUnit.choices, default=PayUnit.MONTHLY)
    pay_min = models.PositiveIntegerField(_("薪資下限（元）"))
    pay_max = models.PositiveIntegerField(_("薪資上限（元）"), null=True, blank=True,
                                          help_text=_("空白表示「以上」。"))
    description = models.TextField(_("工作內容及條件"), blank=True)
    review = models.CharField(_("刊登狀態"), max_length=10, choices=VacancyReview.choices,
                              default=VacancyReview.HELD)
    review_notes = models.TextField(_("檢查結果"), blank=True)
    closed_on = models.DateField(_("截止日期"), null=True, blank=True,
                                 help_text=_("額滿或雇主撤回之日；空白表示仍在徵才。"))

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("求才登記")
        verbose_name_plural = _("求才登記")
        ordering = ["-registered_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(openings__gte=1), name="vacancy_at_least_one_opening"),
            models.CheckConstraint(condition=Q(pay_max__isnull=True) | Q(pay_max__gte=F("pay_min")),
                                   name="vacancy_pay_range_order"),
        ]
        indexes = [
            # The report sums the half's openings from the index alone (PostgreSQL covering index).
            models.Index(fields=["registered_on"], include=["openings", "review"], name="vacancy_report"),
            # The public search: open published vacancies, newest first (a small part of the history).
            models.Index(fields=["-registered_on", "-id"], name="vacancy_public_newest",
                         condition=Q(review="published", closed_on__isnull=True)),
        ]

    def __str__(self):
        return f"{self.number} {self.employer_name} {self.job_title}"

    def clean(self):
        errors = {}
        if self.openings is not None and self.openings < 1:
            errors["openings"] = _("需求人數至少為 1 人。")
        if self.pay_max is not None and self.pay_min is not None and self.pay_max < self.pay_min:
            errors["pay_max"] = _("薪資上限不得低於下限。")
        if self.closed_on and self.registered_on and self.closed_on < self.registered_on:
            errors["closed_on"] = _("截止日期不得早於登記日期。")
        if errors:
            raise ValidationError(errors)

    def hires(self, *, excluding=None) -> int:
        """Hires into this vacancy so far: hired referrals and the employer's reported hires."""
        referrals = self.referrals.filter(outcome=ReferralOutcome.HIRED)
        reports = self.hire_reports.all()
        if isinstance(excluding, Referral):
            referrals = referrals.exclude(pk=excluding.pk)
        if isinstance(excluding, VacancyHireReport):
            reports = reports.exclude(pk=excluding.pk)
        return referrals.count() + (reports.aggregate(total=Sum("hired"))["total"] or 0)


def _check_room(vacancy: Vacancy, adding: int, record) -> None:
    if vacancy.pk and vacancy.hires(excluding=record) + adding > vacancy.openings:
        raise ValidationError(_("此職缺需求 %(openings)s 人，已僱用人數不得超過需求人數。") % {"openings": vacancy.openings})


class ReferralQuerySet(PeriodQuerySet.dated_by("referred_on")):
    def decided_in(self, period):
        """Referrals whose outcome is dated in the half (how placements and hires are counted)."""
        return self.filter(outcome_on__gte=period.start, outcome_on__lt=period.end)


class Referral(BureauRecord):
    """A 介紹卡: a seeker (by registration) referred to a vacancy, and what came of it with its date."""

    card_number = models.CharField(_("介紹卡編號"), max_length=30, unique=True)
    registration = models.ForeignKey(JobSeekerRegistration, verbose_name=_("求職登記"), on_delete=models.PROTECT,
                                     related_name="referrals")
    vacancy = models.ForeignKey(Vacancy, verbose_name=_("求才登記"), on_delete=models.PROTECT,
                                related_name="referrals")
    referred_on = models.DateField(_("推介日期"), db_index=True)
    outcome = models.CharField(_("推介結果"), max_length=10, choices=ReferralOutcome.choices, blank=True)
    outcome_on = models.DateField(_("結果日期"), null=True, blank=True)
    # Copied from the registration when saved: the report counts middle-aged placements from this table alone.
    seeker_middle_aged = models.BooleanField(_("中高齡及高齡者"), default=False, editable=False)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("推介（介紹卡）")
        verbose_name_plural = _("推介（介紹卡）")
        ordering = ["-referred_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(outcome="", outcome_on__isnull=True)
                                   | (~Q(outcome="") & Q(outcome_on__isnull=False)),
                                   name="referral_outcome_with_date"),
            models.UniqueConstraint(fields=["registration", "vacancy"], name="referral_once_per_vacancy"),
        ]
        indexes = [
            # The report reads the half's outcomes from the index alone (PostgreSQL covering index).
            models.Index(fields=["outcome_on"], include=["outcome", "registration", "seeker_middle_aged"],
                         name="referral_outcome_report", condition=Q(outcome_on__isnull=False)),
            # The staff queue: referrals still without an outcome, oldest first.
            models.Index(fields=["referred_on"], name="referral_waiting", condition=Q(outcome="")),
        ]

    def __str__(self):
        return self.card_number

    def save(self, *args, **kwargs):
        if self.registration_id:
            self.seeker_middle_aged = self.registration.middle_aged
        super().save(*args, **kwargs)

    def clean(self):
        if bool(self.outcome) != bool(self.outcome_on):
            raise ValidationError({"outcome_on": _("推介結果與結果日期須同時填寫。")})
        if self.outcome_on and self.referred_on and self.outcome_on < self.referred_on:
            raise ValidationError({"outcome_on": _("結果日期不得早於推介日期。")})
        if self.outcome == ReferralOutcome.HIRED and self.vacancy_id:
            _check_room(self.vacancy, 1, self)


class VacancyHireReport(BureauRecord):
    """Hires an employer reports from a registered vacancy without a referral card (the seeker applied after
    seeing the listing on 台灣就業通 or at the station): they count in 僱用人數, not in 推介就業."""

    vacancy = models.ForeignKey(Vacancy, verbose_name=_("求才登記"), on_delete=models.PROTECT,
                                related_name="hire_reports")
    reported_on = models.DateField(_("回報日期"), db_index=True)
    hired = models.PositiveIntegerField(_("僱用人數"))

    objects = PeriodQuerySet.dated_by("reported_on").as_manager()

    class Meta:
        verbose_name = _("雇主自行僱用回報")
        verbose_name_plural = _("雇主自行僱用回報")
        ordering = ["-reported_on", "-pk"]
        indexes = [
            # The report sums the half's hires from the index alone (PostgreSQL covering index): reports are
            # dated in no order of their rows, so reading the rows cost one page per report (issue 16).
            models.Index(fields=["reported_on"], include=["hired"], name="hire_report_report"),
        ]
        constraints = [models.CheckConstraint(condition=Q(hired__gte=1), name="hire_report_at_least_one")]

    def __str__(self):
        return f"{self.vacancy_id}: {self.hired}"

    def clean(self):
        if self.vacancy_id and self.hired:
            _check_room(self.vacancy, self.hired, self)
