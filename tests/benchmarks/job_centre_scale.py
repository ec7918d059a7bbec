# ruff: noqa: S608 - the SQL is built from this script's constants and integers only
"""Benchmark (not a test): the job centre's report part and the public vacancy search on a big city's 10 years.

    .venv/bin/python tests/benchmarks/job_centre_scale.py \
        [--database-url postgres://postgres@127.0.0.1:5432/perfjc] [--scale 1.0] [--runs 7]

It DROPS and recreates that PostgreSQL database, migrates it, and fills it in SQL (INSERT ... SELECT
generate_series) per half-year: about 70,000 job-seeker registrations, 130,000 vacancy rows, 200,000 referral
cards and 43,000 employer hire reports each (times --scale). Step 1 fills one year (2019H2, 2020H1), step 2 nine
more (2010H2 to 2019H1). After each step (and VACUUM ANALYZE) it times the report part for 2020H1 (the median of
--runs) and, at the end, the public vacancy search (count and page queries of random searches; p50/p95).
Goal: ratio 10 years / 1 year <= 1.3 and search p95 < 100 ms. Change history rows are not filled.

`generate(connection_or_none, years, scale)` is importable, for a whole-report benchmark to reuse.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/perfjc"
SEEKERS, VACANCIES, REFERRALS = 70_000, 130_000, 200_000
STATIONS = "{qianzhen,sanmin,fengshan,gangshan,qishan,zuoying}"
DISTRICTS = "{qianzhen,sanmin,fengshan,nanzi,xiaogang,gangshan,lingya,qishan,zuoying,gushan,renwu,daliao}"


def recreate_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labor_portal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _halves(years: int, end):
    from labor_portal.core.periods import HalfYear

    halves, period = [], end
    for _ in range(2 * years):
        halves.append(period)
        period = HalfYear(period.year - 1, 2) if period.half == 1 else HalfYear(period.year, 1)
    return halves


def _next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
    return cursor.fetchone()[0]


def _fill_half(cursor, period, scale: float, latest: bool) -> None:
    """One half-year's records; ids are given (max id + n) so that referrals can point at the half's rows."""
    seekers, vacancies, referrals = (max(1, round(count * scale)) for count in (SEEKERS, VACANCIES, REFERRALS))
    start, days, tag = period.start.isoformat(), (period.end - period.start).days, str(period)
    seeker0 = _next_id(cursor, "employment_jobseekerregistration")
    vacancy0 = _next_id(cursor, "employment_vacancy")
    cursor.execute(f"""
        INSERT INTO employment_jobseekerregistration (id, created_at, updated_at, number, registered_on, station, name,
            personal_id, birth_date, phone, desired_occupation, middle_aged, youth, disadvantaged, indigenous,
            disabled, new_resident, released_prisoner)
        SELECT {seeker0} + i, now(), now(), 'S{tag}-' || i, date '{start}' + (i % {days}),
               ('{STATIONS}'::text[])[1 + i % 6], '王小明', 'A1' || lpad((i % 100000000)::text, 8, '0'),
               date '{start}' - (7000 + (i * 37) % 18000), '', (1 + i % 9)::text,
               (7000 + (i * 37) % 18000) >= 16436, (7000 + (i * 37) % 18000) < 10950, i % 9 = 0, i % 50 = 0,
               i % 40 = 0, i % 31 = 0, i % 97 = 0
        FROM generate_series(1, {seekers}) AS i""")
    # Vacancies: closed 60 days after registration, except a quarter of the latest half's (the public search's).
    cursor.execute(f"""
        INSERT INTO employment_vacancy (id, created_at, updated_at, number, registered_on, station, employer_name,
            employer_business_number, job_title, occupation, district, openings, employment_type, pay_unit, pay_min,
            pay_max, description, review, review_notes, closed_on)
        SELECT {vacancy0} + i, now(), now(), 'V{tag}-' || i, date '{start}' + (i % {days}),
               ('{STATIONS}'::text[])[1 + i % 6], '示範事業單位' || (i % 5000), '', '作業員', (1 + i % 9)::text,
               ('{DISTRICTS}'::text[])[1 + (i / 7) % 12], 1 + i % 3,
               CASE WHEN i % 5 = 0 THEN 'part_time' ELSE 'full_time' END,
               CASE WHEN i % 5 = 0 THEN 'hourly' ELSE 'monthly' END,
               CASE WHEN i % 5 = 0 THEN 170 + i % 40 ELSE 26000 + (i % 30) * 1000 END,
               CASE WHEN i % 5 = 0 THEN 220 ELSE 60000 END, '', CASE WHEN i % 50 = 0 THEN 'held' ELSE 'published' END,
               '', CASE WHEN {str(latest).lower()} AND i % 4 = 0 THEN NULL
                        ELSE date '{start}' + (i % {days}) + 60 END
        FROM generate_series(1, {vacancies}) AS i""")
    # Referrals: half hired 10 days on; the latest half keeps a fifth without outcome (the staff queue).
    cursor.execute(f"""
        INSERT INTO employment_referral (created_at, updated_at, card_number, registration_id, vacancy_id, referred_on,
            outcome, outcome_on, seeker_middle_aged)
        SELECT now(), now(), 'R{tag}-' || i, {seeker0} + 1 + i % {seekers}, {vacancy0} + 1 + (i * 7) % {vacancies},
               date '{start}' + (i % {days}), r.outcome,
               CASE WHEN r.outcome = '' THEN NULL ELSE date '{start}' + (i % {days}) + 10 END,
               (7000 + ((1 + i % {seekers}) * 37) % 18000) >= 16436
        FROM generate_series(1, {referrals}) AS i,
             LATERAL (SELECT CASE WHEN i % 10 < 5 THEN 'hired' WHEN i % 10 < 7 THEN 'not_hired'
                                  WHEN i % 10 = 7 THEN 'no_show'
                                  WHEN {str(latest).lower()} THEN '' ELSE 'not_hired' END AS outcome) AS r
        ON CONFLICT DO NOTHING""")
    cursor.execute(f"""
        INSERT INTO employment_vacancyhirereport (created_at, updated_at, vacancy_id, reported_on, hired)
        SELECT now(), now(), {vacancy0} + i, date '{start}' + (i % {days}) + 20, 1
        FROM generate_series(3, {vacancies}, 3) AS i""")


def generate(connection_or_none, years: int, scale: float = 1.0, *, end=None) -> None:
    """Fill `years` years of job-centre records (2 half-years each) ending with the half `end` (2020H1), `scale`
    times a big city's volume. connection_or_none: a Django connection (None: the default one)."""
    from django.core.management.color import no_style
    from django.db import connection as default_connection

    from employment.models import JobSeekerRegistration, Referral, Vacancy, VacancyHireReport
    from labor_portal.core.periods import HalfYear

    connection = connection_or_none or default_connection
    end = end or HalfYear(2020, 1)
    with connection.cursor() as cursor:
        latest = True
        for period in _halves(years, end):
            _fill_half(cursor, period, scale, latest and end == HalfYear(2020, 1))
            latest = False
        for sql in connection.ops.sequence_reset_sql(no_style(), [JobSeekerRegistration, Vacancy, Referral,
                                                                   VacancyHireReport]):
            cursor.execute(sql)


