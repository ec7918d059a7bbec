"""A web process under filing load: files dispute applications, each with a confirmation e-mail, for a while.

Run by the drills as `python -m tests.drills.file_disputes SECONDS PREFIX PAUSE`; prints how many it filed.
"""

import os
import sys
import time

import django


def main(seconds: float, prefix: str, pause: float) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.drills.drill_settings")
    django.setup()
    from tests.disputes.factories import file_case

    filed = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        # A filing never fails because Redis is down: the outbox keeps the e-mail and beat sends it later.
        file_case(email=f"{prefix}-{filed}@example.tw")
        filed += 1
        time.sleep(pause)
    return filed


if __name__ == "__main__":
    print(main(float(sys.argv[1]), sys.argv[2], float(sys.argv[3])))
