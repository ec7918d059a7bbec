"""Benchmark (not a test): the whole half-year report on ten years of a big city's records (issue 16, Measure).

    .venv/bin/python tests/benchmarks/report_scale.py \
        [--database-url postgres://postgres@127.0.0.1:5432/perfreport] [--scale 1] [--runs 5] [--explain N]

It DROPS and recreates that PostgreSQL database, migrates it, and fills every section in SQL with the
generators of tests/benchmarks/generators/sections.py (volumes there; about 13 million rows at scale 1, nine of
them the job centre's) in two steps: one year of history (2019-07-01 to 2020-06-30), then nine more (2010-07-01
to 2019-06-30). Employment services' job centre comes from tests/benchmarks/job_centre_scale.py's
`generate(connection_or_none, years, scale, end=...)`, called by sections.employment. After each step (and VACUUM ANALYZE) it measures, for 2020H1, the median of `--runs` runs after one warm-up:

1. report_compute (every table and indicator): 1 year vs 10 years of history, goal ratio <= 1.3;
2. the report's own SQL, captured once and each statement timed alone on a raw cursor: goal compute <= 2x the
   sum of its queries, and under 1 s;
3. render_workbook(snapshot);
4. the worker's memory: a child process runs report_run_execute on a ReportRun, as the Celery task does, and
   reports its peak RSS (getrusage ru_maxrss) before and after.

It prints a table and writes it, with every figure, to tests/benchmarks/results/report_scale.{json,md}.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "benchmarks" / "results"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/perfreport"
MEASURED = "2020H1"
ONE_YEAR = ("2019-07-01", "2020-07-01", 1)
NINE_MORE = ("2010-07-01", "2019-07-01", 9)


def recreate_database(url: str, template: str = "") -> None:
    """Drop and create the database; from `template` (an already migrated database) when given."""
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labor_portal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fill(start: str, end: str, years: int, scale: float, first: bool) -> dict[str, float]:
    """Every section's records over [start, end); seconds taken per section."""
    from django.db import transaction

    from tests.benchmarks.generators.sections import SECTIONS

    seconds = {}
    for section, generate in SECTIONS.items():
        started = time.perf_counter()
        with transaction.atomic():
            generate(start, end, years, scale, first)
        seconds[section] = time.perf_counter() - started
    return seconds


def vacuum() -> None:
    from django.db import connection

    connection.ensure_connection()
    previous = connection.connection.autocommit
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.connection.autocommit = previous


def rows_per_section() -> dict[str, int]:
    """Live rows per app (after VACUUM ANALYZE, so exact enough), change-history tables aside."""
    from django.apps import apps
    from django.db import connection

    labels = [config.label for config in apps.get_app_configs() if config.path.startswith(str(ROOT))]
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, n_live_tup FROM pg_stat_user_tables")
        counts = dict.fromkeys(labels, 0)
        for table, rows in cursor.fetchall():
            label = next((label for label in labels if table.startswith(label + "_")), None)
            if label and "_historical" not in table:
                counts[label] += rows
    return {label: rows for label, rows in counts.items() if rows}


def median_ms(probe, runs: int) -> float:
    timings = []
    for _run in range(runs + 1):
        started = time.perf_counter()
        probe()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings[1:])  # the first run warms the caches


def time_steps(period, runs: int) -> dict[str, float]:
    """Median milliseconds of each table and indicator group, slowest first."""
    from labor_portal.reporting.registry import registry

    medians = {}
    for step in registry.steps():
        label = getattr(step, "id", None) or f"{step.section}.{type(step).__name__}"
        medians[label] = median_ms(lambda step=step: step.snapshot(period), runs)
    return dict(sorted(medians.items(), key=lambda item: -item[1]))


def capture_report_sql(period) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from labor_portal.reporting.services import report_compute

    with CaptureQueriesContext(connection) as captured:
        report_compute(period)
    return [query["sql"] for query in captured.captured_queries]


