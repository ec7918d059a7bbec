"""Load benchmark of online mediation applications (not a pytest test: run it by hand).

    .venv/bin/python tests/benchmarks/disputes_load.py --applications 3000 --concurrency 8

Starts gunicorn (2 sync workers) on PostgreSQL over loopback with its own database (recreated and migrated
first), a Celery worker, and sends N applications (multipart, with a small PDF) from `--concurrency` client
threads, bounded by `--applications` and `--max-seconds`. Reports applications/s, p50/p95/max latency and
errors. Then does the same with REDIS_URL pointed at a closed port (the shared Redis is left alone), runs
the outbox flush as beat would once Redis is back, and checks that every confirmation e-mail was sent.

Goal: >= 100 applications/s, p95 < 300 ms, no errors; with Redis down within 20% of that, still no errors.
"""

import argparse
import http.client
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
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PDF = b"%PDF-1.4\n" + b"0" * 20_000 + b"\n%%EOF\n"
CLOSED_REDIS = "redis://127.0.0.1:6489/1"  # nothing listens there: Redis is "down"


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
                          check=True, timeout=600)
    return done.stdout.strip()


def recreate_database(args) -> None:
    import psycopg

    parts = urlsplit(args.database_url)
    name = parts.path.lstrip("/")
    admin = args.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    manage(args, "migrate", "--noinput")


def start(command: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


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
            conn.request("GET", "/disputes/apply/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on port {port}")


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


def application(csrf: str, token: str, n: int, with_attachment: bool) -> tuple[bytes, str]:
    fields = [
        ("csrfmiddlewaretoken", csrf), ("submission_token", token), ("website", ""),
        ("applicants-TOTAL_FORMS", "1"), ("applicants-INITIAL_FORMS", "0"), ("applicants-MIN_NUM_FORMS", "1"),
        ("applicants-MAX_NUM_FORMS", "10"), ("applicants-0-kind", "worker"), ("applicants-0-name", "王小明"),
        ("applicants-0-personal_id", "A123456789"), ("applicants-0-birth_date", "1985-03-01"),
        ("applicants-0-phone", "0912345678"), ("applicants-0-email", f"applicant{n}@example.tw"),
        ("applicants-0-address", "高雄市苓雅區四維三路2號"),
        ("claims-TOTAL_FORMS", "1"), ("claims-INITIAL_FORMS", "0"), ("claims-MIN_NUM_FORMS", "0"),
        ("claims-MAX_NUM_FORMS", "20"), ("claims-0-item", "積欠工資"), ("claims-0-amount", "52000"),
        ("respondent_name", "示範股份有限公司"), ("respondent_business_number", "04595257"),
        ("main_category", "wages"), ("categories", "wages"), ("account", "雇主積欠三個月工資。"), ("consent", "on"),
    ]
    return multipart(fields, [("attachments", "payslip.pdf", PDF)] if with_attachment else [])


TOKEN_FIELD = re.compile(r'name="submission_token" value="([^"]+)"')


class Client(threading.Thread):
    """One citizen's browser: for each filing, opens the form (which issues its submission token into the
    browser's session) and sends it, keeping its cookies as a browser would."""

    def __init__(self, port, claim, deadline, with_attachment, results):
        super().__init__(daemon=True)
        self.port, self.claim, self.deadline = port, claim, deadline
        self.with_attachment, self.results = with_attachment, results

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            response.read()
            return response
        finally:
            conn.close()

    def keep_cookies(self, response) -> None:
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]

    def cookie_header(self) -> dict:
        return {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}

    def open_form(self) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", "/disputes/apply/", headers=self.cookie_header())
            response = conn.getresponse()
            page = response.read().decode()
        finally:
            conn.close()
        self.keep_cookies(response)
        return TOKEN_FIELD.search(page).group(1)

    def run(self):
        self.cookies: dict[str, str] = {}
        while time.monotonic() < self.deadline and (n := self.claim()) is not None:
            started = time.monotonic()
            try:
                token = self.open_form()
                body, content_type = application(self.cookies["csrftoken"], token, n, self.with_attachment)
                headers = {"Content-Type": content_type, **self.cookie_header()}
                response = self.request("POST", "/disputes/apply/", body, headers)
                self.keep_cookies(response)
                ok = response.status == 302 and response.getheader("Location", "").endswith("/disputes/apply/filed/")
                error = None if ok else f"HTTP {response.status}"
            except (OSError, AttributeError, KeyError) as exc:
                error = f"{type(exc).__name__}: {exc}"
            self.results.append((time.monotonic() - started, error))


