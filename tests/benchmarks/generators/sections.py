# ruff: noqa: S608 - the SQL is built from the generators' own constants only
"""One generator per section: a big city's records over [start, end), `years` long, times `scale`.

Volumes per year at scale 1 (the section issues' figures where they give one, otherwise the bureau's order of
magnitude for a city of 2.7 million; about 3.3 million rows over ten years in all, employment services aside):

- inspections: 0.4 × tests/benchmarks/inspections_scale.py's year (80,000 violations and as many penalty-state
  rows, 8,000 OSH inspections, ...), filled by that benchmark's own generator;
- disability services: the quota table of issue 14 (5,000 obliged employers, a roster each a month, a reward
  application from one in ten a quarter), by tests/benchmarks/quota_scale.py's generator, and 3,000
  rehabilitation cases with their stage logs, supported-employment cases, grants, ... a year;
- disputes: 9,000 mediation cases a year, each with an applicant, a grading row, 1–2 sessions and its state log;
  600 rights-fund applications with their decision logs;
- unions: 1,500 unions; 10,000 statutory meetings, 600 education events, ... a year;
- migrant workers: 6,000 inspection visits, 8,000 consultations, 10,000 status notifications, ... a year;
- welfare: 1,200 condolence cases and payments, 500 injured-worker cases with 2,000 contacts, 5,000 hall
  bookings a year; museum: a visitor count a day per kind, 1,000 group bookings a year;
- employment services: the job centre's registrations, vacancies, referrals and hire reports by
  tests/benchmarks/job_centre_scale.py's generator (about 890,000 rows a year), and its events, programme
  enrolments, training classes and certification sessions: the 2020H1 report's figures
  (/work/shared/seed/report-2020H1.json) twice a year, times CITY as the job centre's generator takes them.
"""

from contextlib import ExitStack
from unittest import mock

from tests.benchmarks.generators.fill import cycle, execute, fill, parent_key, scalar

INSPECTIONS_SHARE = 0.4
# The job centre's generator fills 70,000 registrations a half-year where the 2020H1 report counts 35,089: the
# employment services' own records take the same factor over that report's figures.
CITY = 2


def _n(per_year: int, years: int, scale: float) -> int:
    return max(1, round(per_year * years * scale))


def inspections(start: str, end: str, years: int, scale: float, first: bool) -> None:
    """The inspections benchmark's generator, its yearly volumes times INSPECTIONS_SHARE × scale."""
    from tests.benchmarks import inspections_scale as bench

    share = INSPECTIONS_SHARE * scale
    volumes = {kind: max(1, round(count * share)) for kind, count in bench.PER_YEAR.items()}
    # Safety families take their members among the first 19,121 establishments.
    establishments = max(20_000, round(bench.ESTABLISHMENTS * share))
    with ExitStack() as stack:
        stack.enter_context(mock.patch.dict(bench.PER_YEAR, volumes))
        stack.enter_context(mock.patch.object(bench, "ESTABLISHMENTS", establishments))
        stack.enter_context(mock.patch.object(bench, "FIRM", f"(1 + (i::bigint * 7919) % {establishments})"))
        if first:
            bench.fill_establishments()
            bench.fill_safety_families()
        bench.fill_history(start, end, years=years)


