# ruff: noqa: S608 - the SQL is built from this script's constants only
"""Benchmark (not a test): the quota table on 5,000 obliged employers × 120 months of rosters.

    .venv/bin/python tests/benchmarks/quota_scale.py \
        [--database-url postgres://postgres@127.0.0.1:5432/disability_bench] [--runs 7] [--explain]

It DROPS and recreates that PostgreSQL database, migrates it, and fills it in SQL (INSERT ... SELECT
generate_series) in two steps:

1. one year of rosters (2019-07 to 2020-06): 5,000 employers × 12 months = 60,000 rosters, and a reward
   application for one employer in ten each quarter;
2. nine more years (2010-07 to 2019-06): 120 months, 600,000 rosters.

After each step (and VACUUM ANALYZE) it times the section's two tables for 2020H1 and the workbench's queues
(employers below quota for 3 months in a row), the median of several runs. Goal: ratio 10 years / 1 year <= 1.3.
Change history rows (simple-history) are not filled: no report query reads them.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/disability_bench"
MEASURED = "2020H1"
EMPLOYERS = 5_000
KINDS = "{public_agency,public_school,state_enterprise,private_school,association,private_business}"


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


def execute(sql: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)


def fill_employers() -> None:
    # Kinds in about the report's shares: most are private businesses.
    execute(
        f"""INSERT INTO disability_services_quotaemployer (created_at, updated_at, name, business_number, kind,
                contact_name, contact_phone)
            SELECT now(), now(), '示範義務單位' || i, 'B' || lpad(i::text, 8, '0'),
                   ('{KINDS}'::text[])[CASE WHEN i % 20 < 2 THEN 1 WHEN i % 20 < 5 THEN 2 WHEN i % 20 < 6 THEN 3
                                            WHEN i % 40 = 6 THEN 4 WHEN i % 40 = 7 THEN 5 ELSE 6 END], '', ''
            FROM generate_series(1, {EMPLOYERS}) AS i"""
    )


def fill_rosters(first: str, last: str) -> None:
    """A roster for every employer and month in [first, last]; headcounts and employees vary by employer and
    month, so that each status occurs."""
    execute(
        f"""INSERT INTO disability_services_monthlyroster (created_at, updated_at, employer_id, month,
                insured_headcount, disabled, severe, part_timers, severe_part_timers, below_wage)
            SELECT now(), now(), e.id, m::date,
                   30 + (e.id * 37 + extract(month from m)::int) % 900,
                   (e.id + extract(month from m)::int) % 12,
                   least((e.id % 12) / 6, (e.id + extract(month from m)::int) % 12),
                   e.id % 3, 0, e.id % 2
            FROM disability_services_quotaemployer e,
                 generate_series(date '{first}', date '{last}', interval '1 month') AS m"""
    )


def fill_rewards(first: str, last: str) -> None:
    execute(
        f"""INSERT INTO disability_services_rewardapplication (created_at, updated_at, employer_id, quarter_start,
                received_on, status, decided_on, persons, amount)
            SELECT now(), now(), e.id, q::date, (q + interval '3 months 5 days')::date, 'approved',
                   (q + interval '5 months')::date, 1 + e.id % 9, 5000 * (1 + e.id % 9)
            FROM disability_services_quotaemployer e,
                 generate_series(date '{first}', date '{last}', interval '3 months') AS q
            WHERE e.id % 10 = 0"""
    )


def vacuum() -> None:
    from django.db import connection

    connection.ensure_connection()
    previous = connection.connection.autocommit
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.connection.autocommit = previous


def time_steps(runs: int) -> tuple[float, dict[str, float]]:
    """Median milliseconds of each table (and the workbench's queues) for the measured half-year."""
    from django.apps import apps

    from disability_services.reports import OverQuotaRewards, QuotaEmployment
    from labor_portal.core.periods import HalfYear

    period = HalfYear.parse(MEASURED)
    config = apps.get_app_config("disability_services")
    probes = {
        "quota_employment": lambda: QuotaEmployment().snapshot(period),
        "over_quota_rewards": lambda: OverQuotaRewards().compute(period),
        "workbench queues": lambda: config.queues(None, date(2020, 7, 15)).count(date(2020, 7, 15)),
    }
    timings = {name: [] for name in probes}
    for _run in range(runs + 1):
        for name, probe in probes.items():
            started = time.perf_counter()
            probe()
            timings[name].append((time.perf_counter() - started) * 1000)
    medians = {name: statistics.median(ms[1:]) for name, ms in timings.items()}  # the first run warms caches
    return medians["quota_employment"], medians


def explain() -> None:
    from django.db import connection

    from disability_services.models import MonthlyRoster
    from disability_services.quota import QuotaRules

    month = date(2020, 6, 1)
    queryset = MonthlyRoster.objects.for_month(month).assessed(QuotaRules.on(month)).values("employer__kind")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print("\n-- EXPLAIN quota table\n" + "\n".join(row[0] for row in cursor.fetchall()))


def count_rows() -> str:
    from disability_services.models import MonthlyRoster, QuotaEmployer

    return f"{QuotaEmployer.objects.count():,} employers, {MonthlyRoster.objects.count():,} rosters"


def report(label: str, medians: dict[str, float]) -> None:
    print(label)
    for name, ms in medians.items():
        print(f"    {name:24} {ms:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--explain", action="store_true")
    options = parser.parse_args()

    recreate_database(options.database_url)
    setup_django(options.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    fill_employers()
    fill_rosters("2019-07-01", "2020-06-01")
    fill_rewards("2019-07-01", "2020-04-01")
    vacuum()
    print(f"1 year: {count_rows()} (filled in {time.perf_counter() - started:.0f} s)")
    one_year, medians = time_steps(options.runs)
    report(f"  {MEASURED}, 1 year of history:", medians)

    started = time.perf_counter()
    fill_rosters("2010-07-01", "2019-06-01")
    fill_rewards("2010-07-01", "2019-04-01")
    vacuum()
    print(f"10 years: {count_rows()} (filled in {time.perf_counter() - started:.0f} s)")
    ten_years, medians = time_steps(options.runs)
    report(f"  {MEASURED}, 10 years of history:", medians)
    print(f"quota table: 1 year {one_year:.1f} ms, 10 years {ten_years:.1f} ms, ratio {ten_years / one_year:.2f} "
          f"(goal <= 1.3)")
    if options.explain:
        explain()


if __name__ == "__main__":
    main()
