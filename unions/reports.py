from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import Coalesce

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import Indicator, IndicatorGroup, ReportTable, Row, registry, with_total
from unions.models import (
    CampusLecture,
    EducationEvent,
    LaborUniversityClass,
    MagazineIssue,
    MeetingKind,
    NewsletterGrant,
    StatutoryMeeting,
    Union,
    UnionType,
)


def _count_by(queryset, field: str, choices) -> list[int]:
    """One aggregate query: how many rows have each choice of `field`, in the choices' order."""
    counts = queryset.aggregate(**{choice.value: Count("pk", filter=Q(**{field: choice})) for choice in choices})
    return [counts[choice.value] for choice in choices]


@registry.table
class UnionsByType(ReportTable):
    """Unions registered by the period's last day and not dissolved by then, by type."""

    id = "unions.by_type"
    title_zh = "各級工會成立情形"
    title_en = "Unions by type"
    columns = [*UnionType.labels, "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        active = Union.objects.active_on(period.last_day)
        return [Row("家數", with_total(_count_by(active, "union_type", UnionType)))]


@registry.table
class StatutoryMeetings(ReportTable):
    """Statutory meetings held within the period, by kind."""

    id = "unions.statutory_meetings"
    title_zh = "各級工會組織召開法定會議統計"
    title_en = "Statutory union meetings held"
    columns = [*MeetingKind.labels, "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        held = StatutoryMeeting.objects.in_period(period)
        return [Row("會次", with_total(_count_by(held, "kind", MeetingKind)))]


@registry.indicators
class NewUnions(IndicatorGroup):
    indicators = (Indicator("unions.new_unions", "家", "期間內新成立之工會"),)

    def compute(self, period):
        return {"unions.new_unions": Union.objects.founded_in(period).count()}


@registry.indicators
class EducationGrants(IndicatorGroup):
    indicators = (
        Indicator("unions.education_grants.sessions", "場次", "補助工會聯合組織及基層工會辦理勞工教育活動場次"),
        Indicator("unions.education_grants.amount", "元", "勞工教育活動補助金額"),
    )

    def compute(self, period):
        totals = (
            EducationEvent.objects.in_period(period)
            .filter(subsidy_amount__gt=0)
            .aggregate(sessions=Count("pk"), amount=Coalesce(Sum("subsidy_amount"), 0))
        )
        return {
            "unions.education_grants.sessions": totals["sessions"],
            "unions.education_grants.amount": totals["amount"],
        }


@registry.indicators
class NewsletterGrants(IndicatorGroup):
    indicators = (Indicator("unions.newsletter_grants.amount", "元", "補助工會聯合組織發行會訊金額"),)

    def compute(self, period):
        amount = NewsletterGrant.objects.in_period(period).aggregate(amount=Coalesce(Sum("amount"), 0))["amount"]
        return {"unions.newsletter_grants.amount": amount}


@registry.indicators
class CampusLectures(IndicatorGroup):
    indicators = (Indicator("unions.campus_lectures", "場次", "高中職「勞動法制教育」校園巡迴演講場次"),)

    def compute(self, period):
        return {"unions.campus_lectures": CampusLecture.objects.in_period(period).count()}


@registry.indicators
class Magazine(IndicatorGroup):
    indicators = (
        Indicator("unions.magazine.issues", "期", "勞工雙月刊「工代誌」出刊期數"),
        Indicator("unions.magazine.copies_per_issue", "份", "每期印製份數（平均）"),
    )

    def compute(self, period):
        totals = MagazineIssue.objects.in_period(period).aggregate(issues=Count("pk"), copies=Avg("copies"))
        return {
            "unions.magazine.issues": totals["issues"],
            "unions.magazine.copies_per_issue": round(totals["copies"] or 0),
        }


@registry.indicators
class LaborUniversity(IndicatorGroup):
    indicators = (
        Indicator("unions.labor_university.classes", "班", "勞工大學開辦班數"),
        Indicator("unions.labor_university.participants", "人次", "勞工大學參加之勞工朋友及眷屬人次"),
    )

    def compute(self, period):
        totals = LaborUniversityClass.objects.in_period(period).aggregate(
            classes=Count("pk"), participants=Coalesce(Sum("participants"), 0)
        )
        return {
            "unions.labor_university.classes": totals["classes"],
            "unions.labor_university.participants": totals["participants"],
        }
