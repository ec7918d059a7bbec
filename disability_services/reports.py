from django.db.models import Count, Q, Sum

from disability_services.models import (
    EmploymentProgramme,
    Entrepreneur,
    EntrepreneurRevenue,
    GrantDecision,
    JobRedesignGrant,
    MassageSite,
    MassageSiteGrant,
    MassageSiteKind,
    Masseur,
    MasseurTrainingSession,
    MasseurTrainingTopic,
    MonthlyRoster,
    RewardApplication,
    RewardStatus,
    SelfEmploymentGrant,
    ShelteredPlacement,
    ShelteredRelief,
    ShelteredRole,
    ShelteredWorkshop,
    SupportedEmploymentCase,
    TrainingClass,
    TrainingDelivery,
    VocationalAssessment,
)
from disability_services.quota import PRIVATE_KINDS, PUBLIC_KINDS, QuotaRules, QuotaStatus, recent_quarters
from disability_services.selectors import cases_served_in
from disability_services.services import applications_close
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import (
    Figure,
    Indicator,
    IndicatorGroup,
    ReportTable,
    Row,
    Total,
    registry,
)

QUOTA_ROWS = [
    ("義務機關構數:合計", "count"),
    ("義務機關構數:獎勵", QuotaStatus.ABOVE),
    ("義務機關構數:足額", QuotaStatus.AT),
    ("義務機關構數:不足額", QuotaStatus.BELOW),
    ("法定應進用不足人數", "shortfall"),
]


def _with_subtotals(by_kind: dict[str, int]) -> list[int]:
    """總計, public subtotal and its kinds, private subtotal and its kinds: each subtotal the sum of its parts."""
    public = [by_kind.get(kind.value, 0) for kind in PUBLIC_KINDS]
    private = [by_kind.get(kind.value, 0) for kind in PRIVATE_KINDS]
    return [sum(public) + sum(private), sum(public), *public, sum(private), *private]


@registry.table
class QuotaEmployment(ReportTable):
    """Employers obliged by art. 38 in the period's last month, by sector and kind: above quota, at quota, below,
    and the persons missing (required − counted, summed over those below), from that month's rosters."""

    id = "disability_services.quota_employment"
    title_zh = "本市定額進用身心障礙者概況"
    title_en = "Employers obliged to hire people with disabilities (quota), as of period end"
    columns = ["總計", "公立機關(構)合計", "公立:機關", "公立:學校", "公立:公營企業", "私立機關(構)合計", "私立:學校",
               "私立:團體", "私立:民營"]
    column_totals = (
        Total("總計", ("公立機關(構)合計", "私立機關(構)合計")),
        Total("公立機關(構)合計", ("公立:機關", "公立:學校", "公立:公營企業")),
        Total("私立機關(構)合計", ("私立:學校", "私立:團體", "私立:民營")),
    )
    row_totals = (Total("義務機關構數:合計", ("義務機關構數:獎勵", "義務機關構數:足額", "義務機關構數:不足額")),)

    def _count(self, period: HalfYear) -> tuple[list[Row], dict]:
        month = period.last_day.replace(day=1)
        # One grouped query over the month's rosters (six kinds come back, never the rosters).
        grouped = (
            MonthlyRoster.objects.for_month(month).assessed(QuotaRules.on(month))
            .exclude(quota_status=QuotaStatus.NOT_OBLIGED)
            .values("employer__kind")
            .annotate(
                # The employer, not the pk: the index holds every column this reads (an index-only scan).
                count=Count("employer"),
                above=Count("employer", filter=Q(quota_status=QuotaStatus.ABOVE)),
                at=Count("employer", filter=Q(quota_status=QuotaStatus.AT)),
                below=Count("employer", filter=Q(quota_status=QuotaStatus.BELOW)),
                missing=Sum("shortfall"),
                required_sum=Sum("required"),
                credited_sum=Sum("credited"),
            )
            .order_by()
        )
        by_kind = {row.pop("employer__kind"): row for row in grouped}
        names = {"count": "count", QuotaStatus.ABOVE: "above", QuotaStatus.AT: "at", QuotaStatus.BELOW: "below",
                 "shortfall": "missing"}
        rows = [
            Row(label, _with_subtotals({kind: row[names[key]] or 0 for kind, row in by_kind.items()}))
            for label, key in QUOTA_ROWS
        ]
        totals = {
            "required": sum(row["required_sum"] or 0 for row in by_kind.values()),
            "employed": sum(row["credited_sum"] or 0 for row in by_kind.values()),
            "missing": rows[-1].values[0],
        }
        return rows, totals

    def compute(self, period: HalfYear) -> list[Row]:
        return self._count(period)[0]

    def snapshot(self, period: HalfYear) -> dict:
        rows, totals = self._count(period)
        return {
            "id": self.id,
            "section": self.section,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "columns": list(self.columns),
            "rows": [{"label": row.label, "values": list(row.values)} for row in rows],
            "note": f"法定應進用{totals['required']:,}人，實際已進用{totals['employed']:,}人，"
                    f"法定應進用未足數{totals['missing']:,}人。",
        }


