"""Item 2 of issue 8: a worker with concurrency 2 survives Redis restarts under filing load, and every
confirmation e-mail goes out exactly once."""

import re
import time
from collections import Counter
from pathlib import Path

from labor_portal.cases.models import OutboxMessage as ConfirmationEmail
from tests.drills.support import DRILL, wait_until

pytestmark = DRILL

RESTARTS = 3
UP_SECONDS = 20  # longer than the web's Redis breaker (15 s): every restart hits e-mails queued and in flight
DOWN_SECONDS = 2


def _recipients_of_sent_mail(mail_dir) -> Counter:
    return Counter(
        match for path in mail_dir.iterdir() for match in re.findall(r"^To: (\S+)$", path.read_text(), re.M)
    )


def test_item2_the_worker_survives_three_redis_restarts_under_load_and_sends_each_email_once(
    processes, redis_server, drill_env, tmp_path
):
    worker = processes.worker("drill", concurrency=2)
    processes.wait_ready(worker)
    processes.beat()  # flushes the outbox every minute: what could not be queued while Redis was down
    filing_seconds = RESTARTS * (UP_SECONDS + DOWN_SECONDS) + UP_SECONDS
    filer = processes.start("filer", "-m", "tests.drills.file_disputes", str(filing_seconds), "drill", "0.2")

    for restart in range(1, RESTARTS + 1):
        time.sleep(UP_SECONDS)
        assert ConfirmationEmail.objects.exclude(sent_at=None).exists()  # e-mails were being sent
        redis_server.restart(down_seconds=DOWN_SECONDS)
        time.sleep(5)
        assert worker.poll() is None, f"worker exited after Redis restart {restart}:\n" + worker.log_path.read_text(
            errors="replace")[-5000:]

    filer.wait(timeout=filing_seconds + 120)
    filed = int(filer.log_path.read_text().split()[-1])
    assert filed > 100 and ConfirmationEmail.objects.count() == filed

    # Beat's flush runs every minute and sends up to 500 per run.
    outbox_empty = wait_until(lambda: not ConfirmationEmail.objects.filter(sent_at=None).exists(), timeout=240, interval=2)
    assert outbox_empty, f"{ConfirmationEmail.objects.filter(sent_at=None).count()} e-mails still unsent"
    assert worker.poll() is None and redis_server.restarts == RESTARTS
    sent = _recipients_of_sent_mail(Path(drill_env["DRILL_EMAIL_DIR"]))
    expected = Counter(ConfirmationEmail.objects.values_list("recipient", flat=True))
    assert sent == expected and set(sent.values()) == {1}
    assert processes.worker_healthy("drill")  # the health check of docker-compose passes after the restarts
    print(f"drill: {redis_server.restarts} Redis restarts survived, {sum(sent.values())} e-mails sent of {filed}")
