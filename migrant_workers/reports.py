"""Report section 四(四) 外籍勞工管理: five tables and eleven figures, counted in the database."""

from decimal import Decimal

from django.db.models import Count, Q, Sum

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import (
    Figure,
    Indicator,
    IndicatorGroup,
    ReportTable,
    Row,
    column,
    count_by,
    registry,
    with_sum,
)
from migrant_workers.models import (
    NOTIFICATION_GROUPS,
    CareKind,
    Consultation,
    ConsultationTopic,
    Handout,
    HandoutKind,
    InspectionReason,
    InspectionVisit,
    OutreachEvent,
    OutreachKind,
    Penalty,
    QuarantineCare,
    QuarantineCheck,
    QuarantineCheckOutcome,
    ShelterStay,
    StatusNotification,
    WorkerCategory,
    shelter_half_days_within,
)

BLUE_COLLAR_REASONS = (InspectionReason.ROUTINE, InspectionReason.ARRIVAL, InspectionReason.ASSIGNED)
# Column headings as the report prints them (the choices' labels are translatable; the report is zh-Hant).
BLUE_COLLAR_COLUMNS = ["例行訪查", "入國通報(訪查)", "交辦案件"]
TOPICS = (ConsultationTopic.LEGAL, ConsultationTopic.DISPUTE, ConsultationTopic.TERMINATION)
TOPIC_COLUMNS = ["法令諮詢", "勞資爭議", "解約驗證"]


