# ruff: noqa: S608 - the SQL is built from this script's constants only
"""Benchmark (not a test): the inspections report and the violator register on ten years of records.

    .venv/bin/python tests/benchmarks/inspections_scale.py \
        [--database-url postgres://postgres@127.0.0.1:5432/inspections_bench] [--runs 7] [--explain]

It DROPS and recreates that PostgreSQL database, migrates it, and fills it in SQL (INSERT ... SELECT
generate_series) in two steps:

1. one year of history (2019-07-01 to 2020-06-30): 200,000 violations, 20,000 OSH inspections, ...;
2. nine more years (2010-07-01 to 2019-06-30): 10 years, 2,000,000 violations, 200,000 OSH inspections.

After each step (and VACUUM ANALYZE) it times every inspections table and indicator for 2020H1, the
median of several runs, and after step 2 the register's pages and searches through the Django test client.
Goals: report < 300 ms, ratio 10 years / 1 year <= 1.3, register search < 100 ms.
Change history rows (simple-history) are not filled: no report or register query reads them.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/inspections_bench"
MEASURED = "2020H1"

ESTABLISHMENTS = 200_000
# Per year of history.
PER_YEAR = {
    "violations": 200_000,
    "osh_inspections": 20_000,
    "labor_inspections": 4_000,
    "counselling": 1_200,
    "stop_work": 90,
    "accidents": 70,
    "promotion": 1_500,
    "sme_visits": 100,
    "volunteers": 50,
}
LSA_ARTICLES = "{24,24,24,24,36,36,36,30,30,32,32,38,22,23,80,39,34,21,7,17,59,70,9,16,84}"


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
    """Run SQL built from this script's own constants (no outside input, so no parameters)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)


def fill_establishments() -> None:
    from labor_portal.core.districts import District

    districts = "{" + ",".join(District.values) + "}"
    execute(
        f"""
        INSERT INTO inspections_establishment
            (created_at, updated_at, name, business_number, responsible_person, industry, district, employees)
        SELECT now(), now(),
               (ARRAY['港都','旗津','左營','鳳山','楠梓','前鎮','小港','岡山','路竹','大寮','仁武','燕巢'])[1 + i % 12]
               || (ARRAY['精密工業','鋼鐵','貨運','餐飲','營造','電子','物流','保全','醫事','百貨','資訊','塑膠'])
                  [1 + (i / 12) % 12]
               || '示範' || i || '號' || (ARRAY['股份有限公司','有限公司','企業社'])[1 + i % 3],
               lpad(i::text, 8, '0'),
               (ARRAY['陳','林','黃','張','李','王','吳','劉'])[1 + i % 8] || '負責人' || (i % 97),
               chr(65 + i % 19), ('{districts}'::text[])[1 + i % 38], 5 + i % 500
        FROM generate_series(1, {ESTABLISHMENTS}) AS i
        """
    )


FIRM = f"(1 + (i::bigint * 7919) % {ESTABLISHMENTS})"


