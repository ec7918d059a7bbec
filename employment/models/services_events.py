"""The job centre's events and programme enrolments (report 四(二)1(3)–4): one pattern for every kind of event
(ServiceEvent) and one for every programme's enrolment figures (ProgrammeEnrolment), each with the fields its
kind must have and may have (issue 12).

人次 or people: an event records how many took part in it, not who. Summed over a half-year's events, a person
who came to two events counts twice, whatever unit the report prints (its 人 of the disadvantaged-group and
youth-programme sessions are this same sum); a person is counted once only within one event row.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from labor_portal.core.models import BureauRecord, PeriodQuerySet
from labor_portal.core.validators import validate_business_number

__all__ = [
    "EVENT_FIELDS",
    "JOB_FAIR_KINDS",
    "PROGRAMME_FIELDS",
    "EventActivity",
    "EventKind",
    "Programme",
    "ProgrammeEnrolment",
    "ServiceEvent",
]


class EventKind(models.TextChoices):
    JOB_FAIR_LARGE = "job_fair_large", _("大型徵才活動")
    JOB_FAIR_MEDIUM = "job_fair_medium", _("中型徵才活動")
    JOB_FAIR_SMALL = "job_fair_small", _("小型徵才活動")
    JOB_FAIR_SINGLE = "job_fair_single", _("單一廠商徵才活動")
    DIRECT_BUS = "direct_bus", _("就業直達車")
    VIDEO_INTERVIEW = "video_interview", _("視訊面試")
    CAMPUS = "campus", _("校園就業活動")
    YOUTH_WINNER = "youth_winner", _("青年就業大贏家活動")
    DISADVANTAGED = "disadvantaged", _("特定對象暨弱勢者就業促進活動")
    PRISON = "prison", _("入監就業宣導")
    UNEMPLOYED_WORKSHOP = "unemployed_workshop", _("一般失業者適性就促活動")
    MOBILE_VAN = "mobile_van", _("行動就服車巡迴")
    TRAINEE_VOLUNTEERING = "trainee_volunteering", _("職訓學員公益服務")


JOB_FAIR_KINDS = (EventKind.JOB_FAIR_LARGE, EventKind.JOB_FAIR_MEDIUM, EventKind.JOB_FAIR_SMALL,
                  EventKind.JOB_FAIR_SINGLE)


class EventActivity(models.TextChoices):
    """What kind of session it was, where the report names them (campus events; the promotion programmes)."""

    FAIR = "fair", _("就業博覽會")
    ON_SITE = "on_site", _("駐點服務")
    CLASS_BRIEFING = "class_briefing", _("入班宣導")
    WORKSHOP = "workshop", _("就促研習")
    SITE_VISIT = "site_visit", _("職場觀摩")
    GROWTH_GROUP = "growth_group", _("成長團體")


# Per kind: (the counts it must have, the counts it may have). Every other count stays empty (None): the kind does
# not have it, which is not the same as zero.
COUNTS = ("participants", "employers", "openings", "resumes", "matched", "consultations", "referrals")
_FAIR = ({"employers", "openings", "resumes", "matched"}, {"participants"})
EVENT_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    **dict.fromkeys(JOB_FAIR_KINDS, _FAIR),
    EventKind.DIRECT_BUS: ({"employers", "participants"}, {"openings", "matched"}),
    EventKind.VIDEO_INTERVIEW: ({"employers", "participants"}, {"openings", "matched"}),
    EventKind.CAMPUS: ({"participants", "school"}, {"activity", "employers", "openings"}),
    EventKind.YOUTH_WINNER: ({"participants"}, set()),
    EventKind.DISADVANTAGED: ({"participants"}, {"activity"}),
    EventKind.PRISON: ({"participants"}, set()),
    EventKind.UNEMPLOYED_WORKSHOP: ({"participants"}, {"activity", "employers"}),
    EventKind.MOBILE_VAN: ({"consultations", "referrals"}, {"participants"}),
    EventKind.TRAINEE_VOLUNTEERING: ({"participants"}, set()),
}
OPTIONAL_TEXT = ("school", "activity")


class ServiceEvent(BureauRecord):
    """An employment-service event of any kind the report counts: a job fair, a 就業直達車 or video-interview
    session, a campus event, a programme's session, a mobile-van trip, trainee volunteering.

    `sessions` is the report's 場次 (車次 for the van): one row is usually one session, a series held as one
    (a growth group of four meetings) may be one row of several. The counts are those of the whole row:
    participants (people who took part; see the module's note on 人次), employers (廠商家數), openings (就業機會),
    résumés handed in (投遞履歷人次: one per résumé), people matched on the spot (初步媒合人), consultations and
    job referrals made on a van trip (人次). A count the kind does not have is empty, not 0 (EVENT_FIELDS).
    """

    kind = models.CharField(_("活動類別"), max_length=30, choices=EventKind.choices, db_index=True)
    programme = models.CharField(_("所屬計畫"), max_length=200, blank=True,
                                 help_text=_("例：特定對象暨弱勢者就業服務計畫、青年就業大贏家計畫"))
    title = models.CharField(_("活動名稱"), max_length=200)
    held_on = models.DateField(_("辦理日期"), db_index=True)
    place = models.CharField(_("地點"), max_length=200)
    school = models.CharField(_("合作學校"), max_length=100, blank=True)
    activity = models.CharField(_("活動型態"), max_length=20, choices=EventActivity.choices, blank=True)
    sessions = models.PositiveSmallIntegerField(_("場次（車次）"), default=1)
    participants = models.PositiveIntegerField(_("參加（服務）人數"), null=True, blank=True)
    employers = models.PositiveIntegerField(_("參加廠商家數"), null=True, blank=True)
    openings = models.PositiveIntegerField(_("就業機會數"), null=True, blank=True)
    resumes = models.PositiveIntegerField(_("投遞履歷人次"), null=True, blank=True)
    matched = models.PositiveIntegerField(_("初步媒合人數"), null=True, blank=True)
    consultations = models.PositiveIntegerField(_("諮詢服務人次"), null=True, blank=True)
    referrals = models.PositiveIntegerField(_("求職推介人次"), null=True, blank=True)
    notes = models.TextField(_("備註"), blank=True)

    objects = PeriodQuerySet.dated_by("held_on").as_manager()

    class Meta:
        verbose_name = _("就業服務活動")
        verbose_name_plural = _("就業服務活動")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["held_on", "kind"], name="service_event_period_kind")]
        constraints = [
            models.CheckConstraint(condition=Q(sessions__gte=1), name="service_event_at_least_one_session"),
            # Matches are among the résumés handed in: the match rate is never above 100 %.
            models.CheckConstraint(condition=Q(matched__isnull=True) | Q(resumes__isnull=True)
                                   | Q(matched__lte=models.F("resumes")), name="service_event_matched_within_resumes"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.title}（{self.held_on:%Y-%m-%d}）"

    def clean(self):
        super().clean()
        errors = fields_problems(self, EVENT_FIELDS.get(self.kind), COUNTS + OPTIONAL_TEXT)
        if self.sessions is not None and self.sessions < 1:
            errors.setdefault("sessions", _("至少 1 場次。"))
        if (self.matched is not None and self.resumes is not None and self.matched > self.resumes
                and "matched" not in errors):
            errors["matched"] = _("初步媒合人數不得多於投遞履歷人次。")
        if errors:
            raise ValidationError(errors)


def fields_problems(record, rule: tuple[set[str], set[str]] | None, fields: tuple[str, ...]) -> dict:
    """{field: message} for a required field left empty and a field the kind does not have that was filled."""
    if rule is None:
        return {}
    required, allowed = rule
    kind = record.get_kind_display() if hasattr(record, "get_kind_display") else record.get_programme_display()
    errors = {}
    for name in fields:
        empty = getattr(record, name) in (None, "")
        if name in required and empty:
            errors[name] = _("「%(kind)s」須填寫此欄。") % {"kind": kind}
        elif name not in required and name not in allowed and not empty:
            errors[name] = _("「%(kind)s」無此項目，請留空。") % {"kind": kind}
    return errors


class Programme(models.TextChoices):
    RESTART = "restart", _("安心即時上工計畫")
    WARM_HEART = "warm_heart", _("暖心計畫")
    MIDDLE_AGED_SUBSIDY = "middle_aged_subsidy", _("中高齡者及高齡者就業獎補助")
    JOB_REDESIGN = "job_redesign", _("中高齡職務再設計")
    SILVER_CENTRE = "silver_centre", _("銀髮人才資源中心")


# Per programme: (required, allowed) among the figures, as for events.
PROGRAMME_COUNTS = ("quota", "applicants", "people", "vacancies", "employer_name", "business_number", "grant_amount")
PROGRAMME_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    Programme.RESTART: ({"quota", "people"}, {"employer_name", "business_number"}),
    Programme.WARM_HEART: ({"applicants", "people"}, set()),
    Programme.MIDDLE_AGED_SUBSIDY: ({"people"}, {"employer_name", "business_number", "grant_amount"}),
    Programme.JOB_REDESIGN: ({"employer_name", "business_number", "people"}, {"grant_amount"}),
    Programme.SILVER_CENTRE: ({"people", "vacancies"}, set()),
}


class ProgrammeEnrolment(BureauRecord):
    """A programme's figures as one unit reports them on a date (recorded_on, which places them in a half-year):

    - 安心即時上工計畫: one approval for a placing unit — quota (核定名額, places) and people at work under it (人).
    - 暖心計畫: one station's intake — applicants (報名人) and people hired (錄取人).
    - 中高齡者及高齡者就業獎補助: people aged 45+ hired with a central-government subsidy (位, people), per
      employer or per station's batch.
    - 中高齡職務再設計: one firm's job-redesign grant — the firm (counted once per business number in a
      half-year, however many grants) and the older workers it covers (位).
    - 銀髮人才資源中心: the centre's monthly figures — people aged 55+ registered (位) and age-friendly vacancies
      developed (個).
    `people` is what each programme counts in people: working, hired, subsidised, covered or registered.
    """

    programme = models.CharField(_("計畫"), max_length=30, choices=Programme.choices)
    recorded_on = models.DateField(_("核定（統計）日期"), db_index=True)
    unit = models.CharField(_("辦理單位"), max_length=200, help_text=_("就業服務站、用人單位或合作中心"))
    employer_name = models.CharField(_("事業單位名稱"), max_length=200, blank=True)
    business_number = models.CharField(_("統一編號"), max_length=8, blank=True,
                                       validators=[validate_business_number])
    quota = models.PositiveIntegerField(_("核定名額"), null=True, blank=True)
    applicants = models.PositiveIntegerField(_("報名人數"), null=True, blank=True)
    people = models.PositiveIntegerField(
        _("人數"), null=True, blank=True,
        help_text=_("上工、錄取、獎補助就業、職務再設計協助或開發之人數，依計畫而定"))
    vacancies = models.PositiveIntegerField(_("開發職缺數"), null=True, blank=True)
    grant_amount = models.PositiveIntegerField(_("補助金額（元）"), null=True, blank=True)
    notes = models.TextField(_("備註"), blank=True)

    objects = PeriodQuerySet.dated_by("recorded_on").as_manager()

    class Meta:
        verbose_name = _("就業促進計畫辦理情形")
        verbose_name_plural = _("就業促進計畫辦理情形")
        ordering = ["-recorded_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quota__isnull=True) | Q(people__isnull=True)
                                   | ~Q(programme="restart") | Q(people__lte=models.F("quota")),
                                   name="programme_restart_working_within_quota"),
            models.CheckConstraint(condition=Q(applicants__isnull=True) | Q(people__isnull=True)
                                   | Q(people__lte=models.F("applicants")),
                                   name="programme_hired_within_applicants"),
        ]

    def __str__(self):
        return f"{self.get_programme_display()}：{self.employer_name or self.unit}（{self.recorded_on:%Y-%m-%d}）"

    def clean(self):
        super().clean()
        errors = fields_problems(self, PROGRAMME_FIELDS.get(self.programme), PROGRAMME_COUNTS)
        if "people" not in errors and self.people is not None:
            if self.programme == Programme.RESTART and self.quota is not None and self.people > self.quota:
                errors["people"] = _("上工人數不得多於核定名額。")
            if self.applicants is not None and self.people > self.applicants:
                errors["people"] = _("錄取人數不得多於報名人數。")
        if errors:
            raise ValidationError(errors)
