from datetime import date

from django.db import models
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from disputes.models import (
    OUTCOMES,
    DisputeCase,
    DisputeCategory,
    DisputeGradingChange,
    DisputeStateChange,
    DisputeStatus,
    FundDecision,
    FundDecisionChange,
    MediationChannel,
    RightsFundApplication,
)
from labor_portal.cases.statelog import state_on, value_on
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import Indicator, IndicatorGroup, ReportTable, Row, percent, registry, with_total

OUTCOME_COLUMNS = ("settled", "not_settled", "open", "total")
UNASSIGNED = "尚未分案"


def grading_on(field: str, day: date) -> Coalesce:
    """The outer case's `field` (main_category or channel) as it stood at the end of `day`: the value of its
    latest grading change dated on or before `day` (DisputeGradingChange), or, with none, its value now (a case
    never re-graded has kept the grading it was filed with). Usable inside aggregate queries, like state_on."""
    return Coalesce(value_on(DisputeGradingChange, day, field), F(field), output_field=models.CharField())


def _outcome_counts(period: HalfYear, group_by: str) -> dict[str, dict[str, int]]:
    """One grouped query: per value of `group_by`, cases received in the period by their state at its end.

    The state is read from the state log as it stood on the period's last day: an outcome dated after it does
    not count yet (that case was still in mediation, 調解中, then), and an outcome dated within it keeps counting
    after the case is reopened. Withdrawn cases count only in the total. `group_by` (main_category, channel) is
    likewise read as it stood on the period's last day, from the grading log (grading_on): a case re-graded, or
    assigned to a channel, after the period's end stays where the period's tables had it.
    """
    rows = (
        DisputeCase.objects.in_period(period)
        .annotate(state=state_on(DisputeStateChange, period.last_day), grading=grading_on(group_by, period.last_day))
        .values("grading", "state")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        group = counts.setdefault(row["grading"], dict.fromkeys(OUTCOME_COLUMNS, 0))
        group["total"] += row["count"]
        if row["state"] in (DisputeStatus.SETTLED, DisputeStatus.NOT_SETTLED):
            group[row["state"]] += row["count"]
        elif row["state"] not in OUTCOMES:
            group["open"] += row["count"]
    return counts


def _counts(row: dict | None) -> list[int]:
    return [row[column] if row else 0 for column in OUTCOME_COLUMNS]


@registry.table
class DisputesByCategory(ReportTable):
    """Dispute cases received in the period by main category: settled, not settled, in mediation at its end, all.

    Counts by the state and the main category each case had on the period's last day, read from the state log and
    the grading log (a case re-graded later stays in its category then).
    """

    id = "disputes.by_category"
    title_zh = "受理勞資爭議案件統計－依爭議類別分"
    title_en = "Labor disputes received, by category and outcome"
    columns = ["成立", "不成立", "調解中之案件", "合計"]
    note = "爭議案總數內含成立、不成立、撤案及調解中之案件。"

    def compute(self, period: HalfYear) -> list[Row]:
        counts = _outcome_counts(period, "main_category")
        return with_total([Row(category.label, _counts(counts.get(category.value))) for category in DisputeCategory])


def _with_shares(values: list[int]) -> list[int]:
    settled, not_settled, still_open, total = values
    concluded = settled + not_settled
    return [settled, percent(settled, concluded), not_settled, percent(not_settled, concluded), still_open, total]


@registry.table
class DisputesByChannel(ReportTable):
    """The same cases by the channel that handled them, with each outcome's share of the row's concluded cases.

    Cases not yet assigned to a channel (e.g. withdrawn at once) get their own row, shown only when there are
    any, so that the subtotal always equals that of disputes.by_category. Counts by the state and the channel each
    case had on the period's last day, read from the state log and the grading log (a case assigned or moved to
    another channel after the period's end stays in its row of then).
    """

    id = "disputes.by_channel"
    title_zh = "受理勞資爭議案件統計－依處理方式分"
    title_en = "Labor disputes received, by handling channel and outcome"
    columns = ["成立", "成立(%)", "不成立", "不成立(%)", "調解中之案件", "合計"]
    percent_columns = frozenset({"成立(%)", "不成立(%)"})
    note = "爭議案總數內含成立、不成立及調解中之案件。"

    def compute(self, period: HalfYear) -> list[Row]:
        counts = _outcome_counts(period, "channel")
        rows = [Row(channel.label, _counts(counts.get(channel.value))) for channel in MediationChannel]
        if counts.get(""):
            rows.append(Row(UNASSIGNED, _counts(counts[""])))
        # Shares of the subtotal row are those of its summed counts, not a sum of the rows' shares.
        return [Row(row.label, _with_shares(row.values)) for row in with_total(rows)]


@registry.indicators
class RightsFund(IndicatorGroup):
    """Litigation-subsidy applications received in the period, and those of them approved by the period's end.

    Approval is the decision the application stood at on the period's last day, read from the fund's decision
    log (a decision dated later, or revoked later, does not change the half-year); persons and amount are
    those of the approved applications as recorded now.
    """

    indicators = (
        Indicator("disputes.rights_fund.applications", "案", "勞工權益基金訴訟補助申請案件"),
        Indicator("disputes.rights_fund.approved", "案", "勞工權益基金訴訟補助通過案件"),
        Indicator("disputes.rights_fund.persons", "人", "勞工權益基金訴訟補助人數"),
        Indicator("disputes.rights_fund.amount", "元", "勞工權益基金訴訟補助經費"),
    )

    def compute(self, period: HalfYear) -> dict:
        approved = Q(decision_then=FundDecision.APPROVED)
        totals = (
            RightsFundApplication.objects.in_period(period)
            .alias(decision_then=state_on(FundDecisionChange, period.last_day, field="application"))
            .aggregate(
                applications=Count("pk"),
                approved=Count("pk", filter=approved),
                persons=Coalesce(Sum("persons_covered", filter=approved), 0),
                amount=Coalesce(Sum("amount_granted", filter=approved), 0),
            )
        )
        return {f"disputes.rights_fund.{key}": value for key, value in totals.items()}
