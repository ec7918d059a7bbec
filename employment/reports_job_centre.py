"""The job centre's figures of 四(二)1(1)-(2) and 4(1): job seekers and placements, vacancies and hires, and the
middle-aged and senior seekers among them. What each counts, and which are 人次, is the rule in
employment.models.job_centre's docstring; here each figure is one line, counted in one query per model, and the
rates are derived from the counts (no second query).
"""

from django.db.models import Count, Q, Sum

from employment.models import (
    JobSeekerRegistration,
    Referral,
    ReferralOutcome,
    Vacancy,
    VacancyHireReport,
    VacancyReview,
)
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import Figure, FigureGroup, Indicator, percent, registry

HIRED = Q(outcome=ReferralOutcome.HIRED)
# Hires that are counted but are no figure of the report on their own: parts of 僱用人數.
REFERRAL_HIRES, REPORTED_HIRES = "employment.vacancies.filled.referred", "employment.vacancies.filled.reported"

FIGURES = (
    Figure("employment.job_seekers", "人次", "市民求職服務人次（期間內求職登記）", JobSeekerRegistration.objects,
           Count("pk")),
    Figure("employment.job_seekers.placed", "人次", "推介就業人次（期間內經介紹卡僱用之求職登記，每筆登記計1次）",
           Referral.objects, Count("registration", distinct=True, filter=HIRED), "decided_in"),
    Figure("employment.vacancies", "個", "廠商求才職缺數（期間內求才登記之需求人數合計，不予刊登者不計）",
           Vacancy.objects, Sum("openings", filter=~Q(review=VacancyReview.REJECTED))),
    Figure(REFERRAL_HIRES, "人", "經介紹卡僱用人數", Referral.objects, Count("registration", filter=HIRED),
           "decided_in"),  # each card has a registration: counted from the covering index alone
    Figure(REPORTED_HIRES, "人", "雇主回報自行僱用人數", VacancyHireReport.objects, Sum("hired")),
    Figure("employment.middle_aged.served", "人次", "服務中高齡者及高齡者求職人次", JobSeekerRegistration.objects,
           Count("pk", filter=Q(middle_aged=True))),
    Figure("employment.middle_aged.employed", "人次", "中高齡者及高齡者成功輔導就業人次", Referral.objects,
           Count("registration", distinct=True, filter=HIRED & Q(seeker_middle_aged=True)), "decided_in"),
)

DERIVED = (
    Indicator("employment.vacancies.filled", "人", "求才僱用人數（經介紹卡僱用及雇主回報自行僱用）"),
    Indicator("employment.job_seekers.placement_rate", "%", "求職就業率（推介就業人次÷求職服務人次）"),
    Indicator("employment.vacancies.utilization_rate", "%", "求才利用率（僱用人數÷職缺數）"),
    Indicator("employment.middle_aged.rate", "%", "中高齡者及高齡者就業率（就業人次÷服務人次）"),
)


class JobCentreFigures(FigureGroup):
    """The figures above, plus the hires' total and the three rates computed from them."""

    def __init__(self):
        super().__init__(FIGURES)
        parts = {REFERRAL_HIRES, REPORTED_HIRES}
        self.indicators = (*(item for item in self.indicators if item.id not in parts), *DERIVED)

    def compute(self, period: HalfYear) -> dict:
        values = super().compute(period)
        filled = values.pop(REFERRAL_HIRES) + values.pop(REPORTED_HIRES)
        seekers, placed = values["employment.job_seekers"], values["employment.job_seekers.placed"]
        served, employed = values["employment.middle_aged.served"], values["employment.middle_aged.employed"]
        return {
            **values,
            "employment.vacancies.filled": filled,
            "employment.job_seekers.placement_rate": percent(placed, seekers, 2),
            "employment.vacancies.utilization_rate": percent(filled, values["employment.vacancies"], 2),
            "employment.middle_aged.rate": percent(employed, served, 1),
        }


registry.indicators(JobCentreFigures)
