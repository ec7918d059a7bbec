from django.db.models import Count, Max, OuterRef, Q, Subquery, Sum

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import Figure, ReportTable, Row, Total, ratio, registry
from welfare.models import (
    CaseContact,
    CondolenceBudget,
    CondolenceCategory,
    CondolencePayment,
    HallBooking,
    HallKind,
    InjuredWorkerCase,
    PaymentStatus,
    RentalHousingUnit,
)

# The table's bands, in the report's column order.
BANDS = (
    CondolenceCategory.DEATH,
    CondolenceCategory.DISABILITY_1_5,
    CondolenceCategory.DISABILITY_6_10,
    CondolenceCategory.DISABILITY_11_15,
)
TEN_THOUSAND = 10_000


def condolence_by_final_band(period: HalfYear) -> dict[int, dict]:
    """{band: {"cases", "amount"}} over the payments made in the period, each case in the highest band it had been
    paid in by the period's end (its final band then), with all its payments of the period summed. One query."""
    final_band = (
        CondolencePayment.objects.filter(case=OuterRef("case"), status=PaymentStatus.PAID, paid_on__lt=period.end)
        .values("case").annotate(highest=Max("category")).values("highest")
    )
    grouped = (
        CondolencePayment.objects.paid_in(period).annotate(final=Subquery(final_band))
        .values("final").annotate(cases=Count("case", distinct=True), amount=Sum("amount")).order_by()
    )
    return {row["final"]: row for row in grouped}


@registry.table
class AccidentCondolence(ReportTable):
    """Condolence payments made in the period by band, a re-graded case once in its final band, amounts in 萬元."""

    id = "welfare.accident_condolence"
    title_zh = "勞工職業災害慰問金核發案件統計"
    title_en = "Occupational-accident condolence payments"
    columns = [
        "職災死亡(10~30萬):件數", "職災死亡:金額",
        "失能1-5級(3萬):件數", "失能1-5級:金額",
        "失能6-10級(2萬):件數", "失能6-10級:金額",
        "失能11-15級(1萬):件數", "失能11-15級:金額",
        "總計:件數", "總計:金額(萬元)",
    ]
    column_totals = (
        Total("總計:件數", ("職災死亡(10~30萬):件數", "失能1-5級(3萬):件數", "失能6-10級(2萬):件數", "失能11-15級(1萬):件數")),
        Total("總計:金額(萬元)", ("職災死亡:金額", "失能1-5級:金額", "失能6-10級:金額", "失能11-15級:金額")),
    )
    note = ("一案因傷勢加重重新認定為較高級距者，只補發差額，並只列計一次：列於期末時之最終級距，金額為該案期間內"
            "各次核發之合計。")

    def compute(self, period: HalfYear) -> list[Row]:
        grouped = condolence_by_final_band(period)
        values = []
        for band in BANDS:
            row = grouped.get(band.value, {})
            values += [row.get("cases", 0), ratio(row.get("amount") or 0, TEN_THOUSAND)]
        # The totals are the sums of the printed cells, so the row adds up as printed.
        values += [sum(values[0::2]), sum(values[1::2])]
        budget = CondolenceBudget.objects.filter(year=period.start.year).values_list("amount", flat=True).first()
        label = f"{budget:,}元" if budget is not None else "預算"
        return [Row(label, values)]


CASE_MANAGEMENT = registry.figures(
    Figure("welfare.accident_cases.served", "位", "職災勞工個案管理服務個案數（期間內在案者）",
           InjuredWorkerCase.objects, Count("pk"), scope="served_in"),
    Figure("welfare.accident_cases.contacts", "人次", "主動關懷職災個案並提供諮詢人次", CaseContact.objects, Count("pk")),
)


RENTAL_HOUSING = registry.figures(
    Figure("welfare.rental_housing.units", "戶", "期末經管之勞工租賃住宅戶數", RentalHousingUnit.objects, Count("pk"),
           scope="managed_at_end_of"),
)

_venue = Q(facility__kind=HallKind.VENUE)
_lodging = Q(facility__kind=HallKind.LODGING)

SHIJIA_HALL = registry.figures(
    Figure("welfare.shijia_hall.rental_people", "人次", "獅甲會館場地租借服務人次（已使用之預約實到人數）",
           HallBooking.objects, Sum("attended_people", filter=_venue), scope="used_in"),
    Figure("welfare.shijia_hall.rental_income", "元", "獅甲會館場地租金收入", HallBooking.objects,
           Sum("paid_amount", filter=_venue), scope="used_in"),
    Figure("welfare.shijia_hall.lodging_people", "人次", "獅甲會館住宿服務人次", HallBooking.objects,
           Sum("attended_people", filter=_lodging), scope="used_in"),
    Figure("welfare.shijia_hall.lodging_income", "元", "獅甲會館住宿收入", HallBooking.objects,
           Sum("paid_amount", filter=_lodging), scope="used_in"),
)
