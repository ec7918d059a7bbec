"""Demo records of the job centre that reproduce the 2020H1 report's 四(二)1(1)-(2) and 4(1) exactly, with smaller
halves around it (2019H2, 2020H2). Written with plain INSERTs (about 60,000 rows), without change history: the
demo is loaded in tests and must stay fast.

Edge cases inside the published numbers (the rules are in employment.models.job_centre):
- a seeker registered in December 2019, referred in December and hired in January 2020: placed in 2020H1;
- a seeker referred in June 2020 and hired in July: placed in 2020H2, not in 2020H1;
- a seeker placed twice on one registration in 2020H1: one 推介就業人次, two hires;
- vacancies filled partly (most of them), vacancies held for review (counted: registered) and one rejected by
  staff (not counted: not offered), referrals not hired, no-shows and referrals still waiting for an outcome.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import cycle
from math import gcd

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

from employment.models import (
    MIDDLE_AGED_RULE,
    EmploymentStation,
    EmploymentType,
    JobSeekerRegistration,
    OccupationGroup,
    PayUnit,
    Referral,
    ReferralOutcome,
    Vacancy,
    VacancyHireReport,
    VacancyReview,
    age_on,
)
from labor_portal.core.demo import spread_dates
from labor_portal.core.districts import District
from labor_portal.core.models import rule_on
from labor_portal.core.periods import HalfYear
from labor_portal.core.validators import LETTER_CODES

H2_2019, H1_2020, H2_2020 = HalfYear(2019, 2), HalfYear(2020, 1), HalfYear(2020, 2)


@dataclass(frozen=True)
class Half:
    """What one half's records must add up to (the report's figures for 2020H1)."""

    seekers: int
    middle_aged: int
    placed: int  # registrations placed, of those registered in the half
    placed_middle_aged: int
    openings: int
    hires: int  # referral hires and reported hires together


PUBLISHED = Half(seekers=35089, middle_aged=10787, placed=19468, placed_middle_aged=5567, openings=66326,
                 hires=36372)
AROUND = {
    H2_2019: Half(seekers=320, middle_aged=96, placed=170, placed_middle_aged=44, openings=610, hires=330),
    H2_2020: Half(seekers=410, middle_aged=130, placed=215, placed_middle_aged=61, openings=720, hires=402),
}
SURNAMES, GIVEN = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周", "志明淑芬家豪怡君建宏雅婷俊傑美玲文雄麗華"
STATIONS = [station for station in EmploymentStation if station != EmploymentStation.MOBILE_VAN]
JOBS = [
    ("作業員", OccupationGroup.OPERATORS, 27_000, 32_000), ("門市人員", OccupationGroup.SERVICE_SALES, 26_000, 30_000),
    ("行政助理", OccupationGroup.CLERICAL, 28_000, 33_000), ("照顧服務員", OccupationGroup.SERVICE_SALES, 30_000, 36_000),
    ("電機技術員", OccupationGroup.TECHNICIANS, 33_000, 42_000), ("清潔人員", OccupationGroup.ELEMENTARY, 25_000, 27_000),
    ("廚師", OccupationGroup.CRAFT, 32_000, 40_000), ("會計", OccupationGroup.PROFESSIONALS, 36_000, 45_000),
]
EMPLOYERS = ["港都精密工業有限公司", "前鎮物流股份有限公司", "大發餐飲有限公司", "鳳凰長照社團法人", "旗津百貨股份有限公司",
             "楠梓電子股份有限公司", "小港保全股份有限公司", "三民會計師事務所"]
DISTRICTS = [District.QIANZHEN, District.SANMIN, District.FENGSHAN, District.NANZI, District.XIAOGANG,
             District.GANGSHAN, District.LINGYA, District.QISHAN]


def personal_id(n: int) -> str:
    """A valid national ID (checksum included) for demo seeker `n`."""
    letter = "ABCDEFGHJKLMNPQRSTUVXYWZIO"[n % 22]
    body = f"{1 + n % 2}{(n * 7919 + 1_234) % 10_000_000:07d}"
    code = LETTER_CODES[letter]
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(body, (8, 7, 6, 5, 4, 3, 2, 1), strict=True))
    return f"{letter}{body}{(10 - total % 10) % 10}"


class _Rows:
    """One model's new rows as plain dicts with their primary keys given, written by `_insert`."""

    def __init__(self, model):
        self.model = model
        self.rows: list[dict] = []
        self.next_id = (model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1

    def add(self, **values) -> dict:
        row = {"id": self.next_id, **values}
        self.next_id += 1
        self.rows.append(row)
        return row


def _insert(model, rows: list[dict]) -> None:
    """INSERT the rows with executemany: some 60,000 rows through model instances and bulk_create take several
    seconds, too slow for a demo that tests load. Each row holds its fields' attnames; the others take their
    default, and dates are adapted for the database once per value, as the ORM would."""
    if not rows:
        return
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    fields = model._meta.concrete_fields
    defaults = {field.attname: field.get_default() for field in fields}
    defaults.update(created_at=now, updated_at=now)
    dates = {field.attname for field in fields if isinstance(field, models.DateField)
             and not isinstance(field, models.DateTimeField)}
    adapt = connection.ops.adapt_datefield_value

    def value(row, name):
        item = row.get(name, defaults[name])
        return adapt(item) if name in dates else item

    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(
                f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({marks})",  # noqa: S608 - names from the model
                [[value(row, field.attname) for field in fields] for row in rows[start:start + 5000]],
            )
        # The primary keys were given: move the sequence past them (PostgreSQL; nothing to do on SQLite).
        for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


class _Builder:
    def __init__(self, middle_aged_from: int):
        self.middle_aged_from = middle_aged_from
        self.seekers, self.vacancies = _Rows(JobSeekerRegistration), _Rows(Vacancy)
        self.referrals, self.reports = _Rows(Referral), _Rows(VacancyHireReport)

    def seeker(self, registered_on: date, *, middle_aged: bool) -> dict:
        n = len(self.seekers.rows) + 1
        age = 45 + n % 20 if middle_aged else 20 + n % 25  # 20-44 or 45-64 on the day
        birth_date = (registered_on.replace(year=registered_on.year - age, day=min(registered_on.day, 28))
                      - timedelta(days=1 + n % 200))
        return self.seekers.add(
            number=f"S{registered_on:%Y%m}-{n:06d}", registered_on=registered_on, station=STATIONS[n % len(STATIONS)],
            name=SURNAMES[n % 20] + GIVEN[(2 * n) % 20] + GIVEN[(2 * n + 1) % 20], personal_id=personal_id(n),
            birth_date=birth_date, phone=f"09{n * 7919 % 100_000_000:08d}", youth=age < 30, disadvantaged=n % 9 == 0,
            new_resident=n % 31 == 0, released_prisoner=n % 97 == 0, desired_occupation=JOBS[n % len(JOBS)][1],
            middle_aged=age_on(birth_date, registered_on) >= self.middle_aged_from,
        )

    def vacancy(self, registered_on: date, openings: int, *, review=VacancyReview.PUBLISHED, closed_on=None) -> dict:
        n = len(self.vacancies.rows) + 1
        title, occupation, low, high = JOBS[n % len(JOBS)]
        part_time = n % 5 == 0
        return self.vacancies.add(
            number=f"V{registered_on:%Y%m}-{n:05d}", registered_on=registered_on, station=STATIONS[n % len(STATIONS)],
            employer_name=EMPLOYERS[n % len(EMPLOYERS)], job_title=title, occupation=occupation,
            district=DISTRICTS[(n // 3) % len(DISTRICTS)], openings=openings,
            employment_type=EmploymentType.PART_TIME if part_time else EmploymentType.FULL_TIME,
            pay_unit=PayUnit.HOURLY if part_time else PayUnit.MONTHLY,
            pay_min=168 if part_time else low, pay_max=200 if part_time else high + 1000 * (n % 4),
            description=f"{title}，{openings}名，週休二日，享勞健保。", review=review, closed_on=closed_on,
        )

    def referral(self, seeker: dict, vacancy: dict, referred_on: date, outcome: str = "", outcome_on=None) -> dict:
        return self.referrals.add(
            card_number=f"R{referred_on:%Y%m}-{len(self.referrals.rows) + 1:06d}", registration_id=seeker["id"],
            vacancy_id=vacancy["id"], referred_on=referred_on, outcome=outcome, outcome_on=outcome_on,
            seeker_middle_aged=seeker["middle_aged"])

    def report(self, vacancy: dict, reported_on: date, hired: int) -> dict:
        return self.reports.add(vacancy_id=vacancy["id"], reported_on=reported_on, hired=hired)

    def save(self):
        for table in (self.seekers, self.vacancies, self.referrals, self.reports):
            _insert(table.model, table.rows)


def _openings(total: int) -> list[int]:
    """Vacancies' openings (1 to 60, varied) that add up to `total`."""
    sizes, pattern, left = [], cycle([1, 2, 3, 5, 8, 12, 20, 30, 45, 60, 4, 6]), total
    while left:
        sizes.append(min(next(pattern), left))
        left -= sizes[-1]
    return sizes


def _mixed_dates(period: HalfYear, count: int, *, offset: int = 0) -> list:
    """The period's spread dates in a mixed order (a stride prime to `count`), so that the first of a group, placed,
    and the rest, not placed, both span the whole half."""
    days = spread_dates(period, count, offset=offset)
    stride = next(step for step in range(int(count * 0.618) or 1, count + 1) if gcd(step, count) == 1)
    return [days[n * stride % count] for n in range(count)]


def _half(builder: _Builder, period: HalfYear, half: Half, *, placed_elsewhere: int = 0,
          hires_elsewhere: int = 0) -> tuple[list, list, list]:
    """One half's seekers, vacancies and hires. The caller makes `placed_elsewhere` placements with
    `hires_elsewhere` hires itself (edge cases), on the spare vacancies returned for them (each a distinct vacancy
    with one hire of room). Returns (seekers not placed, the half's vacancies, spare vacancies)."""
    seekers = [builder.seeker(day, middle_aged=True) for day in _mixed_dates(period, half.middle_aged)]
    seekers += [builder.seeker(day, middle_aged=False)
                for day in _mixed_dates(period, half.seekers - half.middle_aged, offset=1)]
    others_placed = half.middle_aged + half.placed - half.placed_middle_aged - placed_elsewhere
    placed = seekers[:half.placed_middle_aged] + seekers[half.middle_aged:others_placed]
    unplaced = seekers[half.placed_middle_aged:half.middle_aged] + seekers[others_placed:]
    sizes = _openings(half.openings)
    closed = period.end + timedelta(days=60) if period.end < date(2020, 10, 1) else None
    vacancies = [builder.vacancy(day, size, closed_on=closed)
                 for day, size in zip(spread_dates(period, len(sizes), offset=1), sizes, strict=True)]
    # Hires per vacancy in proportion to its openings (each partly filled), the rounding spread so the total is exact.
    room = [vacancy["openings"] * half.hires // half.openings for vacancy in vacancies]
    for n in range(half.hires - sum(room)):
        room[n] += 1
    slots = [vacancy for vacancy, hires in zip(vacancies, room, strict=True) for _ in range(hires)]
    spare: list = []
    for n in range(len(slots) - 1, -1, -1):
        if len(spare) == hires_elsewhere:
            break
        if all(slots[n] is not taken for taken in spare):
            spare.append(slots.pop(n))
    slots_left = iter(slots)
    last = period.last_day
    for seeker in placed:
        outcome_on = min(seeker["registered_on"] + timedelta(days=10), last)
        builder.referral(seeker, next(slots_left), seeker["registered_on"], ReferralOutcome.HIRED, outcome_on)
    reported: dict[int, list] = {}
    for vacancy in slots_left:  # the rest of the hires: reported by the employers, one report per vacancy
        reported.setdefault(vacancy["id"], [vacancy, 0])[1] += 1
    for vacancy, count in reported.values():
        builder.report(vacancy, min(vacancy["registered_on"] + timedelta(days=20), last), count)
    return unplaced, vacancies, spare


def _others(builder: _Builder, period: HalfYear, unplaced: list, vacancies: list) -> None:
    """Referrals that end in no hire, or have no outcome yet: counted nowhere, shown in the staff queue."""
    outcomes = cycle([ReferralOutcome.NOT_HIRED, ReferralOutcome.NO_SHOW, ""])
    for seeker, vacancy in zip(unplaced[::40], cycle(vacancies[-30:])):
        outcome = next(outcomes)
        referred_on = seeker["registered_on"]
        outcome_on = min(referred_on + timedelta(days=7), period.last_day) if outcome else None
        builder.referral(seeker, vacancy, referred_on, outcome, outcome_on)


def load() -> str:
    builder = _Builder(middle_aged_from=int(rule_on(MIDDLE_AGED_RULE, H1_2020.start)))
    unplaced_2019, vacancies_2019, _spare = _half(builder, H2_2019, AROUND[H2_2019])
    # 2020H1: one placement is of a December 2019 registration (referred then, hired in January) and one seeker is
    # placed twice (two hires, one 人次): 2 placements with 3 hires made here. Two vacancies are held for review
    # (their openings count: registered) and one is rejected (not counted).
    held = [(date(2020, 5, 12), 3), (date(2020, 6, 2), 2)]
    published = replace(PUBLISHED, openings=PUBLISHED.openings - sum(openings for _day, openings in held))
    unplaced, vacancies, spare = _half(builder, H1_2020, published, placed_elsewhere=2, hires_elsewhere=3)
    for day, openings in held:
        builder.vacancy(day, openings, review=VacancyReview.HELD)
    builder.vacancy(date(2020, 4, 8), 4, review=VacancyReview.REJECTED)
    december = next(seeker for seeker in unplaced_2019
                    if seeker["registered_on"].month == 12 and not seeker["middle_aged"])
    unplaced_2019.remove(december)
    builder.referral(december, vacancies_2019[-1], december["registered_on"], ReferralOutcome.NOT_HIRED,
                     date(2019, 12, 20))
    builder.referral(december, spare[0], date(2019, 12, 27), ReferralOutcome.HIRED, date(2020, 1, 6))
    twice = next(seeker for seeker in unplaced if not seeker["middle_aged"] and seeker["registered_on"].month == 2)
    unplaced.remove(twice)
    builder.referral(twice, spare[1], twice["registered_on"], ReferralOutcome.HIRED, twice["registered_on"] + timedelta(3))
    builder.referral(twice, spare[2], twice["registered_on"] + timedelta(20), ReferralOutcome.HIRED,
                     twice["registered_on"] + timedelta(25))
    # Referred on 29 June 2020 and hired on 2 July: a 2020H2 placement, made on that half's spare vacancy.
    june = next(seeker for seeker in unplaced if not seeker["middle_aged"] and seeker["registered_on"].month == 6)
    unplaced.remove(june)
    unplaced_2020, vacancies_2020, spare_2020 = _half(builder, H2_2020, AROUND[H2_2020], placed_elsewhere=1,
                                                      hires_elsewhere=1)
    builder.referral(june, spare_2020[0], date(2020, 6, 29), ReferralOutcome.HIRED, date(2020, 7, 2))
    for period, seekers, half_vacancies in ((H2_2019, unplaced_2019, vacancies_2019), (H1_2020, unplaced, vacancies),
                                            (H2_2020, unplaced_2020, vacancies_2020)):
        _others(builder, period, seekers, half_vacancies)
    builder.save()
    return (f"{len(builder.seekers.rows)} job-seeker registrations, {len(builder.vacancies.rows)} vacancies, "
            f"{len(builder.referrals.rows)} referrals, {len(builder.reports.rows)} employer hire reports")
