"""Demo records that reproduce the vocational-rehabilitation figures of the 2020H1 report, with 2019H2 and 2020H2
around them.

The quota table comes out of monthly rosters (July 2019 to December 2020, every employer every month) assessed
by the art. 38 rules in force; the shortfall row is the consistent reading of the catalogue's
`source_discrepancy` (private businesses 97, not the printed 103).
"""

from datetime import date, timedelta

from disability_services.models import (
    CaseOutcome,
    CaseStage,
    CaseStageChange,
    Client,
    DisabilityLevel,
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
    QuotaEmployer,
    RehabilitationCase,
    ReliefKind,
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
from disability_services.quota import EmployerKind, Quarter, is_public
from disability_services.services import first_stage_change
from labor_portal.core.demo import create, split_total, spread_dates
from labor_portal.core.periods import HalfYear
from labor_portal.core.validators import LETTER_CODES

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)
REPORT_MONTH = date(2020, 6, 1)
FIRST_MONTH, LAST_MONTH = date(2019, 7, 1), date(2020, 12, 1)

# Obliged employers in June 2020 by kind: (total, above quota, at quota, below quota, persons missing).
QUOTA_2020_06 = {
    EmployerKind.PUBLIC_AGENCY: (161, 89, 68, 4, 5),
    EmployerKind.PUBLIC_SCHOOL: (293, 109, 184, 0, 0),
    EmployerKind.STATE_ENTERPRISE: (69, 26, 43, 0, 0),
    EmployerKind.PRIVATE_SCHOOL: (24, 13, 10, 1, 1),
    EmployerKind.ASSOCIATION: (39, 21, 13, 5, 6),
    EmployerKind.PRIVATE_BUSINESS: (1194, 652, 460, 82, 97),
}
REQUIRED_TOTAL, EMPLOYED_TOTAL = 5_681, 8_726
# Approved over-quota rewards by quarter: (employers, persons); NT$5,000 a person.
REWARDS = {Quarter(2019, 1): (30, 240), Quarter(2019, 2): (28, 230), Quarter(2019, 3): (26, 236),
           Quarter(2019, 4): (36, 260), Quarter(2020, 1): (38, 264), Quarter(2020, 2): (35, 250)}
REWARD_EXCESS = 12  # the reward applicants' persons above quota: enough for any quarter's share


def personal_id(n: int) -> str:
    """A valid national ID (checksum included) for demo person `n`."""
    letter = "ABCDEFGHJKLMNPQRSTUVXYWZIO"[n % 22]
    body = f"{1 + n % 2}{(n * 7919 + 4_321) % 10_000_000:07d}"
    code = LETTER_CODES[letter]
    weights = (8, 7, 6, 5, 4, 3, 2, 1)
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return f"{letter}{body}{(10 - total % 10) % 10}"


def months(first: date, last: date) -> list[date]:
    result, month = [], first
    while month <= last:
        result.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return result