def time_sql_alone(statements: list[str], runs: int) -> list[tuple[float, str]]:
    """Each statement alone on a raw cursor, results fetched: median milliseconds, slowest first."""
    from django.db import connection

    def run(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)
            cursor.fetchall()

    timed = [(median_ms(lambda sql=sql: run(sql), runs), sql) for sql in statements]
    return sorted(timed, reverse=True)


def explain(statements: list[tuple[float, str]], count: int) -> None:
    from django.db import connection

    for ms, sql in statements[:count]:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n-- {ms:.1f} ms: {sql[:300]}\n{plan}")


def measure(runs: int) -> dict:
    from labor_portal.core.periods import HalfYear
    from labor_portal.reporting.services import report_compute
    from labor_portal.reporting.workbook import render_workbook

    period = HalfYear.parse(MEASURED)
    compute_ms = median_ms(lambda: report_compute(period), runs)
    statements = capture_report_sql(period)
    alone = time_sql_alone(statements, runs)
    snapshot = report_compute(period)
    return {
        "compute_ms": compute_ms,
        "queries": len(statements),
        "sql_alone_ms": sum(ms for ms, _sql in alone),
        "slowest_sql": [{"ms": round(ms, 2), "sql": sql[:400]} for ms, sql in alone[:8]],
        "steps_ms": time_steps(period, runs),
        "workbook_ms": median_ms(lambda: render_workbook(snapshot), runs),
        "tables": len(snapshot["tables"]),
        "indicators": len(snapshot["indicators"]),
        "_alone": alone,
    }


def worker_memory(url: str) -> dict:
    """Peak RSS of a fresh process that generates the report as the Celery worker does."""
    child = subprocess.run(
        [sys.executable, __file__, "--database-url", url, "--worker-child"], capture_output=True, text=True, cwd=ROOT,
    )
    if child.returncode:
        # The rest of the figures stand; say why this one is missing.
        return {"error": (child.stderr.strip().splitlines() or ["exit status " + str(child.returncode)])[-1]}
    return json.loads(child.stdout.strip().splitlines()[-1])


def worker_child() -> None:
    """Child mode: ReportRuns through report_run_execute, as a fresh Celery worker process would run them.

    The first run is cold (imports, translations, caches), the second warm; ru_maxrss (KiB on Linux) is the
    process's peak resident memory after both; a third run under tracemalloc gives its Python allocation peak.
    """
    import resource
    import tempfile
    import tracemalloc

    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="report-scale-media-")
    setup_django(os.environ["REPORT_SCALE_URL"])
    from labor_portal.reporting.models import ReportRun
    from labor_portal.reporting.services import report_run_execute

    ReportRun.objects.first()  # connect and load the models before the baseline
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def execute_one() -> tuple[float, ReportRun]:
        run = ReportRun.objects.create(period=MEASURED)
        started = time.perf_counter()
        assert report_run_execute(run_id=run.pk)
        seconds = time.perf_counter() - started
        run.refresh_from_db()
        assert run.status == ReportRun.Status.DONE, run.error
        return seconds, run

    cold, _run = execute_one()
    warm, run = execute_one()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    execute_one()
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"cold_seconds": round(cold, 2), "warm_seconds": round(warm, 2),
                      "rss_before_mib": round(before / 1024, 1), "rss_peak_mib": round(after / 1024, 1),
                      "python_peak_mib": round(traced_peak / 2**20, 1), "workbook_kib": round(run.workbook.size / 1024, 1)}))


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def print_state(label: str, rows: dict[str, int], seconds: dict[str, float], figures: dict) -> None:
    print(f"{label}: {sum(rows.values()):,} rows, filled in {sum(seconds.values()):.0f} s, load {load_average()}")
    for section, count in rows.items():
        print(f"    {section:22} {count:>11,} rows")
    print(f"  report_compute {MEASURED}: {figures['compute_ms']:.1f} ms ({figures['tables']} tables, "
          f"{figures['indicators']} indicators, {figures['queries']} queries summing to {figures['sql_alone_ms']:.1f} "
          f"ms alone); workbook {figures['workbook_ms']:.1f} ms")
    for name, ms in list(figures["steps_ms"].items())[:8]:
        print(f"    {name:48} {ms:8.1f} ms")