def disability_services(start: str, end: str, years: int, scale: float, first: bool) -> None:
    """Quota rosters and rewards by the quota benchmark's generator, then the rehabilitation services."""
    from disability_services import models as m
    from tests.benchmarks import quota_scale as bench

    employers = max(50, round(bench.EMPLOYERS * scale))
    with mock.patch.object(bench, "EMPLOYERS", employers):
        if first:
            bench.fill_employers()
            fill(m.Client, _n(8_000, 10, scale), "2005-01-01", "2020-07-01", personal_id="'Q' || lpad(i::text, 9, '0')")
            fill(m.ShelteredWorkshop, 30, "2005-01-01", "2010-01-01")
            fill(m.MassageSite, 60, "2005-01-01", "2010-01-01")
        last = scalar(f"SELECT (date '{end}' - interval '1 month')::date")
        bench.fill_rosters(start, last)
        bench.fill_rewards(start, scalar(f"SELECT (date '{end}' - interval '3 months')::date"))
    closed = "CASE WHEN i % 10 > 0 THEN {day} + 200 END"  # most cases close within the year
    cases = _n(3_000, years, scale)
    first_case = scalar("SELECT coalesce(max(id), 0) FROM disability_services_rehabilitationcase")
    fill(m.RehabilitationCase, cases, start, end, closed_on=closed,
         stage=f"CASE WHEN i % 10 > 0 THEN 'closed' ELSE {cycle(['referral', 'assessment', 'service'])} END")
    execute(f"""INSERT INTO disability_services_casestagechange (changed_at, changed_on, reason, from_state, to_state,
                    case_id)
                SELECT now(), coalesce(closed_on, opened_on), '', '', stage, id
                FROM disability_services_rehabilitationcase WHERE id > {first_case}""")
    fill(m.VocationalAssessment, _n(1_500, years, scale), start, end)
    fill(m.TrainingClass, _n(40, years, scale), start, end, ends_on="{day} + 90")
    fill(m.SupportedEmploymentCase, _n(1_200, years, scale), start, end, closed_on=closed)
    fill(m.ShelteredPlacement, _n(150, years, scale), start, end, closed_on="{day} + 700")
    fill(m.ShelteredRelief, _n(120, years, scale), start, end)
    for model in (m.JobRedesignGrant, m.SelfEmploymentGrant, m.MassageSiteGrant):
        fill(model, _n(200, years, scale), start, end, decided_on="{day} + 30")
    fill(m.Masseur, _n(80, years, scale), start, end, closed_on="{day} + 1500")
    entrepreneurs = _n(60, years, scale)
    first_entrepreneur = scalar("SELECT coalesce(max(id), 0) FROM disability_services_entrepreneur")
    fill(m.Entrepreneur, entrepreneurs, start, end, closed_on="{day} + 365")
    execute(f"""INSERT INTO disability_services_entrepreneurrevenue (created_at, updated_at, entrepreneur_id, month,
                    revenue)
                SELECT now(), now(), e.id, (date_trunc('month', e.opened_on) + k * interval '1 month')::date,
                       10000 + (e.id * 37 + k) % 90000
                FROM disability_services_entrepreneur e, generate_series(1, 12) AS k WHERE e.id > {first_entrepreneur}""")
    fill(m.MasseurTrainingSession, _n(20, years, scale), start, end)


def disputes(start: str, end: str, years: int, scale: float, first: bool) -> None:
    """Mediation cases with their applicants, sessions, state and grading logs; rights-fund applications."""
    from disputes import models as m

    cases = _n(9_000, years, scale)
    already = scalar("SELECT count(*) FROM disputes_disputecase")
    # Buckets of i % 20: 13 settled, 4 not settled, 2 withdrawn, 1 still in mediation (assigned).
    bucket = "(i % 20)"
    status = (f"CASE WHEN {bucket} < 13 THEN 'settled' WHEN {bucket} < 17 THEN 'not_settled' "
              f"WHEN {bucket} < 19 THEN 'withdrawn' ELSE 'assigned' END")
    fill(m.DisputeCase, cases, start, end, case_number="'B-' || i", access_code_hash="'bench'",
         status=status, concluded_on=f"CASE WHEN {bucket} < 19 THEN {{day}} + 20 + i % 40 END",
         settled_amount=f"CASE WHEN {bucket} < 13 THEN 10000 * (1 + i % 50) END",
         assigned_on="{day} + 3", channel=cycle([c.value for c in m.MediationChannel], 3))
    mine = f"substr(c.case_number, 3)::int > {already}"
    new_cases = f"FROM disputes_disputecase c WHERE {mine}"
    execute(f"""INSERT INTO disputes_applicant (created_at, updated_at, case_id, kind, name, personal_id, birth_date,
                    phone, email, address)
                SELECT now(), now(), c.id, 'worker', '申請人', '', date '1980-01-01', '', '', '' {new_cases}""")
    # Every mediated outcome had a session before it; one in three needed a second.
    execute(f"""INSERT INTO disputes_mediationsession (created_at, updated_at, case_id, held_on, place, attendees)
                SELECT now(), now(), c.id, c.filed_on + 10 + k * 7, '調解室', ''
                FROM disputes_disputecase c, generate_series(0, 1) AS k
                WHERE {mine} AND c.status IN ('settled', 'not_settled') AND (k = 0 OR substr(c.case_number, 3)::int % 3 = 0)""")
    for state, day in (("received", "c.filed_on"), ("assigned", "c.assigned_on")):
        execute(f"""INSERT INTO disputes_disputestatechange (changed_at, changed_on, reason, from_state, to_state,
                        case_id)
                    SELECT now(), {day}, '', '', '{state}', c.id {new_cases}""")
    execute(f"""INSERT INTO disputes_disputestatechange (changed_at, changed_on, reason, from_state, to_state, case_id)
                SELECT now(), c.concluded_on, '', 'assigned', c.status, c.id {new_cases} AND c.concluded_on IS NOT NULL""")
    # One case in five was re-graded once (category or channel changed after filing).
    execute(f"""INSERT INTO disputes_disputegradingchange (changed_at, changed_on, reason, case_id, main_category,
                    channel)
                SELECT now(), c.filed_on + 5, '', c.id, c.main_category, c.channel
                {new_cases} AND substr(c.case_number, 3)::int % 5 = 0""")
    applications = _n(600, years, scale)
    first_application = scalar("SELECT coalesce(max(id), 0) FROM disputes_rightsfundapplication")
    fill(m.RightsFundApplication, applications, start, end, dispute_case="NULL",
         decision=cycle(["approved", "approved", "approved", "rejected", "pending"]),
         decided_on="{day} + 30", amount_granted="30000 + (i % 7) * 10000")
    execute(f"""INSERT INTO disputes_funddecisionchange (changed_at, changed_on, reason, from_state, to_state,
                    application_id)
                SELECT now(), decided_on, '', 'pending', decision, id FROM disputes_rightsfundapplication
                WHERE id > {first_application} AND decision <> 'pending'""")