@registry.table
class OverQuotaRewards(ReportTable):
    """Over-quota rewards approved for each of the four quarters up to the period's end: employers, persons and
    amount; a quarter still accepting applications on the period's last day shows '-' (null)."""

    id = "disability_services.over_quota_rewards"
    title_zh = "超額進用獎勵金核定情形"
    title_en = "Over-quota hiring rewards, by quarter"
    columns = ["核定獎勵廠商(家次)", "獎勵人數(人次)", "獎勵金額(元)"]
    note = "超額獎勵金受理申請期間為每季結束後兩個月內；受理申請中之季別以「-」表示。"

    def compute(self, period: HalfYear) -> list[Row]:
        day = period.last_day
        quarters = recent_quarters(day)
        aggregates = {}
        for n, quarter in enumerate(quarters):
            # Approved by the period's end: a later decision does not change a past half-year's table.
            approved = Q(quarter_start=quarter.start, status=RewardStatus.APPROVED, decided_on__lte=day)
            aggregates[f"employers{n}"] = Count("pk", filter=approved)
            aggregates[f"persons{n}"] = Sum("persons", filter=approved)
            aggregates[f"amount{n}"] = Sum("amount", filter=approved)
        totals = RewardApplication.objects.filter(quarter_start__gte=quarters[0].start).aggregate(**aggregates)
        rows = []
        for n, quarter in enumerate(quarters):
            if applications_close(quarter) >= day:
                rows.append(Row(quarter.label_zh, [None, None, None]))
            else:
                rows.append(Row(quarter.label_zh, [totals[f"employers{n}"], totals[f"persons{n}"] or 0,
                                                   totals[f"amount{n}"] or 0]))
        return rows


@registry.indicators
class CaseManagement(IndicatorGroup):
    indicators = (
        Indicator("disability_services.case_management.new", "人", "職業重建個案管理新開案人數"),
        Indicator("disability_services.case_management.cumulative", "人", "職業重建累積服務個案人數"),
    )

    def compute(self, period):
        # Served: open at any time of the period, by the stage log (a case reopened later does not change a past
        # half-year); a person with two cases is one person.
        totals = cases_served_in(period).aggregate(
            new=Count("client", distinct=True, filter=Q(opened_on__gte=period.start)),
            cumulative=Count("client", distinct=True),
        )
        return {
            "disability_services.case_management.new": totals["new"],
            "disability_services.case_management.cumulative": totals["cumulative"],
        }


@registry.indicators
class SupportedEmployment(IndicatorGroup):
    indicators = (
        Indicator("disability_services.supported_employment.served", "人", "支持性就業服務人數"),
        Indicator("disability_services.supported_employment.new", "人", "支持性就業新開案數"),
        Indicator("disability_services.supported_employment.placed", "人", "支持性就業推介成功人數"),
        Indicator("disability_services.supported_employment.stable_3m", "人", "穩定就業三個月以上人數"),
        Indicator("disability_services.rural.opened", "人", "偏鄉就業服務開案人數"),
        Indicator("disability_services.rural.placed", "人", "偏鄉就業服務推介成功人數"),
    )

    def compute(self, period):
        def within(field):
            return Q(**{f"{field}__gte": period.start, f"{field}__lt": period.end})

        general = Q(programme=EmploymentProgramme.GENERAL)
        rural = Q(programme=EmploymentProgramme.RURAL)
        totals = SupportedEmploymentCase.objects.served_in(period).aggregate(
            served=Count("client", distinct=True, filter=general),
            new=Count("pk", filter=general & within("opened_on")),
            placed=Count("pk", filter=general & within("placed_on")),
            stable=Count("pk", filter=general & within("stable_on")),
            rural_opened=Count("pk", filter=rural & within("opened_on")),
            rural_placed=Count("pk", filter=rural & within("placed_on")),
        )
        return {
            "disability_services.supported_employment.served": totals["served"],
            "disability_services.supported_employment.new": totals["new"],
            "disability_services.supported_employment.placed": totals["placed"],
            "disability_services.supported_employment.stable_3m": totals["stable"],
            "disability_services.rural.opened": totals["rural_opened"],
            "disability_services.rural.placed": totals["rural_placed"],
        }


