"""The employment section's report parts of 四(二)1(3)–4 and 四(三) from the job centre's events, programme
enrolments, training classes and certification tests (issue 12). Job seekers, vacancies and referrals
(四(二)1(1)–(2), the middle-aged placement rate) are counted elsewhere.

Each model's figures are declared one line each and counted in one query; a rate is worked out from two of those
figures after the query (percent: rounded half up), so it can never disagree with the counts printed beside it.
"""

from typing import NamedTuple

from django.db.models import Count, Q, Sum

from employment.models import (
    JOB_FAIR_KINDS,
    CertificationSession,
    EventKind,
    Programme,
    ProgrammeEnrolment,
    ServiceEvent,
    TrainingClass,
    TrainingScheme,
)
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import (
    Figure,
    FigureGroup,
    Indicator,
    ReportTable,
    Row,
    column,
    count_by,
    percent,
    registry,
)


class Rate(NamedTuple):
    """A percentage of two figures of the same group: part / whole × 100, rounded half up to `decimals`."""

    id: str
    label_zh: str
    part: str
    whole: str
    decimals: int

    @property
    def indicator(self) -> Indicator:
        return Indicator(self.id, "%", self.label_zh)


class FiguresWithRates(FigureGroup):
    """One-line figures (one query per model) and the rates between them, computed from their values. Subclass
    with `figures` and `rates` and register with @registry.indicators."""

    figures: tuple[Figure, ...] = ()
    rates: tuple[Rate, ...] = ()

    def __init__(self):
        super().__init__(self.figures)
        self.indicators += tuple(rate.indicator for rate in self.rates)

    def compute(self, period: HalfYear) -> dict:
        values = super().compute(period)
        for rate in self.rates:
            values[rate.id] = percent(values[rate.part], values[rate.whole], rate.decimals)
        return values


def _kind(*kinds) -> Q:
    return Q(kind__in=kinds)


FAIRS = _kind(*JOB_FAIR_KINDS)
VAN, DIRECT_BUS, VIDEO = _kind(EventKind.MOBILE_VAN), _kind(EventKind.DIRECT_BUS), _kind(EventKind.VIDEO_INTERVIEW)
CAMPUS, WINNER = _kind(EventKind.CAMPUS), _kind(EventKind.YOUTH_WINNER)
DISADVANTAGED, PRISON = _kind(EventKind.DISADVANTAGED), _kind(EventKind.PRISON)
WORKSHOPS, VOLUNTEERING = _kind(EventKind.UNEMPLOYED_WORKSHOP), _kind(EventKind.TRAINEE_VOLUNTEERING)
EVENTS = ServiceEvent.objects

# Sessions are Sum("sessions") (a row may be a series of several), trips are the van's sessions (車次). Participants
# and the other counts are summed over the period's events: 人次 across events (see employment.models.services_events).
@registry.indicators
class ServiceEventFigures(FiguresWithRates):
    figures = (
    Figure("employment.mobile_van.trips", "車次", "行動就服車巡迴車次", EVENTS, Sum("sessions", filter=VAN)),
    Figure("employment.mobile_van.consultations", "人次", "行動就服車諮詢服務人次", EVENTS,
           Sum("consultations", filter=VAN)),
    Figure("employment.mobile_van.referrals", "人次", "行動就服車協助求職推介人次", EVENTS, Sum("referrals", filter=VAN)),
    Figure("employment.job_fairs.events", "場次", "大、中、小型及單一徵才活動場次", EVENTS, Sum("sessions", filter=FAIRS)),
    Figure("employment.job_fairs.employers", "家", "徵才活動參加廠商家數", EVENTS, Sum("employers", filter=FAIRS)),
    Figure("employment.job_fairs.openings", "個", "徵才活動提供就業機會數", EVENTS, Sum("openings", filter=FAIRS)),
    Figure("employment.job_fairs.resumes", "人次", "徵才活動投遞履歷人次", EVENTS, Sum("resumes", filter=FAIRS)),
    Figure("employment.job_fairs.matched", "人", "徵才活動初步媒合人數", EVENTS, Sum("matched", filter=FAIRS)),
    Figure("employment.direct_bus.sessions", "場", "就業直達車服務場次", EVENTS, Sum("sessions", filter=DIRECT_BUS)),
    Figure("employment.video_interviews.sessions", "場次", "視訊面試服務場次", EVENTS, Sum("sessions", filter=VIDEO)),
    Figure("employment.youth.campus_events", "場", "與學校合作辦理就業博覽會、駐點或入班宣導場次", EVENTS,
           Sum("sessions", filter=CAMPUS)),
    Figure("employment.youth.campus_reach", "人次", "校園活動服務青年學子人次", EVENTS,
           Sum("participants", filter=CAMPUS)),
    Figure("employment.youth.winner_sessions", "場次", "青年就業大贏家活動場次", EVENTS, Sum("sessions", filter=WINNER)),
    Figure("employment.youth.winner_participants", "人", "青年就業大贏家活動參與人數", EVENTS,
           Sum("participants", filter=WINNER)),
    Figure("employment.disadvantaged.sessions", "場", "特定對象暨弱勢者就業服務計畫活動場次", EVENTS,
           Sum("sessions", filter=DISADVANTAGED)),
    Figure("employment.disadvantaged.served", "人", "特定對象暨弱勢者就業服務計畫服務人數", EVENTS,
           Sum("participants", filter=DISADVANTAGED)),
    Figure("employment.prison.sessions", "場", "入監就業宣導場次", EVENTS, Sum("sessions", filter=PRISON)),
    Figure("employment.prison.served", "人次", "入監就業宣導服務人次", EVENTS, Sum("participants", filter=PRISON)),
    Figure("employment.unemployed_workshops.sessions", "場", "一般失業者適性就促研習、職場觀摩、成長團體場次", EVENTS,
           Sum("sessions", filter=WORKSHOPS)),
    Figure("employment.unemployed_workshops.served", "人次", "一般失業者適性就促活動服務人次", EVENTS,
           Sum("participants", filter=WORKSHOPS)),
    Figure("employment.trainee_volunteering.events", "場次", "職訓學員公益活動場次", EVENTS,
           Sum("sessions", filter=VOLUNTEERING)),
    Figure("employment.trainee_volunteering.served", "人次", "職訓學員公益活動服務人次", EVENTS,
           Sum("participants", filter=VOLUNTEERING)),
    )
    rates = (
        Rate("employment.job_fairs.match_rate", "徵才活動初步媒合率（初步媒合人數÷投遞履歷人次）",
             "employment.job_fairs.matched", "employment.job_fairs.resumes", 2),
    )


