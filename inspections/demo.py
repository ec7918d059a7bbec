"""Demo records that reproduce the inspections figures of the 2020H1 report.

Around 2020H1 there are records of 2017H1-2019H2 and 2020H2, and records on the period's edges, so that a
report counting the wrong half-year, or the wrong three years for the fatality mean, comes out wrong.
"""

from datetime import date, timedelta

from django.apps import apps as django_apps

from inspections.models import (
    ComplianceCounselling,
    Establishment,
    Industry,
    LaborInspection,
    LaborInspectionKind,
    Law,
    OccupationalAccident,
    OSHInspection,
    OSHInspectionKind,
    PenaltyStatus,
    PromotionChannel,
    PromotionSession,
    PromotionTopic,
    SafetyFamily,
    SafetyFamilyMember,
    SMECounsellingVisit,
    StopWorkOrder,
    Violation,
    Volunteer,
)
from inspections.services import penalty_status_log_backfill
from labor_portal.core.demo import create, split_total, spread_dates
from labor_portal.core.districts import District
from labor_portal.core.periods import HalfYear
from labor_portal.core.validators import is_valid_business_number

H1_2020 = HalfYear(2020, 1)
HISTORY = [HalfYear(2017, 1), HalfYear(2017, 2), HalfYear(2018, 1), HalfYear(2018, 2), HalfYear(2019, 1),
           HalfYear(2019, 2), HalfYear(2020, 2)]

# Final LSA penalties decided in 2020H1 by article: the published top 8, then the articles below them.
LSA_FINAL_2020H1 = {24: 134, 36: 115, 30: 91, 32: 78, 38: 44, 22: 43, 23: 38, 80: 35,
                    39: 30, 34: 20, 21: 15, 7: 12, 17: 10, 59: 7, 70: 5}  # 677 in all
# Deaths in the first half of 2017, 2018 and 2019: 68 / 3 = 22.67, printed as 23.
DEATHS_H1 = {2016: 40, 2017: 24, 2018: 21, 2019: 23, 2020: 19}
DEATHS_H2 = {2017: 26, 2018: 28, 2019: 30, 2020: 12}

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = ["志明", "淑芬", "家豪", "美玲", "俊傑", "雅婷", "建宏", "怡君", "文雄", "麗華", "宗翰", "佩君"]
PLACES = ["港都", "旗津", "左營", "鳳山", "楠梓", "前鎮", "小港", "岡山", "路竹", "大寮", "仁武", "燕巢"]
TRADES = [("精密工業", Industry.C), ("鋼鐵", Industry.C), ("貨運", Industry.H), ("餐飲", Industry.I),
          ("營造", Industry.F), ("電子", Industry.C), ("物流", Industry.H), ("保全", Industry.N),
          ("醫事", Industry.Q), ("百貨", Industry.G), ("資訊", Industry.J), ("不動產", Industry.L)]
DISTRICTS = list(District)


def business_number(n: int) -> str:
    """The n-th demo 統一編號: seven digits and the check digit that makes it valid."""
    stem = f"{5_300_000 + n * 37:07d}"
    return next(stem + str(d) for d in range(10) if is_valid_business_number(stem + str(d)))


def _establishments(count: int) -> list[Establishment]:
    establishments = []
    for n in range(count):
        trade, industry = TRADES[n % len(TRADES)]
        suffix = "股份有限公司" if n % 3 else "有限公司"
        establishments.append(Establishment(
            name=f"{PLACES[n % len(PLACES)]}{trade}示範{n + 1}號{suffix}",
            business_number=business_number(n),
            responsible_person=SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 3) % len(GIVEN)],
            industry=industry,
            district=DISTRICTS[n % len(DISTRICTS)],
            employees=5 + (n * 53) % 800,
        ))
    return create(Establishment, establishments)


def _labor_inspections(firms: list[Establishment]) -> list[LaborInspection]:
    kinds = list(LaborInspectionKind)
    inspections = []

    def add(firm, day, n):
        inspections.append(LaborInspection(
            establishment=firm, inspected_on=day, kind=kinds[n % 3], inspector=f"檢查員{n % 25 + 1:02d}",
            findings="工時、工資及休假查核"))

    # 2020H1: 1,000 inspections of 910 establishments (90 inspected twice).
    for n, day in enumerate(spread_dates(H1_2020, 1000)):
        add(firms[n % 910], day, n)
    # Just outside the period, of establishments not inspected within it.
    add(firms[1000], date(2019, 12, 31), 1)
    add(firms[1001], date(2020, 7, 1), 2)
    for period in HISTORY:
        for n, day in enumerate(spread_dates(period, 60, offset=3)):
            add(firms[(n * 7) % len(firms)], day, n)
    return create(LaborInspection, inspections)