@registry.table
class BlueCollarInspections(ReportTable):
    """Visits of employers of blue-collar workers in the period, by reason."""

    id = "migrant_workers.blue_collar_inspections"
    title_zh = "藍領外籍勞工查察案件統計"
    title_en = "Inspections concerning blue-collar migrant workers"
    columns = [*BLUE_COLLAR_COLUMNS, "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        visits = InspectionVisit.objects.in_period(period).filter(category=WorkerCategory.BLUE_COLLAR)
        return [Row("件數", with_sum(column(count_by(visits, "reason"), BLUE_COLLAR_REASONS)))]


@registry.table
class ProfessionalInspections(ReportTable):
    """Visits concerning foreign professionals in the period, whatever the reason."""

    id = "migrant_workers.professional_inspections"
    title_zh = "專業外國人查察案件統計"
    title_en = "Inspections concerning foreign professionals"
    columns = ["例行訪查、交辦案件、其他"]

    def compute(self, period: HalfYear) -> list[Row]:
        visits = InspectionVisit.objects.in_period(period).filter(category=WorkerCategory.PROFESSIONAL)
        return [Row("件數", [visits.count()])]


@registry.table
class Consultations(ReportTable):
    """Consultations given in the period, by topic."""

    id = "migrant_workers.consultations"
    title_zh = "諮詢服務統計"
    title_en = "Consultations given"
    columns = [*TOPIC_COLUMNS, "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        held = Consultation.objects.in_period(period)
        return [Row("件數", with_sum(column(count_by(held, "topic"), TOPICS)))]


@registry.table
class Penalties(ReportTable):
    """Penalty decisions under the Employment Service Act made in the period."""

    id = "migrant_workers.penalties"
    title_zh = "違反就業服務法裁處案件統計"
    title_en = "Penalties under the Employment Service Act"
    columns = ["裁處案件"]

    def compute(self, period: HalfYear) -> list[Row]:
        return [Row("件數", [Penalty.objects.in_period(period).count()])]


@registry.table
class StatusNotifications(ReportTable):
    """Status notifications processed in the period, in the report's two groups of kinds."""

    id = "migrant_workers.status_notifications"
    title_zh = "外籍勞工動態管理統計"
    title_en = "Migrant-worker status notifications"
    columns = [*(label for label, _kinds in NOTIFICATION_GROUPS), "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        counted = count_by(StatusNotification.objects.in_period(period), "kind")
        groups = [sum(column(counted, kinds)) for _label, kinds in NOTIFICATION_GROUPS]
        return [Row("件數", with_sum(groups))]


def half_days_value(total: Decimal | None) -> int | float:
    """A sum of half days as the report prints it: 3010.5, or 3010 when whole (JSON has no Decimal)."""
    total = total or Decimal(0)
    return int(total) if total == total.to_integral_value() else float(total)


@registry.indicators
class Shelter(IndicatorGroup):
    indicators = (Indicator("migrant_workers.shelter.person_days", "人次", "緊急安置收容人日數（含半日）"),)

    def compute(self, period):
        # Stays wholly inside the half are summed in the database; the few in the shelter on its first or last
        # day (bounded by the shelter's beds) are split by the half days that fall in it.
        stays = ShelterStay.objects.filter(placed_on__lt=period.end, ends_on__gte=period.start)
        inside = Q(placed_on__gte=period.start, ends_on__lt=period.end)
        total = stays.filter(inside).aggregate(days=Sum("person_days"))["days"] or Decimal(0)
        for placed_on, person_days in stays.exclude(inside).values_list("placed_on", "person_days"):
            total += Decimal(shelter_half_days_within(placed_on, person_days, period.start, period.end)) / 2
        return {"migrant_workers.shelter.person_days": half_days_value(total)}


@registry.indicators
class QuarantineChecks(IndicatorGroup):
    """Quarantine-arrangement applications received in the period and what became of them."""

    indicators = (
        Indicator("migrant_workers.quarantine_checks.applications", "件", "新入境移工居家檢疫查核受理申請件數"),
        Indicator("migrant_workers.quarantine_checks.returned", "件", "資料不全退件件數"),
        Indicator("migrant_workers.quarantine_checks.withdrawn", "件", "雇主自行撤回件數"),
        Indicator("migrant_workers.quarantine_checks.to_inspect", "件", "須辦理查核件數（受理－退件－撤回）"),
    )

    def compute(self, period):
        outcome = QuarantineCheckOutcome
        totals = QuarantineCheck.objects.in_period(period).aggregate(
            applications=Count("pk"),
            returned=Count("pk", filter=Q(outcome=outcome.RETURNED)),
            withdrawn=Count("pk", filter=Q(outcome=outcome.WITHDRAWN)),
        )
        return {
            "migrant_workers.quarantine_checks.applications": totals["applications"],
            "migrant_workers.quarantine_checks.returned": totals["returned"],
            "migrant_workers.quarantine_checks.withdrawn": totals["withdrawn"],
            "migrant_workers.quarantine_checks.to_inspect":
                totals["applications"] - totals["returned"] - totals["withdrawn"],
        }


CARE = registry.figures(
    Figure("migrant_workers.community_care.participants", "人", "社區關懷家庭看護工巡迴服務活動參加人數",
           OutreachEvent.objects, Sum("reach", filter=Q(kind=OutreachKind.COMMUNITY_CARE))),
    Figure("migrant_workers.outreach.reach", "人次", "母語走動式防疫宣導人次",
           OutreachEvent.objects, Sum("reach", filter=Q(kind=OutreachKind.COVID_BRIEFING))),
    Figure("migrant_workers.masks_given", "份", "諮詢時發放口罩份數",
           Handout.objects, Sum("quantity", filter=Q(kind=HandoutKind.MASK))),
    Figure("migrant_workers.care_packs", "份", "防疫關懷包發放份數",
           Handout.objects, Sum("quantity", filter=Q(kind=HandoutKind.CARE_PACK))),
    Figure("migrant_workers.phone_care", "名", "母語電話關懷移工人數",
           QuarantineCare.objects, Count("pk", filter=Q(kind=CareKind.PHONE))),
    Figure("migrant_workers.quarantine_visits", "名", "居家檢疫場所關懷訪視移工人數",
           QuarantineCare.objects, Count("pk", filter=Q(kind=CareKind.VISIT))),
)
