"""Load benchmark of online mediation applications against a floor (not a pytest test: run it by hand).

    .venv/bin/python tests/benchmarks/disputes_load.py --database-url postgres://postgres@127.0.0.1:5432/perfbench \
        --redis-url redis://127.0.0.1:6379/12 --applications 3000 --floor-filings 3000 --concurrency 8

Starts gunicorn (2 sync workers) on PostgreSQL over loopback with its own database (DROPPED, recreated and
migrated first), a Celery worker, and from `--concurrency` client threads files, one after the other on the
same gunicorn:

- real: the mediation application, each filing = GET /disputes/apply/ + POST (multipart, a 20 kB PDF);
- floor: the least a filing can cost, each = GET /bench-floor/ + POST of a CSRF-protected, validated 3-field
  form inserting one row (tests/benchmarks/floor, installed by the benchmark settings only),

in `--rounds` alternating rounds (so that the machine's other load weighs on both alike), each round bounded
by its share of the count and `--max-seconds`. Reports filings/s, p50/p95/max latency, the gunicorn workers'
CPU per filing (from /proc), real/floor by throughput and floor/real by worker CPU. Then does the same with
REDIS_URL pointed at a closed port (the shared Redis is left alone), runs the outbox flush as beat would once Redis is back, and checks: no errors,
no lost filing (every POST answered with the redirect has its case or row; as many cases as redirects),
case numbers gapless, every confirmation e-mail written and sent.
Writes the results to tests/benchmarks/results/ (gitignored).

Goals: real >= 0.33 of the floor's filings/s, no errors; with Redis down within 20% of Redis up, no errors.

`--form` chooses what "real" files: the mediation application (disputes, the default) or one of the employment
complaint forms (discrimination, harassment, scam: /employment/complaints/<form>/, the same 20 kB PDF attached);
"lost" is then counted on that complaint model's rows and the case kit's outbox. Each gunicorn's stderr is kept
in tests/benchmarks/results/ (the path is printed).
"""

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).resolve().parent / "results"
PYTHON = sys.executable
PDF = b"%PDF-1.4\n" + b"0" * 20_000 + b"\n%%EOF\n"
CLOSED_REDIS = "redis://127.0.0.1:6489/1"  # nothing listens there: Redis is "down"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def server_env(args, redis_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.benchmarks.disputes_bench_settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": redis_url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "MEDIA_ROOT": args.media_root,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }


