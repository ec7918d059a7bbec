"""Settings of the processes a drill starts (web filer, worker, beat): the project's, plus drill-only hooks.

Never used outside tests/drills: the hooks below slow things down on purpose.
"""

import os

from labor_portal.settings import *  # noqa: F403
from labor_portal.settings import INSTALLED_APPS

# Every process writes the e-mails it sends to files in one directory, so the drill can count them.
EMAIL_BACKEND = "tests.drills.slow_mail.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("DRILL_EMAIL_DIR", "/tmp/drill-mail")  # noqa: S108
INSTALLED_APPS = [*INSTALLED_APPS, "tests.drills.apps.DrillHooksConfig"]