def unions(start: str, end: str, years: int, scale: float, first: bool) -> None:
    from unions import models as m

    if first:  # the unions themselves: founded over three decades, one in twenty dissolved since
        fill(m.Union, max(50, round(1_500 * scale)), "1990-01-01", "2020-06-30", registration_number="'U' || i",
             dissolved_on="CASE WHEN i % 20 = 0 THEN {day} + 3000 END")
    fill(m.StatutoryMeeting, _n(10_000, years, scale), start, end)
    fill(m.EducationEvent, _n(600, years, scale), start, end, subsidy_amount="CASE WHEN i % 3 > 0 THEN 20000 ELSE 0 END")
    fill(m.NewsletterGrant, _n(50, years, scale), start, end)
    fill(m.CampusLecture, _n(100, years, scale), start, end)
    fill(m.MagazineIssue, _n(12, years, 1), start, end)
    fill(m.LaborUniversityClass, _n(60, years, scale), start, end)


def migrant_workers(start: str, end: str, years: int, scale: float, first: bool) -> None:
    from migrant_workers import models as m

    fill(m.InspectionVisit, _n(6_000, years, scale), start, end, reference="'MV' || i")
    fill(m.Consultation, _n(8_000, years, scale), start, end)
    fill(m.Penalty, _n(1_000, years, scale), start, end, document_number="'MP' || i")
    fill(m.StatusNotification, _n(10_000, years, scale), start, end, reference="'MS' || i", event_on="{day} - 3",
         processed_on="{day} + 2", deadline_on="{day} + 0")
    fill(m.ShelterStay, _n(300, years, scale), start, end, left_on="{day} + 30")
    fill(m.OutreachEvent, _n(200, years, scale), start, end)
    fill(m.QuarantineCheck, _n(1_000, years, scale), start, end)
    fill(m.Handout, _n(500, years, scale), start, end)
    fill(m.QuarantineCare, _n(1_000, years, scale), start, end)
    complaints = _n(1_500, years, scale)
    already = scalar("SELECT count(*) FROM migrant_workers_migrantcomplaint")
    fill(m.MigrantComplaint, complaints, start, end, case_number="'MC-' || i", access_code_hash="'bench'")
    execute(f"""INSERT INTO migrant_workers_migrantcomplaintstatechange (changed_at, changed_on, reason, from_state,
                    to_state, case_id)
                SELECT now(), filed_on, '', '', status, id FROM migrant_workers_migrantcomplaint
                WHERE substr(case_number, 4)::int > {already}""")


