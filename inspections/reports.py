from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from inspections.models import (
    ComplianceCounselling,
    LaborInspection,
    Law,
    OccupationalAccident,
    OSHInspection,
    PenaltyStatus,
    PenaltyStatusChange,
    PromotionSession,
    PromotionTopic,
    SafetyFamily,
    SMECounsellingVisit,
    StopWorkOrder,
    Violation,
    Volunteer,
    in_any_period,
)
from labor_portal.cases.statelog import state_on
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import (
    Figure,
    Indicator,
    IndicatorGroup,
    ReportTable,
    Row,
    percent,
    ratio,
    registry,
)

RANKS = ["第一名", "第二名", "第三名", "第四名", "第五名", "第六名", "第七名", "第八名"]
PRIOR_YEARS = 3


def rank_articles(counts: dict[int, int], places: int) -> list[tuple[int, int]]:
    """(article, count) by count, most first; an equal count goes to the lower article number."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:places]


def pad(values: list, length: int) -> list:
    """Empty (None) cells for the places no article reached."""
    return values + [None] * (length - len(values))


@registry.table
class LSAViolationsByArticle(ReportTable):
    """Final Labor Standards Act penalties decided in the period: the 8 most violated articles, with each
    one's share of all final LSA penalties of the period.

    A penalty counts when its status on the period's last day, read from the penalty's state log, was final: one
    appealed or revoked later still counts for that half-year, one still under appeal then does not.
    """

    id = "inspections.lsa_violations_by_article"
    title_zh = "違反勞動基準法案件裁罰"
    title_en = "Labor Standards Act penalties by article (top 8)"
    columns = RANKS
    percent_rows = frozenset({"百分比"})
    percent_decimals = 2
    note = "百分比為各條次占期間內全部裁罰確定之違反勞動基準法件數之比率。"

    def compute(self, period: HalfYear) -> list[Row]:
        # One grouped query; a few dozen article rows come back, never the violations themselves.
        day = period.last_day
        # A status unchanged since the day is the status then. Only the few penalties whose status changed
        # later are read from the log, in one uncorrelated subquery (PostgreSQL hashes it once).
        unchanged_since = Q(status_since__isnull=True) | Q(status_since__lte=day)
        final_then = (
            Violation.objects.filter(status_since__gt=day)
            .alias(status_then=state_on(PenaltyStatusChange, day, field="violation"))
            .filter(status_then=PenaltyStatus.FINAL)
            .values("pk")
        )
        grouped = (
            Violation.objects.in_period(period)
            .filter(law=Law.LABOR_STANDARDS)
            .filter((unchanged_since & Q(status=PenaltyStatus.FINAL)) | Q(pk__in=final_then))
            .values("article")
            .annotate(count=Count("*"))
            .order_by()
        )
        counts = {row["article"]: row["count"] for row in grouped}
        total = sum(counts.values())
        top = rank_articles(counts, len(RANKS))
        return [
            Row("條次", pad([f"第{article}條" for article, _count in top], len(RANKS))),
            Row("次數", pad([count for _article, count in top], len(RANKS))),
            Row("百分比", pad([percent(count, total, self.percent_decimals) for _article, count in top], len(RANKS))),
        ]


LSA_TOPIC = Q(topic=PromotionTopic.LABOR_STANDARDS)
OSH_TOPIC = Q(topic=PromotionTopic.OCCUPATIONAL_SAFETY)

# An establishment inspected (or counselled) twice in the half-year is one establishment: distinct.
LABOR_CONDITIONS = registry.figures(
    Figure(
        "inspections.labor_conditions.establishments", "家", "實施申訴、專案及會同勞動檢查事業單位數",
        LaborInspection.objects, Count("establishment", distinct=True),
    ),
    Figure(
        "inspections.labor_conditions.counselled", "家", "法遵輔導入場輔導事業單位數",
        ComplianceCounselling.objects, Count("establishment", distinct=True),
    ),
    Figure("inspections.lsa_promotion.sessions", "場次", "勞動法令宣導場次", PromotionSession.objects, Count("pk", filter=LSA_TOPIC)),
    Figure("inspections.lsa_promotion.reach", "人次", "勞動法令宣導人次", PromotionSession.objects, Sum("people_reached", filter=LSA_TOPIC)),
)


@registry.indicators
class Fatalities(IndicatorGroup):
    indicators = (
        Indicator("inspections.osh.fatalities", "人", "職業災害死亡人數"),
        Indicator("inspections.osh.fatalities_prior3_avg", "人", "過去3年同期平均職業災害死亡人數"),
    )

    def compute(self, period):
        previous = period.same_half_of_previous_years(PRIOR_YEARS)
        # One query over the four half-years; each sum keeps to its own ranges.
        totals = OccupationalAccident.objects.filter(in_any_period("occurred_on", [period, *previous])).aggregate(
            now=Coalesce(Sum("deaths", filter=in_any_period("occurred_on", [period])), 0),
            before=Coalesce(Sum("deaths", filter=in_any_period("occurred_on", previous)), 0),
        )
        return {
            "inspections.osh.fatalities": totals["now"],
            "inspections.osh.fatalities_prior3_avg": ratio(totals["before"], PRIOR_YEARS),
        }


OSH = registry.figures(
    Figure("inspections.osh.inspections", "場次", "職業安全衛生勞動檢查場次", OSHInspection.objects, Count("pk")),
    Figure("inspections.osh.stop_work_orders", "場次", "停工場次", StopWorkOrder.objects, Count("pk")),
    # Fines imposed: every decision of the period counts, whatever an appeal later made of it.
    # The law in WHERE, not in a FILTER clause: the period's OSH decisions are then read from the (law, decided_on)
    # index alone, where a FILTER made PostgreSQL scan every violation of ten years (issue 16's benchmark).
    Figure(
        "inspections.osh.fines", "件次", "違反職業安全衛生法罰鍰處分件次",
        Violation.objects.filter(law=Law.OCCUPATIONAL_SAFETY), Count("pk"),
    ),
    Figure("inspections.osh_promotion.sessions", "場次", "職業安全衛生法令宣導場次", PromotionSession.objects, Count("pk", filter=OSH_TOPIC)),
    Figure("inspections.osh_counselling.visits", "場次", "中小企業訪視輔導場次", SMECounsellingVisit.objects, Count("pk")),
)


@registry.indicators
class VolunteerRecruitment(IndicatorGroup):
    indicators = (Indicator("inspections.osh_counselling.volunteers", "位", "招募志工輔導員人數"),)

    def compute(self, period):
        # The group recruits for the year ("109年共招募"): count from 1 January up to the period's end.
        recruited = Volunteer.objects.filter(
            recruited_on__gte=date(period.year, 1, 1), recruited_on__lt=period.end
        ).count()
        return {"inspections.osh_counselling.volunteers": recruited}


@registry.indicators
class SafetyFamilies(IndicatorGroup):
    indicators = (
        Indicator("inspections.safety_families.families", "個", "安衛家族數"),
        Indicator("inspections.safety_families.members", "家", "參與安衛家族之事業單位及承攬商"),
    )

    def compute(self, period):
        day = period.last_day
        totals = SafetyFamily.objects.active_on(day).aggregate(
            families=Count("pk", distinct=True),
            members=Count("members", filter=Q(members__joined_on__lte=day), distinct=True),
        )
        return {
            "inspections.safety_families.families": totals["families"],
            "inspections.safety_families.members": totals["members"],
        }