def summary_table(one: dict, ten: dict, memory: dict, rows: dict[str, int], options) -> str:
    ratio = ten["compute_ms"] / one["compute_ms"]
    overhead = ten["compute_ms"] / ten["sql_alone_ms"]
    lines = [
        f"Report {MEASURED} on PostgreSQL, scale {options.scale}, median of {options.runs} runs, "
        f"{sum(rows.values()):,} rows ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {load_average()})",
        "",
        "| figure | 1 year | 10 years | goal |",
        "|---|---:|---:|---|",
        f"| report_compute (ms) | {one['compute_ms']:.1f} | {ten['compute_ms']:.1f} | 10y/1y {ratio:.2f} (≤ 1.3); "
        f"< 1000 ms |",
        f"| its {ten['queries']} queries alone, summed (ms) | {one['sql_alone_ms']:.1f} | {ten['sql_alone_ms']:.1f} | "
        f"compute/SQL {overhead:.2f} (≤ 2) |",
        f"| render_workbook (ms) | {one['workbook_ms']:.1f} | {ten['workbook_ms']:.1f} | |",
    ]
    if "error" in memory:
        lines.append(f"| worker run | | failed: {memory['error']} | |")
    else:
        lines += [
            f"| worker report_run_execute, cold / warm (s) | | {memory['cold_seconds']:.2f} / "
            f"{memory['warm_seconds']:.2f} | |",
            f"| worker peak RSS (MiB) | | {memory['rss_peak_mib']:.1f} (after setup {memory['rss_before_mib']:.1f}) | |",
            f"| worker Python allocation peak, one run (MiB) | | {memory['python_peak_mib']:.1f} | |",
        ]
    return "\n".join(lines)


def measure_existing(options) -> None:
    """Measure again what an earlier run filled (e.g. with another DATABASE_URL option, or after a fix)."""
    setup_django(options.database_url)
    figures = measure(options.runs)
    print_state("as filled", rows_per_section(), {}, figures)
    memory = worker_memory(options.database_url)
    print(json.dumps(memory))
    if options.explain:
        explain(figures["_alone"], options.explain)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--scale", type=float, default=1.0, help="volumes times this (0.05 while developing)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--explain", type=int, default=0, metavar="N", help="EXPLAIN ANALYZE the N slowest queries")
    parser.add_argument("--template", default="", help="copy this migrated database instead of migrating (faster)")
    parser.add_argument("--measure-only", action="store_true",
                        help="measure the database as it is (left filled by an earlier run), without filling it")
    parser.add_argument("--worker-child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker_child:
        os.environ["REPORT_SCALE_URL"] = options.database_url
        worker_child()
        return
    if options.measure_only:
        measure_existing(options)
        return

    recreate_database(options.database_url, options.template)
    setup_django(options.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start, end, years = ONE_YEAR
    seconds = fill(start, end, years, options.scale, first=True)
    vacuum()
    one = measure(options.runs)
    print_state("1 year", rows_per_section(), seconds, one)

    start, end, years = NINE_MORE
    more = fill(start, end, years, options.scale, first=False)
    vacuum()
    ten = measure(options.runs)
    rows = rows_per_section()
    print_state("10 years", rows, more, ten)
    memory = worker_memory(options.database_url)
    table = summary_table(one, ten, memory, rows, options)
    print("\n" + table)
    if options.explain:
        explain(ten["_alone"], options.explain)

    RESULTS.mkdir(exist_ok=True)
    for figures in (one, ten):
        figures.pop("_alone")
    results = {"command": " ".join(sys.argv), "scale": options.scale, "runs": options.runs, "rows": rows,
               "fill_seconds": {"1 year": seconds, "9 more years": more}, "one_year": one, "ten_years": ten,
               "worker": memory, "load_average": load_average()}
    (RESULTS / "report_scale.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "report_scale.md").write_text(table + "\n")
    print(f"written to {RESULTS.relative_to(ROOT)}/report_scale.json and .md")


if __name__ == "__main__":
    main()