def _programme(programme) -> Q:
    return Q(programme=programme)


RESTART, WARM_HEART = _programme(Programme.RESTART), _programme(Programme.WARM_HEART)
SUBSIDY, REDESIGN = _programme(Programme.MIDDLE_AGED_SUBSIDY), _programme(Programme.JOB_REDESIGN)
SILVER = _programme(Programme.SILVER_CENTRE)
ENROLMENTS = ProgrammeEnrolment.objects

@registry.indicators
class ProgrammeFigures(FiguresWithRates):
    figures = (
    Figure("employment.restart_program.quota", "名", "「安心即時上工計畫」核定名額", ENROLMENTS, Sum("quota", filter=RESTART)),
    Figure("employment.restart_program.working", "人", "「安心即時上工計畫」上工人數", ENROLMENTS,
           Sum("people", filter=RESTART)),
    Figure("employment.warm_heart_program.applicants", "人", "「暖心計畫」報名人數", ENROLMENTS,
           Sum("applicants", filter=WARM_HEART)),
    Figure("employment.warm_heart_program.hired", "人", "「暖心計畫」錄取人數", ENROLMENTS,
           Sum("people", filter=WARM_HEART)),
    Figure("employment.middle_aged.subsidised", "位", "運用就業獎補助工具協助中高齡者及高齡者就業人數", ENROLMENTS,
           Sum("people", filter=SUBSIDY)),
    # A firm is counted once however many grants it had in the half-year: by its business number.
    Figure("employment.middle_aged.redesign_firms", "家", "中高齡職務再設計補助廠商家數", ENROLMENTS,
           Count("business_number", distinct=True, filter=REDESIGN)),
    Figure("employment.middle_aged.redesign_workers", "位", "中高齡職務再設計協助就業者人數", ENROLMENTS,
           Sum("people", filter=REDESIGN)),
    Figure("employment.silver_centre.people", "位", "銀髮人才資源中心開發55歲以上人力", ENROLMENTS,
           Sum("people", filter=SILVER)),
    Figure("employment.silver_centre.vacancies", "個", "銀髮人才資源中心開發友善職缺數", ENROLMENTS,
           Sum("vacancies", filter=SILVER)),
    )
    rates = (
        Rate("employment.restart_program.rate", "「安心即時上工計畫」上工率（上工人數÷核定名額）",
             "employment.restart_program.working", "employment.restart_program.quota", 1),
    )

CERTIFICATION = registry.figures(
    Figure("employment.skills_certification.persons", "人", "服務參加各項技能檢定測驗人數",
           CertificationSession.objects, Sum("candidates")),
)


# The table's rows: the report's labels (zh-Hant in every language, as the catalogue prints them).
ROWS = [
    (TrainingScheme.INDUSTRY_COOPERATION, "產訓合作職前訓練班"),
    (TrainingScheme.COMMISSIONED_UNEMPLOYED, "委外失業者職業訓練"),
    (TrainingScheme.SUBSIDISED_CARE, "補助照顧服務員等職業訓練"),
]


@registry.table
class VocationalTraining(ReportTable):
    """Classes that started (開訓) in the period, by scheme, in one grouped query. 總訓練時數 is the sum of the
    classes' hours only when every class of the scheme has its hours; otherwise it is not known and printed
    "-" (None), as the report prints it for the schemes whose hours it does not give. 結訓人數 sums the classes
    whose results are in (a class still running has none yet)."""

    id = "employment.vocational_training"
    title_zh = "職業訓練辦理情形"
    title_en = "Vocational training run in the period"
    columns = ["班數", "總訓練時數", "招(開)訓人數", "結訓人數"]

    def compute(self, period: HalfYear) -> list[Row]:
        grouped = count_by(
            TrainingClass.objects.in_period(period), "scheme",
            with_hours=Count("hours"), hours=Sum("hours"), enrolled=Sum("enrolled"), completed=Sum("completed"),
        )
        schemes = [scheme for scheme, _label in ROWS]
        classes, with_hours, hours, enrolled, completed = (
            column(grouped, schemes, name) for name in ("count", "with_hours", "hours", "enrolled", "completed"))
        return [
            Row(label, [
                classes[n],
                (hours[n] or 0) if with_hours[n] == classes[n] else None,
                enrolled[n] or 0,
                completed[n] or 0,
            ])
            for n, (_scheme, label) in enumerate(ROWS)
        ]