def even_shares(total: int, count: int) -> list[int]:
    """`count` whole numbers differing by at most one that add up to `total`."""
    return [total // count + (1 if k < total % count else 0) for k in range(count)]


def headcount_for(required: int, public: bool, n: int) -> int:
    """A headcount whose quota is exactly `required` (the art. 38 rates, rounded down)."""
    if public:
        low, high = -(-100 * required // 3), -(-100 * (required + 1) // 3) - 1
    else:
        low, high = (67, 199) if required == 1 else (100 * required, 100 * required + 99)
    return low + (n * 13) % (high - low + 1)


def staff_for(credit: int, n: int) -> dict:
    """Employees with disabilities that count `credit`: some severe (counting 2), some part-timers (two count 1;
    an odd one left over counts nothing), some paid below the base wage (not counted)."""
    severe = credit // 4
    rest = credit - 2 * severe
    part_timers = severe_part_timers = 0
    if rest >= 1 and n % 3 == 0:
        part_timers, rest = 2 + (n % 2), rest - 1  # 2 count 1; a 3rd alone counts nothing
    if rest >= 1 and n % 5 == 1:
        part_timers, severe_part_timers, rest = part_timers + 1, 1, rest - 1  # a severe part-timer counts 1
    return {"disabled": severe + rest, "severe": severe, "part_timers": part_timers,
            "severe_part_timers": severe_part_timers, "below_wage": n % 4 == 0}


def _quota_plan() -> list[dict]:
    """One entry per obliged employer: kind, required and counted in June 2020, hitting every target."""
    plan = []
    for kind, (total, above, at, below, _missing) in QUOTA_2020_06.items():
        statuses = ["above"] * above + ["at"] * at + ["below"] * below
        if len(statuses) != total:
            raise ValueError(f"{kind}: the statuses do not add up to {total}")
        plan += [{"kind": kind, "status": status, "missing": 0, "excess": 0} for status in statuses]
    base = [1 + n % 5 for n in range(len(plan))]
    for n in range(REQUIRED_TOTAL - sum(base)):
        base[n] += 1
    for entry, required in zip(plan, base, strict=True):
        entry["required"] = required
    for kind, (*_counts, below, missing) in QUOTA_2020_06.items():
        below_entries = [entry for entry in plan if entry["kind"] == kind and entry["status"] == "below"]
        for entry in below_entries:
            entry["missing"] = 1
        extra = missing - below
        for entry in sorted(below_entries, key=lambda entry: -entry["required"])[:extra]:
            entry["missing"] += 1
            if entry["missing"] > entry["required"]:
                raise ValueError(f"{kind}: a shortfall above the quota")
    above_entries = [entry for entry in plan if entry["status"] == "above"]
    rewarded = above_entries[:: len(above_entries) // 40][:40]
    for entry in rewarded:
        entry["excess"], entry["rewarded"] = REWARD_EXCESS, True
    others = [entry for entry in above_entries if not entry.get("rewarded")]
    left = EMPLOYED_TOTAL - REQUIRED_TOTAL + sum(e["missing"] for e in plan) - REWARD_EXCESS * len(rewarded)
    for n, amount in enumerate(even_shares(left, len(others))):
        others[n]["excess"] = amount
    for entry in plan:
        entry["credit"] = entry["required"] - entry["missing"] + entry["excess"]
    return plan


def _employers_and_rosters() -> list[QuotaEmployer]:
    plan = _quota_plan()
    employers = [
        QuotaEmployer(name=f"示範{entry['kind'].label.split(':')[1]}第{n + 1}號", business_number=f"Q{n + 1:07d}",
                      kind=entry["kind"], contact_name="承辦人", contact_phone=f"07-{3_000_000 + n}")
        for n, entry in enumerate(plan)
    ]
    # Registered but not obliged in June 2020: one short of the threshold (33 public staff, 66 private).
    below_threshold = [(EmployerKind.PUBLIC_AGENCY, 33), (EmployerKind.PRIVATE_BUSINESS, 66)] * 10
    for m, (kind, _staff) in enumerate(below_threshold):
        employers.append(QuotaEmployer(name=f"示範未達門檻單位第{m + 1}號", business_number=f"U{m + 1:07d}", kind=kind))
    employers = create(QuotaEmployer, employers)

    rosters = []
    for index, month in enumerate(months(FIRST_MONTH, LAST_MONTH)):
        for n, (employer, entry) in enumerate(zip(employers, plan, strict=False)):
            public = is_public(entry["kind"])
            credit = entry["credit"]
            # Around June 2020 some employers at or above quota took on one more person.
            if month != REPORT_MONTH and entry["status"] != "below" and (n + index) % 9 == 0:
                credit += 1
            staff = staff_for(credit, n)
            rosters.append(MonthlyRoster(
                employer=employer, month=month, insured_headcount=headcount_for(entry["required"], public, n),
                disabled=staff["disabled"], severe=staff["severe"], part_timers=staff["part_timers"],
                severe_part_timers=staff["severe_part_timers"], below_wage=int(staff["below_wage"]),
            ))
        for m, (_kind, staff_count) in enumerate(below_threshold):
            rosters.append(MonthlyRoster(employer=employers[len(plan) + m], month=month,
                                         insured_headcount=staff_count, disabled=m % 2))
    create(MonthlyRoster, rosters)
    return [employer for employer, entry in zip(employers, plan, strict=False) if entry.get("rewarded")]


def _rewards(rewarded: list[QuotaEmployer]) -> list[RewardApplication]:
    applications = []
    for quarter, (employer_count, persons) in REWARDS.items():
        close = quarter.applications_close(2)
        for k, share in enumerate(even_shares(persons, employer_count)):
            applications.append(RewardApplication(
                employer=rewarded[k], quarter_start=quarter.start, received_on=quarter.end + timedelta(days=5 + k),
                status=RewardStatus.APPROVED, decided_on=close + timedelta(days=10 + k % 15), persons=share,
                amount=share * 5_000,
            ))
        # Rejected: not above quota through the whole quarter.
        applications.append(RewardApplication(
            employer=rewarded[employer_count], quarter_start=quarter.start, received_on=quarter.end + timedelta(days=20),
            status=RewardStatus.REJECTED, decided_on=close + timedelta(days=12),
        ))
    # 2020Q3, applied for in October 2020 and not decided yet: waiting for a clerk.
    q3 = Quarter(2020, 3)
    applications += [
        RewardApplication(employer=rewarded[k], quarter_start=q3.start, received_on=q3.end + timedelta(days=3 + k))
        for k in range(6)
    ]
    return create(RewardApplication, applications)


class _People:
    """Demo clients, each created once with a distinct valid ID."""

    FAMILY = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
    GIVEN = "志明淑芬家豪雅婷冠宇怡君俊傑佩珊建宏美玲"

    def __init__(self):
        self.clients: list[Client] = []

    def new(self) -> Client:
        n = len(self.clients)
        client = Client(
            name=self.FAMILY[n % 20] + self.GIVEN[(n * 3) % 16] + self.GIVEN[(n * 7 + 1) % 16],
            personal_id=personal_id(n + 1), phone=f"09{n:08d}",
            disability_level=list(DisabilityLevel)[n % 4], disability_category=["肢體障礙", "視覺障礙", "智能障礙",
                                                                                 "精神障礙", "聽覺障礙"][n % 5],
        )
        self.clients.append(client)
        return client


def _cases(people: _People):
    """Rehabilitation cases: 259 opened in 2020H1, 421 older ones still served then; others around them."""
    cases = []

    def add(opened_on, closed_on=None, outcome=""):
        stage = CaseStage.CLOSED if closed_on else list(CaseStage)[len(cases) % 5]
        cases.append(RehabilitationCase(client=people.new(), opened_on=opened_on, closed_on=closed_on, stage=stage,
                                        outcome=outcome, manager=f"個管員{len(cases) % 12 + 1}"))

    for n, day in enumerate(spread_dates(H1_2020, 259)):
        add(day, closed_on=date(2020, 9, 15) if n % 4 == 0 else None,
            outcome=CaseOutcome.STABLE_3M if n % 4 == 0 else "")
    for n, day in enumerate(spread_dates(HalfYear(2019, 1), 200) + spread_dates(H2_2019, 221)):
        # Closed during 2020H1 (still served then) or later, or still open.
        closed = [date(2020, 1, 1), date(2020, 6, 30), date(2020, 8, 1), None][n % 4]
        add(day, closed_on=closed, outcome=(CaseOutcome.STABLE_3M if closed else ""))
    for day in spread_dates(HalfYear(2019, 1), 30):
        add(day, closed_on=date(2019, 12, 31), outcome=CaseOutcome.OTHER_SERVICE)  # closed before the period
    for day in spread_dates(H2_2020, 240):
        add(day)
    return cases


REOPENED_ON = date(2020, 8, 3)


def _stage_log(cases: list[RehabilitationCase]) -> list[CaseStageChange]:
    """Each case's first stage entry; five of the cases closed before 2020H1 were reopened in 2020H2, as their
    stage now shows, and still count as closed (not served) in 2020H1."""
    changes = [first_stage_change(case, user=None) for case in cases]
    closed_before = [case for case in cases if case.closed_on == date(2019, 12, 31)]
    for case in closed_before[:5]:
        changes.append(CaseStageChange(case=case, from_state=CaseStage.CLOSED, to_state=CaseStage.FOLLOW_UP,
                                       changed_on=REOPENED_ON, reason="再次轉介"))
        case.stage, case.closed_on, case.outcome = CaseStage.FOLLOW_UP, None, ""
    return changes


def _supported(people: _People):
    """Supported employment: 625 served (269 new), 240 placed, 114 stable 3 months; the rural programme."""
    cases = []

    def add(programme, opened_on, placed_on=None, stable_on=None, closed_on=None):
        cases.append(SupportedEmploymentCase(client=people.new(), programme=programme, opened_on=opened_on,
                                             placed_on=placed_on, stable_on=stable_on, closed_on=closed_on,
                                             provider=f"示範就業服務單位{len(cases) % 6 + 1}"))

    general = EmploymentProgramme.GENERAL
    old = spread_dates(H2_2019, 356)
    new = spread_dates(H1_2020, 269)
    # Placed in 2020H1: 160 older cases and 80 new ones; stable for 3 months in 2020H1: 114 older cases.
    for n, day in enumerate(old):
        placed = (date(2020, 1, 10) + timedelta(days=n % 80) if n < 160
                  else min(day + timedelta(days=5), date(2019, 12, 31)) if n < 300 else None)
        stable = placed + timedelta(days=91) if n < 114 else None
        add(general, day, placed, stable, closed_on=date(2020, 12, 1) if n % 3 == 0 else None)
    for n, day in enumerate(new):
        placed = day + timedelta(days=15) if n < 80 and day + timedelta(days=15) < date(2020, 7, 1) else None
        add(general, day, placed)
    for day in spread_dates(HalfYear(2019, 1), 40):
        add(general, day, day + timedelta(days=30), day + timedelta(days=121), closed_on=date(2019, 11, 30))
    for day in spread_dates(H2_2020, 150):
        add(general, day)
    rural = EmploymentProgramme.RURAL
    for n, day in enumerate(spread_dates(H1_2020, 16)):
        add(rural, day, day + timedelta(days=7) if n < 10 else None)
    for n, day in enumerate(spread_dates(H2_2019, 12)):
        add(rural, day, date(2020, 2, 1) + timedelta(days=n * 9) if n < 8 else None)
    for day in spread_dates(H2_2020, 10):
        add(rural, day)
    return cases


def load() -> str:
    rewarded = _employers_and_rosters()
    applications = _rewards(rewarded)
    people = _People()
    rehabilitation = _cases(people)
    supported = _supported(people)

    workshops_spec = [f"示範庇護工場{n + 1}" for n in range(9)]
    workshop_rows = [ShelteredWorkshop(name=name, opened_on=date(2010 + n, 3, 1)) for n, name in enumerate(workshops_spec)]
    workshop_rows.append(ShelteredWorkshop(name="示範庇護工場（已停業）", opened_on=date(2012, 1, 1),
                                           closed_on=date(2020, 3, 31)))
    workshop_rows.append(ShelteredWorkshop(name="示範庇護工場（新設）", opened_on=date(2020, 8, 1)))
    masseurs = [Masseur(client=people.new(), opened_on=date(2005, 1, 1) + timedelta(days=10 * n)) for n in range(287)]
    masseurs += [Masseur(client=people.new(), opened_on=date(2010, 1, 1), closed_on=date(2020, 5, 1)) for _n in range(5)]
    masseurs += [Masseur(client=people.new(), opened_on=date(2020, 9, 1)) for _n in range(4)]
    entrepreneurs = [Entrepreneur(client=people.new(), business=f"用心良品示範品牌{n + 1}", opened_on=date(2020, 1, 15),
                                  closed_on=date(2020, 12, 31)) for n in range(11)]
    entrepreneurs.append(Entrepreneur(client=people.new(), business="用心良品示範品牌（108年）",
                                      opened_on=date(2019, 3, 1), closed_on=date(2019, 12, 31)))
    sheltered_clients = [people.new() for _n in range(148 + 7 + 6)]
    self_employment_clients = [people.new() for _n in range(8)]
    create(Client, people.clients)

    create(RehabilitationCase, rehabilitation)
    stage_log = _stage_log(rehabilitation)
    CaseStageChange.objects.bulk_create(stage_log, batch_size=500)
    reopened = [change.case for change in stage_log if change.changed_on == REOPENED_ON]
    RehabilitationCase.objects.bulk_update(reopened, ["stage", "closed_on", "outcome"])
    create(SupportedEmploymentCase, supported)
    served_2020h1 = [case for case in rehabilitation if case.opened_on < date(2020, 7, 1)
                     and (case.closed_on is None or case.closed_on >= date(2020, 1, 1)) and case not in reopened]
    create(VocationalAssessment, [
        VocationalAssessment(case=served_2020h1[n * 7 % len(served_2020h1)], completed_on=day, recommendation="支持性就業")
        for n, day in enumerate(spread_dates(H1_2020, 52) + spread_dates(H2_2019, 40) + spread_dates(H2_2020, 45))
    ])

    classes = []
    for delivery, count, trainees, enrolment in (
        (TrainingDelivery.OWN, 9, [12] * 9, date(2020, 2, 20)),
        (TrainingDelivery.COMMISSIONED, 6, split_total(85, 6), date(2020, 2, 28)),
        (TrainingDelivery.SECOND_SKILL, 6, split_total(60, 6), date(2020, 3, 31)),
        (TrainingDelivery.INDIVIDUAL, 2, [7, 7], date(2020, 4, 30)),
    ):
        for n in range(count):
            starts = enrolment + timedelta(days=10 + 25 * n)
            classes.append(TrainingClass(name=f"{delivery.label}第{n + 1}班", delivery=delivery,
                                         enrolment_closed_on=enrolment, starts_on=starts,
                                         ends_on=starts + timedelta(days=120), trainees=trainees[n]))
    for delivery in TrainingDelivery:
        for period in (H2_2019, H2_2020):
            enrolment = period.start + timedelta(days=40)
            classes.append(TrainingClass(name=f"{delivery.label}（{period}）", delivery=delivery,
                                         enrolment_closed_on=enrolment, starts_on=enrolment + timedelta(days=14),
                                         trainees=10))
    create(TrainingClass, classes)

    workshops = create(ShelteredWorkshop, workshop_rows)
    placements = []
    for n, client in enumerate(sheltered_clients):
        role = ShelteredRole.EMPLOYEE if n < 148 else ShelteredRole.TRAINEE if n < 155 else ShelteredRole.EMPLOYEE
        # The last six left before 2020 (not counted); some of those counted left during the half-year.
        opened, closed = (date(2018, 1, 1), date(2019, 12, 31)) if n >= 155 else (
            date(2017, 1, 1) + timedelta(days=7 * n), date(2020, 4, 30) if n % 10 == 0 else None)
        placements.append(ShelteredPlacement(workshop=workshops[n % 9], client=client, role=role,
                                             opened_on=opened, closed_on=closed))
    create(ShelteredPlacement, placements)
    # Rent subsidies to six workshops (521,172) and the admin top-up to all nine (383,972): 905,144.
    reliefs = [ShelteredRelief(workshop=workshops[n], kind=ReliefKind.RENT_SUBSIDY, paid_on=date(2020, 5, 20),
                               amount=amount) for n, amount in enumerate(split_total(521_172, 6))]
    reliefs += [ShelteredRelief(workshop=workshops[n], kind=ReliefKind.ADMIN_TOP_UP, paid_on=date(2020, 4, 30),
                                amount=amount) for n, amount in enumerate(split_total(383_972, 9))]
    reliefs.append(ShelteredRelief(workshop=workshops[0], kind=ReliefKind.RENT_SUBSIDY, paid_on=date(2020, 7, 20),
                                   amount=40_000))
    create(ShelteredRelief, reliefs)

    grants = [JobRedesignGrant(employer_name=f"示範事業單位{n + 1}", applied_on=day - timedelta(days=20),
                               decision=GrantDecision.APPROVED, decided_on=day, amount=amount)
              for n, (day, amount) in enumerate(zip(spread_dates(H1_2020, 46), split_total(1_384_358, 46), strict=True))]
    grants += [JobRedesignGrant(employer_name="示範事業單位（不予核准）", applied_on=date(2020, 3, 1),
                                decision=GrantDecision.REJECTED, decided_on=date(2020, 3, 20)),
               JobRedesignGrant(employer_name="示範事業單位（審查中）", applied_on=date(2020, 6, 20))]
    grants += [JobRedesignGrant(employer_name=f"示範事業單位（{period}）{n + 1}", applied_on=day - timedelta(days=20),
                                decision=GrantDecision.APPROVED, decided_on=day, amount=30_000)
               for period in (H2_2019, H2_2020) for n, day in enumerate(spread_dates(period, 40))]
    create(JobRedesignGrant, grants)

    self_grants = [SelfEmploymentGrant(client=self_employment_clients[n], business=f"示範創業項目{n + 1}",
                                       applied_on=day - timedelta(days=30), decision=GrantDecision.APPROVED,
                                       decided_on=day, amount=amount)
                   for n, (day, amount) in enumerate(zip(spread_dates(H1_2020, 6), split_total(277_430, 6), strict=True))]
    self_grants.append(SelfEmploymentGrant(client=self_employment_clients[6], business="示範創業項目（108年）",
                                           applied_on=date(2019, 9, 1), decision=GrantDecision.APPROVED,
                                           decided_on=date(2019, 10, 1), amount=50_000))
    self_grants.append(SelfEmploymentGrant(client=self_employment_clients[7], business="示範創業項目（不予核准）",
                                           applied_on=date(2020, 4, 1), decision=GrantDecision.REJECTED,
                                           decided_on=date(2020, 5, 1)))
    create(SelfEmploymentGrant, self_grants)

    entrepreneurs = create(Entrepreneur, entrepreneurs)
    revenue = []
    amounts = split_total(35_679, 11 * 6)
    for n, entrepreneur in enumerate(entrepreneurs[:11]):
        for m, month in enumerate(months(date(2020, 1, 1), date(2020, 12, 1))):
            amount = amounts[n * 6 + m] if m < 6 else 800
            revenue.append(EntrepreneurRevenue(entrepreneur=entrepreneur, month=month, revenue=amount))
    create(EntrepreneurRevenue, revenue)

    create(Masseur, masseurs)
    sites = [MassageSite(name=f"示範按摩小棧{n + 1}", kind=MassageSiteKind.KIOSK, opened_on=date(2008 + n % 10, 5, 1))
             for n in range(15)]
    sites += [MassageSite(name=f"示範按摩院所{n + 1}", kind=MassageSiteKind.PARLOUR, opened_on=date(2000 + n % 20, 2, 1))
              for n in range(68)]
    sites += [MassageSite(name="示範按摩小棧（已撤點）", kind=MassageSiteKind.KIOSK, opened_on=date(2012, 1, 1),
                          closed_on=date(2020, 2, 29)),
              MassageSite(name="示範按摩院所（新設）", kind=MassageSiteKind.PARLOUR, opened_on=date(2020, 7, 15))]
    sites = create(MassageSite, sites)
    create(MassageSiteGrant, [
        MassageSiteGrant(site=sites[15], applied_on=date(2020, 3, 2), decision=GrantDecision.APPROVED,
                         decided_on=date(2020, 4, 20), amount=200_000),
        MassageSiteGrant(site=sites[16], applied_on=date(2020, 3, 5), decision=GrantDecision.APPROVED,
                         decided_on=date(2020, 4, 20), amount=200_000),
        MassageSiteGrant(site=sites[17], applied_on=date(2020, 9, 1), decision=GrantDecision.APPROVED,
                         decided_on=date(2020, 10, 5), amount=300_000),
    ])
    sessions = []
    for topic, count, attendance in ((MasseurTrainingTopic.PRE_EMPLOYMENT, 2, [20, 20]),
                                     (MasseurTrainingTopic.MANAGEMENT, 4, [18, 18, 18, 18]),
                                     (MasseurTrainingTopic.ENTREPRENEURSHIP, 2, [5, 5]),
                                     (MasseurTrainingTopic.SOCIAL_MEDIA, 5, [6] * 5)):
        for n, day in enumerate(spread_dates(H1_2020, count, offset=len(sessions))):
            sessions.append(MasseurTrainingSession(topic=topic, title=f"{topic.label}第{n + 1}場", held_on=day,
                                                   attendance=attendance[n]))
    sessions += [MasseurTrainingSession(topic=MasseurTrainingTopic.MANAGEMENT, title=f"按摩業經營管理（{period}）",
                                        held_on=period.start + timedelta(days=60), attendance=25)
                 for period in (H2_2019, H2_2020)]
    create(MasseurTrainingSession, sessions)
    return f"{len(rewarded)} rewarded employers, {len(applications)} reward applications, {len(people.clients)} clients"