def welfare(start: str, end: str, years: int, scale: float, first: bool) -> None:
    from welfare import models as m

    if first:
        fill(m.HallFacility, 12, start, end)
        fill(m.RentalHousingUnit, 300, "2000-01-01", "2010-01-01", unit_number="'R' || i")
    cases = _n(1_200, years, scale)
    first_case = scalar("SELECT coalesce(max(id), 0) FROM welfare_condolencecase")
    fill(m.CondolenceCase, cases, start, end)
    execute(f"""INSERT INTO welfare_condolencepayment (created_at, updated_at, case_id, category, grade, graded_on,
                    band_amount, amount, status, approved_on, paid_on)
                SELECT now(), now(), c.id, 1 + c.id % 3, CASE WHEN c.id % 3 = 1 THEN NULL ELSE 1 + c.id % 15 END,
                       c.applied_on + 10, 10000 * (1 + c.id % 3), 10000 * (1 + c.id % 3),
                       CASE WHEN c.id % 10 > 0 THEN 'paid' ELSE 'awaiting_approval' END,
                       CASE WHEN c.id % 10 > 0 THEN c.applied_on + 20 END,
                       CASE WHEN c.id % 10 > 0 THEN c.applied_on + 30 END
                FROM welfare_condolencecase c WHERE c.id > {first_case}""")
    fill(m.InjuredWorkerCase, _n(500, years, scale), start, end, closed_on="CASE WHEN i % 10 > 0 THEN {day} + 180 END")
    fill(m.CaseContact, _n(2_000, years, scale), start, end)
    fill(m.Tenancy, _n(100, years, scale), start, end, ends_on="{day} + 700")
    fill(m.HallBooking, _n(5_000, years, scale), start, end, case_number="'HB-' || i", access_code_hash="'bench'",
         paid_on="{day}", attended_people="10 + i % 90")


def museum(start: str, end: str, years: int, scale: float, first: bool) -> None:
    from museum import models as m

    days = scalar(f"SELECT date '{end}' - date '{start}'")
    kinds = "ARRAY[" + ",".join(f"'{kind}'" for kind in m.VisitorKind.values) + "]"
    execute(f"""INSERT INTO museum_visitorcount (created_at, updated_at, day, kind, visitors)
                SELECT now(), now(), date '{start}' + d, k, 50 + (d * 13) % 400
                FROM generate_series(0, {days - 1}) AS d, unnest({kinds}) AS k""")
    slots = _n(1_000, years, scale)
    fill(m.VisitSlot, slots, start, end, starts_at="time '09:00' + (i % 4) * interval '2 hours'",
         day=f"(date '{start}' + ((i - 1) / 4)::int % {days})")
    fill(m.GroupVisitBooking, slots, start, end, case_number="'MB-' || i", access_code_hash="'bench'",
         slot=parent_key(m.VisitSlot), accessibility="'[]'::jsonb")
    fill(m.Exhibition, _n(8, years, 1), start, end, ends_on="{day} + 90")
    fill(m.MuseumGrant, _n(6, years, 1), start, end)


def employment(start: str, end: str, years: int, scale: float, first: bool) -> None:
    """The job centre by its benchmark's generator (by half-years, the last one ending at `end`), then the
    services' events, programme enrolments, training classes and certification sessions."""
    from datetime import date, timedelta

    from employment import models as m
    from labor_portal.core.periods import HalfYear
    from tests.benchmarks import job_centre_scale

    last_half = HalfYear.containing(date.fromisoformat(end) - timedelta(days=1))
    job_centre_scale.generate(None, years, scale, end=last_half)
    # 2020H1: 528 sessions over about 500 rows (a few are series), ~400 programme rows (an approval per ~10
    # restart places, a station's monthly intake, a subsidised employer's batch, ...), 42 classes, 1,392
    # candidates in sessions of ~30.
    per_year = {"events": 500, "enrolments": 400, "classes": 42, "sessions": 46}
    volume = {name: _n(count * 2 * CITY, years, scale) for name, count in per_year.items()}
    fill(m.ServiceEvent, volume["events"], start, end, sessions="1 + (i % 10 = 0)::int",
         participants="10 + i % 90", employers="5 + i % 20", openings="100 + i % 200", resumes="30 + i % 50",
         matched="i % 30", consultations="20 + i % 30", referrals="i % 20")
    fill(m.ProgrammeEnrolment, volume["enrolments"], start, end, business_number="lpad((i % 5000)::text, 8, '0')",
         quota="10 + i % 20", applicants="10 + i % 20", people="i % 10", vacancies="i % 30",
         grant_amount="10000 * (1 + i % 5)")
    fill(m.TrainingClass, volume["classes"], start, end, ends_on="{day} + 90", enrolled="20 + i % 20",
         completed="CASE WHEN i % 5 > 0 THEN 15 + i % 5 END", hours="CASE WHEN i % 3 = 0 THEN 300 + i % 200 END")
    fill(m.CertificationSession, volume["sessions"], start, end, candidates="20 + i % 20")


SECTIONS = {
    "unions": unions,
    "inspections": inspections,
    "disputes": disputes,
    "migrant_workers": migrant_workers,
    "disability_services": disability_services,
    "welfare": welfare,
    "museum": museum,
    "employment": employment,
}
