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
    ratio,
    registry,
    with_sum,
)
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


@registry.table
class UnionsByType(ReportTable):
    """Unions registered by the period's last day and not dissolved by then, by type."""

    id = "unions.by_type"
    title_zh = "各級工會成立情形"
    title_en = "Unions by type"
    columns = [*UnionType.labels, "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        active = Union.objects.active_on(period.last_day)
        return [Row("家數", with_sum(column(count_by(active, "union_type"), UnionType)))]


@registry.table
class StatutoryMeetings(ReportTable):
    """Statutory meetings held within the period, by kind."""

    id = "unions.statutory_meetings"
    title_zh = "各級工會組織召開法定會議統計"
    title_en = "Statutory union meetings held"
    columns = [*MeetingKind.labels, "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        held = StatutoryMeeting.objects.in_period(period)
        return [Row("會次", with_sum(column(count_by(held, "kind"), MeetingKind)))]


ACTIVITIES = registry.figures(
    Figure("unions.new_unions", "家", "期間內新成立之工會", Union.objects, Count("pk"), scope="founded_in"),
    Figure(
        "unions.education_grants.sessions", "場次", "補助工會聯合組織及基層工會辦理勞工教育活動場次",
        EducationEvent.objects, Count("pk", filter=Q(subsidy_amount__gt=0)),
    ),
    Figure("unions.education_grants.amount", "元", "勞工教育活動補助金額", EducationEvent.objects, Sum("subsidy_amount")),
    Figure("unions.newsletter_grants.amount", "元", "補助工會聯合組織發行會訊金額", NewsletterGrant.objects, Sum("amount")),
    Figure("unions.campus_lectures", "場次", "高中職「勞動法制教育」校園巡迴演講場次", CampusLecture.objects, Count("pk")),
)


@registry.indicators
class Magazine(IndicatorGroup):
    indicators = (
        Indicator("unions.magazine.issues", "期", "勞工雙月刊「工代誌」出刊期數"),
        Indicator("unions.magazine.copies_per_issue", "份", "每期印製份數（平均）"),
    )

    def compute(self, period):
        totals = MagazineIssue.objects.in_period(period).aggregate(issues=Count("pk"), copies=Sum("copies"))
        # Exact sum / count rounded half up (9000.5 → 9001), not a float average through round() (→ 9000).
        return {
            "unions.magazine.issues": totals["issues"],
            "unions.magazine.copies_per_issue": ratio(totals["copies"] or 0, totals["issues"]),
        }


LABOR_UNIVERSITY = registry.figures(
    Figure("unions.labor_university.classes", "班", "勞工大學開辦班數", LaborUniversityClass.objects, Count("pk")),
    Figure(
        "unions.labor_university.participants", "人次", "勞工大學參加之勞工朋友及眷屬人次",
        LaborUniversityClass.objects, Sum("participants"),
    ),
)