def vacuum() -> None:
    from django.db import connection

    connection.ensure_connection()
    previous = connection.connection.autocommit
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.connection.autocommit = previous


def time_report(runs: int) -> float:
    from employment.reports_job_centre import JobCentreFigures
    from labor_portal.core.periods import HalfYear

    group, period, timings = JobCentreFigures(), HalfYear(2020, 1), []
    for _run in range(runs + 1):
        started = time.perf_counter()
        group.compute(period)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings[1:])  # the first run warms caches


def time_search(requests: int) -> tuple[float, float]:
    """p50 and p95 ms of the search's own work (the count and the page's rows) over random filter sets."""
    from employment.models import OccupationGroup
    from employment.views_vacancies import PAGE_SIZE, vacancy_search

    chooser, timings = random.Random(12), []
    districts = DISTRICTS.strip("{}").split(",")
    for _n in range(requests):
        data = {}
        if chooser.random() < 0.6:
            data["district"] = chooser.choice(districts)
        if chooser.random() < 0.5:
            data["occupation"] = chooser.choice(OccupationGroup.values)
        if chooser.random() < 0.3:
            data["employment_type"] = chooser.choice(["full_time", "part_time"])
        if chooser.random() < 0.3:
            data.update(pay_unit="monthly", pay_at_least=chooser.choice([28000, 35000, 45000]))
        page = chooser.choice([1, 1, 1, 2, 5])
        started = time.perf_counter()
        vacancies = vacancy_search(data)
        vacancies.count()
        list(vacancies[(page - 1) * PAGE_SIZE:page * PAGE_SIZE])
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def count_rows() -> str:
    from employment.models import JobSeekerRegistration, Referral, Vacancy

    return (f"{JobSeekerRegistration.objects.count():,} registrations, {Vacancy.objects.count():,} vacancies, "
            f"{Referral.objects.count():,} referrals")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--searches", type=int, default=200)
    options = parser.parse_args()
    recreate_database(options.database_url)
    setup_django(options.database_url)
    from django.core.management import call_command

    from labor_portal.core.periods import HalfYear

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(None, 1, options.scale)
    vacuum()
    print(f"1 year: {count_rows()} (filled in {time.perf_counter() - started:.0f} s)")
    one_year = time_report(options.runs)
    print(f"  report part 2020H1, 1 year of history: {one_year:.1f} ms")
    started = time.perf_counter()
    generate(None, 9, options.scale, end=HalfYear(2019, 1))
    vacuum()
    print(f"10 years: {count_rows()} (filled in {time.perf_counter() - started:.0f} s)")
    ten_years = time_report(options.runs)
    print(f"  report part 2020H1, 10 years of history: {ten_years:.1f} ms")
    p50, p95 = time_search(options.searches)
    print(f"report part: 1 year {one_year:.1f} ms, 10 years {ten_years:.1f} ms, ratio {ten_years / one_year:.2f} "
          f"(goal <= 1.3)")
    print(f"public vacancy search: p50 {p50:.1f} ms, p95 {p95:.1f} ms (goal p95 < 100 ms)")


if __name__ == "__main__":
    main()
