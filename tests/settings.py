"""The portal's settings plus a tenth section that exists only in tests (tests/tenth_section): declared once on
its AppConfig, it must appear on the staff home, in the API, in the roles and in the report with nothing else
changed (tests/core/test_section_declaration.py)."""

from labor_portal.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.tenth_section"]  # noqa: F405