def fill_history(start: str, end: str, years: int) -> None:
    """Records of every kind spread evenly over [start, end)."""

    def insert(table: str, columns: str, select: str, kind: str) -> None:
        count = PER_YEAR[kind] * years
        execute(
            f"INSERT INTO {table} (created_at, updated_at, {columns}) "
            f"SELECT now(), now(), {select.replace('{n}', str(count))} FROM generate_series(1, {count}) AS i"
        )

    # Row i of n falls on day floor(i * span / n) of [start, end).
    day = f"(date '{start}' + ((i::bigint * (date '{end}' - date '{start}')) / {{n}})::int)"
    firm = FIRM
    insert(
        "inspections_violation",
        "establishment_id, law, article, decision_number, decided_on, fine_imposed, fine_after_appeal, status",
        f"""{firm},
            CASE WHEN i % 100 < 85 THEN 'lsa' WHEN i % 100 < 95 THEN 'osh'
                 WHEN i % 100 < 98 THEN 'gender' ELSE 'employment' END,
            CASE WHEN i % 100 < 85 THEN ('{LSA_ARTICLES}'::int[])[1 + (i / 100) % 25] ELSE 6 + i % 40 END,
            '高市勞條字第' || i || '號',
            {day},
            20000 * (1 + i % 5),
            CASE WHEN i % 31 = 0 THEN 10000 END,
            CASE WHEN i % 100 < 90 THEN 'final' WHEN i % 100 < 97 THEN 'appeal' ELSE 'revoked' END""",
        "violations",
    )
    # Each penalty's state log, as the migration backfills it: its status now, since its decision date.
    execute(
        "INSERT INTO inspections_penaltystatuschange (from_state, to_state, changed_at, changed_on, reason, "
        "violation_id) SELECT '', v.status, now(), v.decided_on, '', v.id FROM inspections_violation v "
        "WHERE NOT EXISTS (SELECT 1 FROM inspections_penaltystatuschange c WHERE c.violation_id = v.id)"
    )
    insert(
        "inspections_oshinspection", "establishment_id, inspected_on, kind, inspector, findings",
        f"""{firm}, {day},
            (ARRAY['general','project','complaint','major_accident','accident_review','resumption','joint',
                   'site_survey','assigned'])[1 + i % 9],
            '勞動檢查員' || (i % 60), ''""",
        "osh_inspections",
    )
    insert(
        "inspections_laborinspection", "establishment_id, inspected_on, kind, inspector, findings",
        f"{firm}, {day}, (ARRAY['complaint','project','joint'])[1 + i % 3], '檢查員' || (i % 25), ''",
        "labor_inspections",
    )
    insert(
        "inspections_compliancecounselling", "establishment_id, visited_on, counsellor, notes",
        f"{firm}, {day}, '輔導員' || (i % 12), ''", "counselling",
    )
    insert(
        "inspections_occupationalaccident", "establishment_id, occurred_on, district, deaths, injured, description",
        f"{firm}, {day}, 'lingya', (i % 3 > 0)::int, i % 2, ''", "accidents",
    )
    insert(
        "inspections_promotionsession", "topic, channel, title, held_on, people_reached",
        f"CASE WHEN i % 10 = 0 THEN 'osh' ELSE 'lsa' END, 'seminar', '宣導' || i, {day}, 1000 + i % 5000",
        "promotion",
    )
    insert("inspections_volunteer", "name, expertise, recruited_on", f"'志工' || i, '', {day}", "volunteers")
    # Stop-work orders hang on OSH inspections of the same span (one in `every`); the latest ones are the span's.
    count = PER_YEAR["stop_work"] * years
    every = max(1, PER_YEAR["osh_inspections"] // 90)  # under 90 inspections a year (a small --scale): each
    execute(
        f"""INSERT INTO inspections_stopworkorder (created_at, updated_at, inspection_id, ordered_on, resume_on, reason)
            SELECT now(), now(), id, inspected_on, inspected_on + 10, '' FROM inspections_oshinspection
            WHERE inspected_on >= '{start}' AND inspected_on < '{end}' AND id % {every} = 0
            LIMIT {count}"""
    )
    count = PER_YEAR["sme_visits"] * years
    execute(
        f"""INSERT INTO inspections_smecounsellingvisit (created_at, updated_at, establishment_id, volunteer_id,
                visited_on, notes)
            SELECT now(), now(), 1 + (i * 13) % {ESTABLISHMENTS}, (SELECT min(id) FROM inspections_volunteer),
                   {day.replace('{n}', str(count))}, ''
            FROM generate_series(1, {count}) AS i"""
    )


def fill_safety_families() -> None:
    execute("""INSERT INTO inspections_safetyfamily (created_at, updated_at, name, lead_establishment_id, founded_on)
               SELECT now(), now(), '安衛家族' || i, i, date '2012-01-01' + i * 30 FROM generate_series(1, 19) AS i""")
    execute("""INSERT INTO inspections_safetyfamilymember
                   (created_at, updated_at, family_id, establishment_id, is_contractor, joined_on)
               SELECT now(), now(), f.id, 100 + f.id * 1000 + m, m % 4 = 0, date '2019-01-01'
               FROM inspections_safetyfamily f, generate_series(1, 21) AS m""")


def vacuum() -> None:
    from django.db import connection

    connection.ensure_connection()
    previous = connection.connection.autocommit
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.connection.autocommit = previous


def time_report(runs: int) -> tuple[float, dict[str, float]]:
    """Median milliseconds of every inspections table and indicator group of the measured half-year."""
    from labor_portal.core.periods import HalfYear
    from labor_portal.reporting.registry import registry

    period = HalfYear.parse(MEASURED)
    steps = [step for step in registry.steps() if step.section == "inspections"]
    totals, per_step = [], {type(step).__name__: [] for step in steps}
    for run in range(runs + 1):
        started = time.perf_counter()
        for step in steps:
            step_started = time.perf_counter()
            step.compute(period)
            per_step[type(step).__name__].append((time.perf_counter() - step_started) * 1000)
        if run:  # the first run warms the caches
            totals.append((time.perf_counter() - started) * 1000)
    return statistics.median(totals), {name: statistics.median(ms[1:]) for name, ms in per_step.items()}


def time_register(runs: int) -> dict[str, float]:
    from django.test import Client, override_settings

    client = Client()
    probes = {
        "register, first page (no search)": ("/violations/", {}),
        "register, search by a name fragment": ("/violations/", {"q": "示範12345號"}),
        "register, search by 統一編號": ("/violations/", {"q": "00012345"}),
        "register, search by a 2-character word": ("/violations/", {"q": "鋼鐵"}),
        "register, article 24 in 2020H1": ("/violations/", {"article": 24, "date_from": "2020-01-01",
                                                              "date_to": "2020-06-30"}),
        "register, page 20": ("/violations/", {"page": 20}),
        "public API, search by name": ("/api/v1/violation-register/", {"q": "示範12345號"}),
    }
    results = {}
    with override_settings(RATELIMIT_ENABLE=False):
        for label, (url, query) in probes.items():
            timings = []
            for _run in range(runs + 1):
                started = time.perf_counter()
                response = client.get(url, query)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (label, response.status_code)
            results[label] = statistics.median(timings[1:])
    return results


def explain() -> None:
    from django.db import connection
    from django.db.models import Count

    from inspections.models import Law, PenaltyStatus, Violation
    from inspections.selectors import register_entries
    from labor_portal.core.periods import HalfYear

    period = HalfYear.parse(MEASURED)
    ranking = (Violation.objects.in_period(period).filter(law=Law.LABOR_STANDARDS, status=PenaltyStatus.FINAL)
               .values("article").annotate(n=Count("*")).order_by())
    search = register_entries(query="示範12345號")[:51]
    for label, queryset in (("ranking", ranking), ("register search", search)):
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            print(f"\n-- EXPLAIN {label}\n" + "\n".join(row[0] for row in cursor.fetchall()))


def count_rows() -> str:
    from inspections.models import OSHInspection, Violation

    return f"{Violation.objects.count():,} violations, {OSHInspection.objects.count():,} OSH inspections"


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
    fill_establishments()
    fill_safety_families()
    fill_history("2019-07-01", "2020-07-01", years=1)
    vacuum()
    print(f"1 year: {count_rows()} (filled in {time.perf_counter() - started:.0f} s)")
    one_year, steps = time_report(options.runs)
    print(f"  inspections report {MEASURED}: median {one_year:.1f} ms")
    for name, ms in steps.items():
        print(f"    {name:32} {ms:7.1f} ms")

    started = time.perf_counter()
    fill_history("2010-07-01", "2019-07-01", years=9)
    vacuum()
    print(f"10 years: {count_rows()} (filled in {time.perf_counter() - started:.0f} s)")
    ten_years, steps = time_report(options.runs)
    print(f"  inspections report {MEASURED}: median {ten_years:.1f} ms "
          f"(goal < 300 ms) — ratio to 1 year {ten_years / one_year:.2f} (goal <= 1.3)")
    for name, ms in steps.items():
        print(f"    {name:32} {ms:7.1f} ms")
    for label, ms in time_register(options.runs).items():
        print(f"  {label:45} median {ms:7.1f} ms (goal < 100 ms)")
    if options.explain:
        explain()


if __name__ == "__main__":
    main()