def manage(args, *command, redis_url=None) -> str:
    env = server_env(args, redis_url or args.redis_url)
    done = subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=False, timeout=1800)  # migrate takes 10+ minutes on a loaded machine
    if done.returncode:
        raise SystemExit(f"manage.py {command[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip()


def recreate_database(args) -> None:
    import psycopg

    parts = urlsplit(args.database_url)
    name = parts.path.lstrip("/")
    admin = args.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    # --run-syncdb: the floor's table (an app without migrations, benchmark settings only).
    manage(args, "migrate", "--noinput", "--run-syncdb")


def start(command: list[str], env: dict, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    # stderr to a file (or nowhere), never to an unread pipe: a full pipe would stall the process.
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=stderr, text=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/bench-floor/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on port {port}")


def workers_cpu_seconds(master_pid: int) -> float:
    """User + system CPU of gunicorn's worker processes so far (the master only watches them)."""
    total = 0
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    except OSError:
        return float("nan")
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    return total / CLOCK_TICKS


# --- What is filed -------------------------------------------------------------------------------


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    chunks = []
    for name, value in fields:
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, data in files:
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                      f"Content-Type: application/pdf\r\n\r\n".encode() + data + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


TOKEN_FIELD = re.compile(r'name="submission_token" value="([^"]+)"')


def management_form(prefix: str, page: str, total: int) -> list[tuple[str, str]]:
    """A formset's management form as the page gave it, with TOTAL_FORMS as many as the browser fills in."""
    fields = [(f"{prefix}-TOTAL_FORMS", str(total))]
    for name in ("INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
        found = re.search(rf'name="{prefix}-{name}" value="(\d+)"', page)
        fields.append((f"{prefix}-{name}", found.group(1) if found else "0"))
    return fields


def application(page: str, csrf: str, n: int, with_attachment: bool) -> tuple[bytes, str]:
    fields = [
        ("csrfmiddlewaretoken", csrf), ("submission_token", TOKEN_FIELD.search(page).group(1)), ("website", ""),
        *management_form("applicants", page, 1), ("applicants-0-kind", "worker"), ("applicants-0-name", "王小明"),
        ("applicants-0-personal_id", "A123456789"), ("applicants-0-birth_date", "1985-03-01"),
        ("applicants-0-phone", "0912345678"), ("applicants-0-email", f"applicant{n}@example.tw"),
        ("applicants-0-address", "高雄市苓雅區四維三路2號"),
        *management_form("claims", page, 1), ("claims-0-item", "積欠工資"), ("claims-0-amount", "52000"),
        ("respondent_name", "示範股份有限公司"), ("respondent_business_number", "04595257"),
        ("main_category", "wages"), ("categories", "wages"), ("account", "雇主積欠三個月工資。"), ("consent", "on"),
    ]
    return multipart(fields, [("attachments", "payslip.pdf", PDF)] if with_attachment else [])


COMPLAINANT = [
    ("website", ""), ("consent", "on"), ("complainant_name", "王小明"), ("complainant_personal_id", "A123456789"),
    ("complainant_phone", "0912345678"), ("complainant_address", "高雄市苓雅區四維三路2號"),
    ("employer_name", "示範股份有限公司"), ("employer_business_number", "04595257"), ("employer_address", ""),
    ("employer_contact", "07-1234567"),
]


def complaint_fields(form: str) -> list[tuple[str, str]]:
    """Valid data of each complaint form (as tests/employment/complaints_helpers.form_data)."""
    if form == "discrimination":
        return [("grounds", "gender"), ("grounds", "age"), ("job_title", "倉管人員"), ("incident_on", "2020-03-02"),
                ("account", "面試時被告知只錄取男性。")]
    if form == "harassment":
        day = (date.today() - timedelta(days=30)).isoformat()
        return [("complainant_role", "employee"), ("route", "top_manager"), ("respondent_name", "陳大同"),
                ("respondent_title", "董事長"), ("act_ended_on", day), ("learned_on", day),
                ("account", "董事長多次在辦公室對我有不當肢體接觸。")]
    return [("ad_source", "social"), ("ad_url", "https://example.tw/jobs/1"),
            ("ad_text", "輕鬆工作日領3000，需先繳保證金"), ("account", "面試時要求先繳保證金 5,000 元。")]


def complaint(form: str):
    def body(page: str, csrf: str, n: int, with_attachment: bool) -> tuple[bytes, str]:
        fields = [("csrfmiddlewaretoken", csrf), ("submission_token", TOKEN_FIELD.search(page).group(1)),
                  *COMPLAINANT, ("complainant_email", f"complainant{n}@example.tw"), *complaint_fields(form)]
        return multipart(fields, [("attachments", "evidence.pdf", PDF)] if with_attachment else [])
    return body


def floor_note(page: str, csrf: str, n: int, with_attachment: bool) -> tuple[bytes, str]:
    fields = {"csrfmiddlewaretoken": csrf, "name": "王小明", "email": f"citizen{n}@example.tw",
              "message": "雇主積欠三個月工資。"}
    return urlencode(fields).encode(), "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Target:
    label: str
    path: str
    filed_path: str  # where a successful POST redirects
    body: object  # (page, csrf, n, with_attachment) -> (body, content type)
    model: str = "disputes.DisputeCase"  # the rows a filing adds (counted for "lost")


FORMS = {
    "disputes": Target("real", "/disputes/apply/", "/disputes/apply/filed/", application),
    **{form: Target("real", f"/employment/complaints/{form}/", f"/employment/complaints/{form}/filed/",
                    complaint(form), f"employment.{model}")
       for form, model in (("discrimination", "DiscriminationComplaint"), ("harassment", "HarassmentComplaint"),
                           ("scam", "ScamComplaint"))},
}
REAL = FORMS["disputes"]  # the default (disputes_profile.py's)
FLOOR = Target("floor", "/bench-floor/", "/bench-floor/done/", floor_note)


class Client(threading.Thread):
    """One citizen's browser: for each filing, opens the form (which issues its submission token into the
    browser's session) and sends it, keeping its cookies as a browser would."""

    def __init__(self, port, target, claim, deadline, with_attachment, results):
        super().__init__(daemon=True)
        self.port, self.target, self.claim, self.deadline = port, target, claim, deadline
        self.with_attachment, self.results = with_attachment, results

    def request(self, method, path, body=None, headers=None) -> tuple[http.client.HTTPResponse, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers={**(headers or {}), **self.cookie_header()})
            response = conn.getresponse()
            page = response.read().decode()
        finally:
            conn.close()
        self.keep_cookies(response)
        return response, page

    def keep_cookies(self, response) -> None:
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]

    def cookie_header(self) -> dict:
        return {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}

    def run(self):
        self.cookies: dict[str, str] = {}
        while time.monotonic() < self.deadline and (n := self.claim()) is not None:
            started = time.monotonic()
            filed = False
            try:
                _response, page = self.request("GET", self.target.path)
                body, content_type = self.target.body(page, self.cookies["csrftoken"], n, self.with_attachment)
                response, _page = self.request("POST", self.target.path, body, {"Content-Type": content_type})
                filed = response.status == 302 and response.getheader("Location", "").endswith(self.target.filed_path)
                error = None if filed else f"HTTP {response.status}"
            except (OSError, AttributeError, KeyError) as exc:
                error = f"{type(exc).__name__}: {exc}"
            self.results.append((time.monotonic() - started, error, filed))


def run_load(args, port: int, target: Target, count: int, master_pid: int) -> dict:
    """`count` filings of `target` from the client threads: what each took, and the workers' CPU meanwhile."""
    counter, lock = iter(range(count)), threading.Lock()

    def claim():
        with lock:
            return next(counter, None)

    results: list = []
    cpu_before = workers_cpu_seconds(master_pid)
    started = time.monotonic()
    clients = [Client(port, target, claim, started + args.max_seconds, not args.no_attachment, results)
               for _ in range(args.concurrency)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    return {"results": results, "seconds": time.monotonic() - started,
            "cpu": workers_cpu_seconds(master_pid) - cpu_before}


def summary(runs: list[dict]) -> dict:
    results = [each for run in runs for each in run["results"]]
    elapsed, cpu = sum(run["seconds"] for run in runs), sum(run["cpu"] for run in runs)
    latencies = sorted(seconds * 1000 for seconds, _error, _filed in results)
    errors = [error for _seconds, error, _filed in results if error]
    return {
        "sent": len(results),
        "filed": sum(filed for _seconds, _error, filed in results),
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "seconds": round(elapsed, 2),
        "per_second": round(len(results) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "max_ms": round(latencies[-1], 1),
        "worker_cpu_ms_per_filing": round(cpu * 1000 / max(len(results), 1), 2),
    }


# --- What the database holds ---------------------------------------------------------------------

# Counted whichever outbox the filing writes to (disputes' ConfirmationEmail, or the case kit's outbox once
# disputes moves onto it): total rows and rows not yet sent. Case numbers are checked as the citizen sees
# them: in each ROC year exactly 1..n, none missing, none twice.
STATE = """
import json, re
from collections import defaultdict
from django.apps import apps
from django.db import DatabaseError
from tests.benchmarks.floor.models import FloorNote
Case = apps.get_model(%r)  # the filed form's model
total = pending = 0
for label in ("disputes.ConfirmationEmail", "cases.OutboxMessage"):
    try:
        model = apps.get_model(label)
        total += model.objects.count()
        pending += model.objects.filter(sent_at=None).count()
    except (LookupError, DatabaseError):  # not there (yet) in this tree
        continue
years = defaultdict(list)
for number in Case.objects.values_list("case_number", flat=True):
    year, _letter, serial = number.split("-")
    years[year].append(int(serial))
gapless = all(sorted(serials) == list(range(1, len(serials) + 1)) for serials in years.values())
print(json.dumps({"cases": Case.objects.count(), "gapless": gapless, "floor_rows": FloorNote.objects.count(),
                  "outbox": total, "pending": pending}))
"""


def state(args) -> dict:
    return json.loads(manage(args, "shell", "-c", STATE % FORMS[args.form].model).splitlines()[-1])


def flush_outbox(args) -> str:
    """The periodic flush (beat's job) run once by hand, by whichever name the project gives it."""
    commands = manage(args, "help", "--commands").split()
    for name in ("outbox_send_pending", "send_outbox", "send_dispute_confirmations"):
        if name in commands:
            return manage(args, name)
    raise SystemExit("no outbox flush command found")


def start_worker(env: dict) -> subprocess.Popen:
    # One process, one task at a time: sending a confirmation is short, and on this machine every extra
    # thread would take CPU from the web workers being measured.
    return start([PYTHON, "-m", "celery", "-A", "labor_portal", "worker", "--pool=solo", "--loglevel=WARNING"], env)


def wait_for_worker(args, expected_rows: int, seconds: float = 120) -> None:
    """Until the worker has sent every queued confirmation (or `seconds` pass)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = state(args)
        if now["outbox"] >= expected_rows and now["pending"] == 0:
            return
        time.sleep(1)


def measure(args, label: str, redis_url: str, port: int) -> dict:
    env = server_env(args, redis_url)
    RESULTS.mkdir(exist_ok=True)
    log = RESULTS / f"gunicorn-{args.form}-{label.replace(' ', '-').lower()}-{args.started}.log"
    print(f"{label}: gunicorn's stderr in {log.relative_to(ROOT)}", flush=True)
    with log.open("w") as stderr:
        gunicorn = start([PYTHON, "-m", "gunicorn", "labor_portal.wsgi", "-w", "2", "--threads", str(args.threads),
                          "-b", f"127.0.0.1:{port}", "--log-level", "warning"], env, stderr)
    REAL = FORMS[args.form]
    redis_up = redis_url == args.redis_url
    worker = start_worker(env) if redis_up and args.worker == "during" else None
    result: dict = {}
    try:
        wait_until_up(port)
        before = state(args)
        # Warm both workers (imports, compiled templates, connections) before anything is timed; these
        # filings are checked like the others.
        warm = [run_load(args, port, target, 4 * args.concurrency, gunicorn.pid) for target in (REAL, FLOOR)]
        # In alternating rounds, so that whatever else this machine is doing meanwhile weighs on both alike.
        runs: dict[str, list] = {"real": [], "floor": []}
        for _round in range(args.rounds):
            runs["real"].append(run_load(args, port, REAL, args.applications // args.rounds, gunicorn.pid))
            runs["floor"].append(run_load(args, port, FLOOR, args.floor_filings // args.rounds, gunicorn.pid))
        result["real"], result["floor"] = summary(runs["real"]), summary(runs["floor"])
        filed = summary([warm[0], *runs["real"]])["filed"]
        floor_filed = summary([warm[1], *runs["floor"]])["filed"]
        if redis_up and worker is None:
            worker = start_worker(env)  # the worker tier, started once the web tier has been measured
        if worker:
            wait_for_worker(args, before["outbox"] + filed)
    finally:
        stop(gunicorn)
        if worker:
            stop(worker)
    after = state(args)
    result["pending_after_run"] = after["pending"]
    if after["pending"]:
        # Redis is back (or the worker has finished): the periodic flush sends what was not queued.
        result["flush"] = flush_outbox(args)
        after = state(args)
    result["checks"] = {
        "redirects": filed, "new_cases": after["cases"] - before["cases"],
        "floor_redirects": floor_filed, "new_floor_rows": after["floor_rows"] - before["floor_rows"],
        "new_outbox_rows": after["outbox"] - before["outbox"], "not_sent": after["pending"],
        "numbers_gapless": after["gapless"],
    }
    result["ratio"] = round(result["real"]["per_second"] / result["floor"]["per_second"], 3)
    # The same comparison by the workers' CPU alone, which the machine's other load disturbs far less.
    result["cpu_ratio"] = round(result["floor"]["worker_cpu_ms_per_filing"]
                                / result["real"]["worker_cpu_ms_per_filing"], 3)
    print(f"{label} ({args.form}):", flush=True)
    for target in ("real", "floor"):
        run = result[target]
        print(f"  {target:5}: {run['per_second']:6.1f} filings/s  p50 {run['p50_ms']:6.1f} ms  p95 {run['p95_ms']:6.1f} ms"
              f"  max {run['max_ms']:6.1f} ms  worker CPU {run['worker_cpu_ms_per_filing']:5.2f} ms/filing"
              f"  ({run['sent']} sent, {run['errors']} errors {run['error_samples']})", flush=True)
    print(f"  real/floor: {result['ratio']:.2f} (goal >= 0.33: {'met' if result['ratio'] >= 0.33 else 'NOT met'});"
          f" by worker CPU per filing, floor/real: {result['cpu_ratio']:.2f}")
    print(f"  checks: {result['checks']}", flush=True)
    return result


def lost(result: dict) -> bool:
    checks = result["checks"]
    return not (checks["redirects"] == checks["new_cases"] == checks["new_outbox_rows"]
                and checks["floor_redirects"] == checks["new_floor_rows"]
                and checks["not_sent"] == 0 and checks["numbers_gapless"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=3000)
    parser.add_argument("--floor-filings", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="alternating real and floor rounds per mode")
    parser.add_argument("--max-seconds", type=float, default=30, help="per round")
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per gunicorn worker (more than 1 selects the gthread worker class)")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/disputes_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--media-root", default=None, help="default: a new temporary directory")
    parser.add_argument("--no-attachment", action="store_true", help="send applications without the 20 kB PDF")
    parser.add_argument("--worker", choices=["during", "after"], default="during",
                        help="run the Celery worker on this machine during the load, or only after it (as when "
                             "workers run on other machines)")
    parser.add_argument("--mode", choices=["both", "redis-up", "redis-down"], default="both")
    parser.add_argument("--form", choices=list(FORMS), default="disputes",
                        help="what 'real' files: the mediation application or an employment complaint form")
    parser.add_argument("--note", default="", help="written with the results, e.g. what was changed")
    args = parser.parse_args()
    args.media_root = args.media_root or tempfile.mkdtemp(prefix="disputes_bench_media_")
    args.started = time.strftime("%Y%m%d-%H%M%S")

    recreate_database(args)
    results = {}
    if args.mode in ("both", "redis-up"):
        results["redis_up"] = measure(args, "Redis up", args.redis_url, args.port)
    if args.mode in ("both", "redis-down"):
        results["redis_down"] = measure(args, "Redis down", CLOSED_REDIS, args.port + 1)
    failed = False
    for result in results.values():
        failed |= lost(result) or result["real"]["errors"] > 0 or result["floor"]["errors"] > 0
    if len(results) == 2:
        ratio = results["redis_down"]["real"]["per_second"] / results["redis_up"]["real"]["per_second"]
        print(f"Redis down throughput is {ratio:.0%} of Redis up (goal: at least 80%: {'met' if ratio >= 0.8 else 'NOT met'})")
    print("no errors, no lost filings" if not failed else "FAILED: errors or lost filings (see checks)")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"disputes_load-{args.form}-{args.started}.json"
    out.write_text(json.dumps({"command": sys.argv, "form": args.form, "note": args.note, "results": results}, indent=2,
                              ensure_ascii=False))
    print(f"written to {out.relative_to(ROOT)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