def run_load(args, port: int) -> dict:
    counter, lock = iter(range(args.applications)), threading.Lock()

    def claim():
        with lock:
            return next(counter, None)

    results: list = []
    started = time.monotonic()
    clients = [Client(port, claim, started + args.max_seconds, not args.no_attachment, results)
               for _ in range(args.concurrency)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    elapsed = time.monotonic() - started
    latencies = sorted(seconds * 1000 for seconds, _error in results)
    errors = [error for _seconds, error in results if error]
    return {
        "sent": len(results),
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "seconds": round(elapsed, 2),
        "per_second": round(len(results) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "max_ms": round(latencies[-1], 1),
    }


# Concurrent filings must get consecutive numbers: as many cases as the counter says, none missing.
NUMBERS_CHECK = (
    "from disputes.models import DisputeCase as C, CaseNumberSequence as S;"
    "n = C.objects.count(); last = sum(S.objects.values_list('last_number', flat=True));"
    "distinct = C.objects.values('case_number').distinct().count();"
    "print(f'{n} cases, counter at {last}, {distinct} distinct numbers', 'gapless' if n == last == distinct else 'GAPS')"
)


def outbox(args) -> tuple[int, int]:
    code = ("from disputes.models import ConfirmationEmail as E;"
            "print(E.objects.count(), E.objects.filter(sent_at=None).count())")
    total, pending = manage(args, "shell", "-c", code).splitlines()[-1].split()
    return int(total), int(pending)


def start_worker(env: dict) -> subprocess.Popen:
    # One process, one task at a time: sending a confirmation is short, and on this machine every extra
    # thread would take CPU from the web workers being measured.
    return start([PYTHON, "-m", "celery", "-A", "labor_portal", "worker", "--pool=solo", "--loglevel=WARNING"], env)


def wait_for_worker(args, expected_rows: int, seconds: float = 120) -> None:
    """Until the worker has sent every queued confirmation (or `seconds` pass)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        total, pending = outbox(args)
        if total >= expected_rows and pending == 0:
            return
        time.sleep(1)


def measure(args, label: str, redis_url: str, port: int) -> dict:
    env = server_env(args, redis_url)
    gunicorn = start([PYTHON, "-m", "gunicorn", "labor_portal.wsgi", "-w", "2", "--threads", str(args.threads),
                      "-b", f"127.0.0.1:{port}", "--log-level", "warning"], env)
    redis_up = redis_url == args.redis_url
    worker = start_worker(env) if redis_up and args.worker == "during" else None
    try:
        wait_until_up(port)
        before_total, _pending = outbox(args)
        result = run_load(args, port)
        if redis_up and worker is None:
            worker = start_worker(env)  # the worker tier, started once the web tier has been measured
        if worker:
            wait_for_worker(args, before_total + result["sent"])
        total, pending = outbox(args)
        result["outbox_rows"] = total - before_total
        result["pending_after_run"] = pending
    finally:
        stop(gunicorn)
        if worker:
            stop(worker)
    if pending:
        # Redis is back (or the worker has finished): the periodic flush sends what was not queued.
        result["flush"] = manage(args, "send_dispute_confirmations")
        result["pending_after_flush"] = outbox(args)[1]
    print(f"{label}: {result}", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per gunicorn worker (more than 1 selects the gthread worker class)")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/disputes_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/1")
    parser.add_argument("--media-root", default=None, help="default: a new temporary directory")
    parser.add_argument("--no-attachment", action="store_true", help="send applications without the 20 kB PDF")
    parser.add_argument("--worker", choices=["during", "after"], default="during",
                        help="run the Celery worker on this machine during the load, or only after it (as when "
                             "workers run on other machines)")
    parser.add_argument("--mode", choices=["both", "redis-up", "redis-down"], default="both")
    args = parser.parse_args()
    args.media_root = args.media_root or tempfile.mkdtemp(prefix="disputes_bench_media_")

    recreate_database(args)
    up = down = None
    if args.mode in ("both", "redis-up"):
        up = measure(args, "Redis up", args.redis_url, args.port)
    if args.mode in ("both", "redis-down"):
        down = measure(args, "Redis down", CLOSED_REDIS, args.port + 1)
    total, pending = outbox(args)
    print(f"confirmation e-mails: {total} written, {pending} not sent")
    numbers = manage(args, "shell", "-c", NUMBERS_CHECK).splitlines()[-1]
    print(f"case numbers: {numbers}")
    failed = pending > 0 or "gapless" not in numbers
    for label, result in (("Redis up", up), ("Redis down", down)):
        if result:
            met = result["per_second"] >= 100 and result["p95_ms"] < 300 and result["errors"] == 0
            print(f"{label}: goal {'met' if met else 'NOT met'}")
            failed |= result["errors"] > 0 or result["outbox_rows"] != result["sent"]
    if up and down:
        ratio = down["per_second"] / up["per_second"]
        print(f"Redis down throughput is {ratio:.0%} of Redis up (goal: at least 80%: {'met' if ratio >= 0.8 else 'NOT met'})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