def _violation(inspection, law, article, decided_on, status, n) -> Violation:
    fine = 20_000 * (1 + n % 5)
    return Violation(
        establishment=inspection.establishment, inspection=inspection, law=law, article=article,
        decision_number=f"高市勞條字第{decided_on.year - 1911}{n:07d}號", decided_on=decided_on,
        fine_imposed=fine, fine_after_appeal=fine // 2 if n % 17 == 0 else None, status=status)


def _violations(inspections: list[LaborInspection]) -> list[Violation]:
    by_period: dict[HalfYear, list[LaborInspection]] = {}
    for inspection in inspections:
        by_period.setdefault(HalfYear.containing(inspection.inspected_on), []).append(inspection)
    violations, n = [], 0

    def add(law, article, decided_on, status):
        nonlocal n
        candidates = by_period[HalfYear.containing(decided_on)]
        inspection = candidates[(n * 11) % len(candidates)]
        violations.append(_violation(inspection, law, article, decided_on, status, n))
        n += 1

    for article, count in LSA_FINAL_2020H1.items():
        for day in spread_dates(H1_2020, count, offset=article):
            add(Law.LABOR_STANDARDS, article, day, PenaltyStatus.FINAL)
    # Penalties that do not count: under appeal, revoked, another law, decided outside the period.
    for day in spread_dates(H1_2020, 40, offset=5):
        add(Law.LABOR_STANDARDS, 32, day, PenaltyStatus.UNDER_APPEAL)
    for day in spread_dates(H1_2020, 15, offset=9):
        add(Law.LABOR_STANDARDS, 38, day, PenaltyStatus.REVOKED)
    for law, article, count in ((Law.GENDER_EQUALITY, 38, 12), (Law.EMPLOYMENT_SERVICES, 57, 9)):
        for day in spread_dates(H1_2020, count, offset=2):
            add(law, article, day, PenaltyStatus.FINAL)
    for day in (date(2019, 12, 31), date(2020, 7, 1), date(2020, 7, 2)):
        for article in (24, 38, 70):
            add(Law.LABOR_STANDARDS, article, day, PenaltyStatus.FINAL)
    for period in HISTORY:
        for k, day in enumerate(spread_dates(period, 120, offset=1)):
            add(Law.LABOR_STANDARDS, [24, 30, 32, 36, 38, 22][k % 6], day, PenaltyStatus.FINAL)
    return violations


def _osh_inspections(firms: list[Establishment]) -> list[OSHInspection]:
    kinds = list(OSHInspectionKind)
    plan = [(H1_2020, 10_830), *((period, 120) for period in HISTORY)]
    inspections = [
        OSHInspection(establishment=firms[(n * 13) % len(firms)], inspected_on=day, kind=kinds[n % len(kinds)],
                      inspector=f"勞動檢查員{n % 60 + 1:02d}")
        for period, count in plan
        for n, day in enumerate(spread_dates(period, count))
    ]
    return create(OSHInspection, inspections)


def _osh_penalties(osh_inspections: list[OSHInspection]) -> tuple[list[StopWorkOrder], list[Violation]]:
    def of(period):
        return [i for i in osh_inspections if period.contains(i.inspected_on)]

    stop_work = []
    for period, count in ((H1_2020, 41), (HalfYear(2019, 2), 35), (HalfYear(2020, 2), 30)):
        candidates = of(period)
        for n, inspection in enumerate(candidates[5 :: len(candidates) // count][:count]):
            stop_work.append(StopWorkOrder(
                inspection=inspection, ordered_on=inspection.inspected_on,
                resume_on=inspection.inspected_on + timedelta(days=7 + n % 20), reason="施工架未設護欄，有墜落之虞"))
    fines, n = [], 0
    for period, count in ((H1_2020, 170), (HalfYear(2019, 2), 60), (HalfYear(2020, 2), 50)):
        statuses = [PenaltyStatus.FINAL] * 8 + [PenaltyStatus.UNDER_APPEAL, PenaltyStatus.REVOKED]
        candidates = of(period)
        for k, inspection in enumerate(candidates[:: len(candidates) // count][:count]):
            day = min(inspection.inspected_on + timedelta(days=10), period.last_day)
            fines.append(Violation(
                establishment=inspection.establishment, osh_inspection=inspection, law=Law.OCCUPATIONAL_SAFETY,
                article=6, decision_number=f"高市勞檢字第{day.year - 1911}{n:07d}號", decided_on=day,
                fine_imposed=30_000 + 10_000 * (k % 4), status=statuses[k % len(statuses)]))
            n += 1
    return stop_work, fines


def _accidents(firms: list[Establishment]) -> list[OccupationalAccident]:
    accidents = []
    halves = [(HalfYear(year, 1), deaths) for year, deaths in DEATHS_H1.items()]
    halves += [(HalfYear(year, 2), deaths) for year, deaths in DEATHS_H2.items()]
    for period, deaths in halves:
        count = deaths - 2  # two accidents of the half-year each killed two workers
        days = spread_dates(period, count)
        days[0], days[-1] = period.start, period.last_day  # on both edges of the half-year
        for n, day in enumerate(days):
            accidents.append(OccupationalAccident(
                establishment=firms[(n * 17 + period.year) % len(firms)], occurred_on=day,
                district=DISTRICTS[n % len(DISTRICTS)], deaths=2 if n < 2 else 1, injured=n % 3,
                description="墜落" if n % 2 else "感電"))
        accidents.append(OccupationalAccident(
            establishment=firms[0], occurred_on=days[1], district=DISTRICTS[0], deaths=0, injured=2,
            description="物體飛落，無人死亡"))
    return create(OccupationalAccident, accidents)


def _promotion() -> list[PromotionSession]:
    sessions = []
    channels = list(PromotionChannel)
    plan = [(H1_2020, PromotionTopic.LABOR_STANDARDS, 677, 2_025_424),
            (H1_2020, PromotionTopic.OCCUPATIONAL_SAFETY, 57, 4_560)]
    plan += [(p, topic, 40, 80_000) for p in (HalfYear(2019, 2), HalfYear(2020, 2)) for topic in PromotionTopic]
    for period, topic, count, reach in plan:
        for n, (day, people) in enumerate(zip(spread_dates(period, count), split_total(reach, count), strict=True)):
            sessions.append(PromotionSession(
                topic=topic, channel=channels[n % len(channels)], held_on=day, people_reached=people,
                title=f"{topic.label}宣導（{'工資篇' if n % 2 else '工時篇'}）第{n + 1}場"))
    return create(PromotionSession, sessions)


def _volunteers_and_visits(firms: list[Establishment]) -> tuple[list[Volunteer], list[SMECounsellingVisit]]:
    recruited = spread_dates(H1_2020, 50) + [date(2019, 3, 1)] * 6 + [date(2020, 8, 15)] * 4
    volunteers = create(Volunteer, [
        Volunteer(name=SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)], recruited_on=day,
                  expertise="營造安全" if n % 2 else "機械安全")
        for n, day in enumerate(recruited)
    ])
    visits = [
        SMECounsellingVisit(establishment=firms[1100 + n], volunteer=volunteers[n % 50], visited_on=day,
                            notes="微型工程施工安全輔導")
        for period, count in ((H1_2020, 50), (HalfYear(2019, 2), 30), (HalfYear(2020, 2), 40))
        for n, day in enumerate(spread_dates(period, count, offset=4))
    ]
    return volunteers, create(SMECounsellingVisit, visits)


def _safety_families(firms: list[Establishment]) -> tuple[list[SafetyFamily], list[SafetyFamilyMember]]:
    leads = firms[-22:]
    families = [SafetyFamily(name=f"{lead.name[:4]}安衛家族", lead_establishment=lead,
                             founded_on=date(2012 + n % 8, 1 + n % 12, 1)) for n, lead in enumerate(leads[:19])]
    families.append(SafetyFamily(name="已解散示範安衛家族", lead_establishment=leads[19],
                                 founded_on=date(2015, 1, 1), dissolved_on=date(2020, 3, 31)))
    families.append(SafetyFamily(name="下半年成立示範安衛家族", lead_establishment=leads[20],
                                 founded_on=date(2020, 9, 1)))
    families = create(SafetyFamily, families)
    sizes = split_total(400, 19)  # 21 each, 22 in the last
    members, k = [], 0
    for family, size in zip(families[:19], sizes, strict=True):
        for n in range(size):
            members.append(SafetyFamilyMember(family=family, establishment=firms[k], is_contractor=n % 4 == 0,
                                              joined_on=max(family.founded_on, date(2019, 1, 1))))
            k += 1
    members.append(SafetyFamilyMember(family=families[0], establishment=firms[k], joined_on=date(2020, 7, 15)))
    for family in families[19:]:
        for n in range(5):
            members.append(SafetyFamilyMember(family=family, establishment=firms[k + 1 + n], joined_on=family.founded_on))
    return families, create(SafetyFamilyMember, members)


def load() -> str:
    firms = _establishments(1200)
    inspections = _labor_inspections(firms)
    create(ComplianceCounselling, [
        ComplianceCounselling(establishment=firms[300 + n % 584], visited_on=day, counsellor=f"輔導員{n % 12 + 1:02d}")
        for n, day in enumerate(spread_dates(H1_2020, 600, offset=2))
    ] + [
        ComplianceCounselling(establishment=firms[n], visited_on=day, counsellor="輔導員01")
        for period in (HalfYear(2019, 2), HalfYear(2020, 2))
        for n, day in enumerate(spread_dates(period, 100))
    ])
    osh_inspections = _osh_inspections(firms)
    stop_work, osh_fines = _osh_penalties(osh_inspections)
    create(StopWorkOrder, stop_work)
    violations = create(Violation, _violations(inspections) + osh_fines)
    # The penalties' state log, derived from the records as the migration derived it for real ones.
    penalty_status_log_backfill(apps=django_apps)
    accidents = _accidents(firms)
    _promotion()
    _volunteers_and_visits(firms)
    families, _members = _safety_families(firms)
    return (f"{len(firms)} establishments, {len(inspections)} labor inspections, {len(violations)} violations, "
            f"{len(osh_inspections)} OSH inspections, {len(accidents)} accidents, {len(families)} safety families")