@registry.indicators
class Sheltered(IndicatorGroup):
    indicators = (
        Indicator("disability_services.sheltered.workshops", "家", "庇護工場家數"),
        Indicator("disability_services.sheltered.workers", "名", "庇護性就業者人數"),
        Indicator("disability_services.sheltered.trainees", "名", "職場見習者人數"),
    )

    def compute(self, period):
        workshops = ShelteredWorkshop.objects.active_on(period.last_day).count()
        people = ShelteredPlacement.objects.served_in(period).aggregate(
            workers=Count("client", distinct=True, filter=Q(role=ShelteredRole.EMPLOYEE)),
            trainees=Count("client", distinct=True, filter=Q(role=ShelteredRole.TRAINEE)),
        )
        return {
            "disability_services.sheltered.workshops": workshops,
            "disability_services.sheltered.workers": people["workers"],
            "disability_services.sheltered.trainees": people["trainees"],
        }


@registry.indicators
class VisuallyImpairedRegister(IndicatorGroup):
    indicators = (
        Indicator("disability_services.visually_impaired.masseurs", "人", "視障按摩師人數（期末）"),
        Indicator("disability_services.visually_impaired.kiosks", "處", "按摩小棧（期末）"),
        Indicator("disability_services.visually_impaired.parlours", "家", "按摩院所（期末）"),
        Indicator("disability_services.entrepreneurs.coached", "位", "輔導身心障礙創業者人數"),
    )

    def compute(self, period):
        day = period.last_day
        sites = MassageSite.objects.active_on(day).aggregate(
            kiosks=Count("pk", filter=Q(kind=MassageSiteKind.KIOSK)),
            parlours=Count("pk", filter=Q(kind=MassageSiteKind.PARLOUR)),
        )
        return {
            "disability_services.visually_impaired.masseurs": Masseur.objects.active_on(day).count(),
            "disability_services.visually_impaired.kiosks": sites["kiosks"],
            "disability_services.visually_impaired.parlours": sites["parlours"],
            "disability_services.entrepreneurs.coached": Entrepreneur.objects.served_in(period).count(),
        }


APPROVED = Q(decision=GrantDecision.APPROVED)
TRAINING = registry.figures(
    Figure("disability_services.assessments", "案", "完成身心障礙者職業輔導評量及報告", VocationalAssessment.objects,
           Count("pk")),
    Figure("disability_services.training.own_classes", "班", "自辦日間養成職業訓練班數", TrainingClass.objects,
           Count("pk", filter=Q(delivery=TrainingDelivery.OWN))),
    Figure("disability_services.training.commissioned_trainees", "名", "委辦日間養成職業訓練招收學員",
           TrainingClass.objects, Sum("trainees", filter=Q(delivery=TrainingDelivery.COMMISSIONED))),
    Figure("disability_services.training.second_skill_trainees", "名", "第二專長(進修)職業訓練招收學員",
           TrainingClass.objects, Sum("trainees", filter=Q(delivery=TrainingDelivery.SECOND_SKILL))),
    Figure("disability_services.training.individual_trainees", "名", "個別職能養成計畫招收學員",
           TrainingClass.objects, Sum("trainees", filter=Q(delivery=TrainingDelivery.INDIVIDUAL))),
)
GRANTS = registry.figures(
    Figure("disability_services.sheltered.relief_total", "元", "庇護工場防疫行政費及租金補助合計",
           ShelteredRelief.objects, Sum("amount")),
    Figure("disability_services.job_redesign.approved", "件", "職務再設計核准件數", JobRedesignGrant.objects,
           Count("pk", filter=APPROVED), scope="in_period"),
    Figure("disability_services.job_redesign.amount", "元", "職務再設計核准補助金額", JobRedesignGrant.objects,
           Sum("amount", filter=APPROVED)),
    Figure("disability_services.entrepreneurs.revenue", "元", "創業輔導對象營運總績效", EntrepreneurRevenue.objects,
           Sum("revenue")),
    Figure("disability_services.self_employment.grants", "件", "自力更生創業補助核准件數", SelfEmploymentGrant.objects,
           Count("pk", filter=APPROVED)),
    Figure("disability_services.self_employment.amount", "元", "自力更生創業補助金額", SelfEmploymentGrant.objects,
           Sum("amount", filter=APPROVED)),
    Figure("disability_services.visually_impaired.site_grants", "元", "視障按摩服務據點核定補助金額",
           MassageSiteGrant.objects, Sum("amount", filter=APPROVED)),
    Figure("disability_services.visually_impaired.training_attendance", "人次",
           "企業進用職前教育訓練及按摩業經營管理課程參與人次", MasseurTrainingSession.objects,
           Sum("attendance", filter=Q(topic__in=[MasseurTrainingTopic.PRE_EMPLOYMENT, MasseurTrainingTopic.MANAGEMENT]))),
)
