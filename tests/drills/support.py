"""Drills: real processes (Redis, Celery worker and beat, a filing web process) against the PostgreSQL test
database. Each drill starts a redis-server of its own on a free port, never the shared one."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

DRILL = [
    pytest.mark.drill,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="a drill needs DATABASE_URL on PostgreSQL: its worker is another process",
    ),
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="a drill needs redis-server on PATH"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server without persistence, like the compose file's: a restart loses what it held."""

    def __init__(self, workdir: Path):
        self.port = _free_port()
        self.workdir = workdir
        self.process = None
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

    def restart(self, down_seconds: float) -> None:
        self.kill()
        time.sleep(down_seconds)
        self.start()
        self.restarts += 1


class Processes:
    """The processes a drill started; each in its own process group, so that a kill takes its children too."""

    def __init__(self, env: dict, logdir: Path):
        self.env = env
        self.logdir = logdir
        self.started: list[subprocess.Popen] = []

    def start(self, name: str, *args: str, env: dict | None = None) -> subprocess.Popen:
        log = (self.logdir / f"{name}.log").open("ab")
        process = subprocess.Popen(
            [sys.executable, *args], cwd=ROOT, env={**self.env, **(env or {})}, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log_path = self.logdir / f"{name}.log"
        self.started.append(process)
        return process

    def worker(self, name: str, concurrency: int = 2, **env) -> subprocess.Popen:
        return self.start(
            name, "-m", "celery", "-A", "labor_portal", "worker", f"--concurrency={concurrency}",
            "--loglevel=INFO", f"--hostname={name}@%h", env=env,
        )

    def beat(self) -> subprocess.Popen:
        schedule = self.logdir / "beat-schedule"
        return self.start("beat", "-m", "celery", "-A", "labor_portal", "beat", "--loglevel=INFO",
                          f"--schedule={schedule}")

    def run_python(self, code: str) -> str:
        """Run `code` in a fresh process of the portal (as a web request would), and return what it printed."""
        done = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT, env=self.env, timeout=60,
            check=True, capture_output=True, text=True,
        )
        return done.stdout.strip()

    def worker_healthy(self, name: str) -> bool:
        """The docker-compose health check of the worker started as `name`, run as compose runs it."""
        check = subprocess.run(
            [sys.executable, "-c", "import sys; from labor_portal.celery import worker_healthy; "
             f"sys.exit(0 if worker_healthy('{name}@{socket.gethostname()}') else 1)"],
            cwd=ROOT, env=self.env, timeout=60, check=False,
        )
        return check.returncode == 0

    @staticmethod
    def wait_ready(process: subprocess.Popen, timeout: float = 60) -> None:
        ready = wait_until(lambda: b" ready." in process.log_path.read_bytes() or process.poll() is not None, timeout)
        assert ready and process.poll() is None, process.log_path.read_text(errors="replace")[-3000:]

    @staticmethod
    def kill9(process: subprocess.Popen) -> None:
        """`kill -9` of a worker and its pool processes, as when its machine or container dies."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def wait_until(condition, timeout: float, interval: float = 0.5):
    """Poll `condition` until it returns something true; returns it, or the last value after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
