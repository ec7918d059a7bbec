"""The employment section's report parts of 四(一)1: discrimination and harassment complaints by ground, job-scam
complaints and consultations, anti-discrimination seminars (issue 11)."""

from django.db.models import Count, Q, Sum

from employment import (
    reports_job_centre,  # noqa: F401 - registers 四(二)1: seekers, vacancies, placements
    reports_services,  # noqa: F401 - registers 四(二)–(三): events, programmes, training
)
from employment.grounds import Ground
from employment.models import (
    AntiDiscriminationSeminar,
    DiscriminationComplaint,
    HarassmentComplaint,
    ScamComplaint,
    ScamConsultation,
)
from labor_portal.core.periods import HalfYear
from labor_portal.reporting.registry import Figure, ReportTable, Row, registry, with_sum

# The report's columns after 性騷擾, and the main grounds each counts. 性別歧視 is the Gender Equality in
# Employment Act's "性別或性傾向" (arts. 7-11); 其他 is every other ground of art. 5 para. 1 and the acts of para. 2.
GROUND_COLUMNS = [
    ("性別歧視", [Ground.GENDER, Ground.SEXUAL_ORIENTATION]),
    ("年齡歧視", [Ground.AGE]),
    ("身心障礙歧視", [Ground.DISABILITY]),
    ("出生地歧視", [Ground.BIRTHPLACE]),
    ("以往工會會員歧視", [Ground.UNION_MEMBERSHIP]),
]


@registry.table
class DiscriminationComplaints(ReportTable):
    """Discrimination and sexual-harassment complaints received (filed) in the period, each counted once: a
    harassment complaint under 性騷擾, a discrimination complaint under its main ground (the one the clerk judges
    it is mainly about) — so that the 合計 is the number of complaints, as the report prints 47 = 25 + 13 + … + 1.
    Withdrawn and closed complaints count too: they were received."""

    id = "employment.discrimination_complaints"
    title_zh = "受理就業歧視暨性別工作平等申訴案件"
    title_en = "Employment discrimination and gender-equality complaints received, by ground"
    columns = ["性騷擾", *(label for label, _grounds in GROUND_COLUMNS), "其他", "合計"]

    def compute(self, period: HalfYear) -> list[Row]:
        named = [ground for _label, grounds in GROUND_COLUMNS for ground in grounds]
        by_ground = DiscriminationComplaint.objects.in_period(period).aggregate(
            **{f"c{n}": Count("pk", filter=Q(main_ground__in=grounds)) for n, (_label, grounds) in enumerate(GROUND_COLUMNS)},
            other=Count("pk", filter=~Q(main_ground__in=named)),
        )
        harassment = HarassmentComplaint.objects.in_period(period).count()
        values = [harassment, *(by_ground[f"c{n}"] for n in range(len(GROUND_COLUMNS))), by_ground["other"]]
        return [Row("案件數", with_sum(values))]


SCAM = registry.figures(
    Figure("employment.scam_complaints.cases", "案", "受理不實廣告及求職防騙申訴案件", ScamComplaint.objects, Count("pk")),
    Figure("employment.scam_complaints.consultations", "案次", "求職防騙諮詢服務案次", ScamConsultation.objects, Count("pk")),
)

SEMINARS = registry.figures(
    Figure(
        "employment.anti_discrimination_seminars.sessions", "場", "針對事業單位辦理防制就業歧視促進性別平等宣導會場次",
        AntiDiscriminationSeminar.objects, Sum("sessions"),
    ),
    Figure(
        "employment.anti_discrimination_seminars.participants", "人次", "防制就業歧視促進性別平等宣導會參加人次",
        AntiDiscriminationSeminar.objects, Sum("participants"),
    ),
)
