"""Where a filing's time goes: N filings (GET the form + POST with a 20 kB PDF) in-process under cProfile.

    .venv/bin/python tests/benchmarks/disputes_profile.py --database-url postgres://postgres@127.0.0.1:5432/perfbench \
        --redis-url redis://127.0.0.1:6379/12 [--filings 300] [--floor]

Runs in the benchmark settings (DEBUG off, production middleware) on a database that disputes_load.py has
created and migrated (filings are added to it). Prints the profile's top functions by cumulative and own
time and writes the .prof file to tests/benchmarks/results/ (gitignored) for snakeviz or pstats.
With --no-profile it only measures the CPU per filing (client included), for quick before/after comparisons.
The confirmation e-mails it queues are purged from that Redis's queue at the end (the outbox keeps them).
"""

import argparse
import contextlib
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--filings", type=int, default=300)
    parser.add_argument("--floor", action="store_true", help="profile the floor endpoint instead")
    parser.add_argument("--form", default="disputes", help="disputes (default), discrimination, harassment or scam")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--cpu-timer", action="store_true", help="profile by CPU time (slower, steadier)")
    parser.add_argument("--no-profile", action="store_true", help="only the CPU per filing, without cProfile's cost")
    args = parser.parse_args()

    import disputes_load

    class Args:
        database_url, media_root = args.database_url, tempfile.mkdtemp(prefix="disputes_profile_media_")

    os.environ.update(disputes_load.server_env(Args, args.redis_url))
    import django

    django.setup()
    from django.test import Client

    target = disputes_load.FLOOR if args.floor else disputes_load.FORMS[args.form]
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="127.0.0.1", HTTP_HOST="127.0.0.1")

    def filing(n):
        page = client.get(target.path).content.decode()
        body, content_type = target.body(page, client.cookies["csrftoken"].value, n, True)
        response = client.generic("POST", target.path, body, content_type=content_type)
        assert response.status_code == 302 and response["Location"].endswith(target.filed_path), response

    for n in range(20):  # warm: imports, compiled templates, connections
        filing(n)
    # CPU time, not wall time: other processes on a shared machine would otherwise inflate whatever ran
    # while they did. Waits on PostgreSQL and Redis are left out (they show in the load benchmark).
    profiler = cProfile.Profile(time.process_time) if args.cpu_timer else cProfile.Profile()
    started = time.process_time()
    if not args.no_profile:
        profiler.enable()
    for n in range(args.filings):
        filing(n)
    profiler.disable()
    elapsed = time.process_time() - started
    print(f"{args.filings} filings: {elapsed:.2f} s of CPU, {elapsed * 1000 / args.filings:.2f} ms per filing"
          f" ({'without profiler; client included' if args.no_profile else 'profiled'})")
    _queued_tasks_purge()
    if args.no_profile:
        return
    results = ROOT / "tests" / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    out = results / f"disputes_profile-{'floor' if args.floor else args.form}-{time.strftime('%Y%m%d-%H%M%S')}.prof"
    profiler.dump_stats(out)
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(25)
    print(f"written to {out}")


def _queued_tasks_purge() -> None:
    """The benchmark's Redis is left with no task for a database that disputes_load.py will recreate."""
    from labor_portal.celery import app

    with contextlib.suppress(Exception):  # Redis down: nothing was queued
        app.control.purge()


if __name__ == "__main__":
    main()
