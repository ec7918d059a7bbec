import asyncio
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from labor_portal.celery import app as celery_app
from labor_portal.core.roles import ADMINISTRATORS, OFFICIALS
from labor_portal.core.sections import section_roles


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """How `make test` shares the tests between its workers (pytest-xdist, `--dist loadgroup`): one test at a
    time to whichever worker is free, except where a fixture is made once for many tests. Every test reading the
    demo half-year (the session fixture `demo_report`: about ten seconds to load) goes to the one worker that
    loads it, and a file whose tests share a module's fixture (records made once for the module) to one worker.

    The workers take the tests in their order (`--no-loadscope-reorder`: xdist would otherwise start with the
    groups of most tests), and the longest go first — the demo's, then the migration walk (20 s or more) — so that
    neither worker is left with one at the end while the other waits; single tests at the end keep the two
    workers finishing together (whole files there left one waiting up to 9 s)."""
    groups = {id(item): _group(item) for item in items}  # by id(): xdist changes the tests' ids, and so their hash
    for item in items:
        if groups[id(item)]:
            item.add_marker(pytest.mark.xdist_group(groups[id(item)]))
    yield  # pytest-django orders the tests by their use of the database; xdist adds the group to their ids
    items.sort(key=lambda item: 0 if groups[id(item)] == "demo-report" else 1 if "migrate_to" in item.fixturenames
               else 2)  # stable: otherwise in pytest-django's order


def _group(item) -> str | None:
    if "demo_report" in item.fixturenames:
        return "demo-report"
    shares_a_fixture = any(  # a fixture of the project's (plugins' have no baseid: pytest-django has a class one)
        definitions[-1].scope in ("package", "module", "class") and definitions[-1].baseid
        for definitions in item._fixtureinfo.name2fixturedefs.values())
    return item.nodeid.split("::")[0] if shares_a_fixture else None


@pytest.fixture(autouse=True, scope="session")
def fast_password_hasher():
    """Tests create many accounts; the production hasher's deliberate slowness buys nothing here."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def celery_eager(request):
    """Tasks run in-process unless a test needs the real worker (marked real_worker)."""
    if request.node.get_closest_marker("real_worker"):
        yield
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def make_staff(django_user_model, db):
    """make_staff("unions") → a user in that section's group; also "officials" and "administrators"."""

    def make(role: str, username: str | None = None):
        group_name = {"officials": OFFICIALS, "administrators": ADMINISTRATORS}.get(role) or section_roles()[role]
        user = django_user_model.objects.create_user(
            username=username or f"{role}-user", password="a-long-test-password", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def union_clerk(make_staff):
    return make_staff("unions")


@pytest.fixture
def official(make_staff):
    return make_staff("officials")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
# Each context's window preloads the address bar's suggestion popups as web pages (chrome://omnibox-popup), which
# keep rendering though never shown: about a quarter of the browser tests' CPU (make test's browser tests,
# -m browser -n 2: 106 → 78 core-seconds).
UNSEEN_POPUPS = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"]


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for all of a worker's browser tests (launching one for each test took 0.7 s of
    the 0.9 s it took to open a page); skipped, saying why, when Chromium is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django must still allow its ORM here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        # Chromium keeps only the last --disable-features: Playwright's own list, read back, and the popups.
        disabled = [*disabled_features(browser), *UNSEEN_POPUPS]
        browser.close()
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_FLAGS, "--disable-features=" + ",".join(disabled)])
        asyncio._set_running_loop(None)  # marked only while a test has a page: see browser_page
        yield browser
        asyncio._set_running_loop(browser._loop)
        browser.close()


def disabled_features(browser) -> list[str]:
    """The features the running browser was started without: its last --disable-features, read from its command
    line."""
    processes = browser.new_browser_cdp_session().send("SystemInfo.getProcessInfo")["processInfo"]
    pid = next(process["id"] for process in processes if process["type"] == "browser")
    switches = Path(f"/proc/{pid}/cmdline").read_text().split("\0")
    last = [switch for switch in switches if switch.startswith("--disable-features=")][-1]
    return [feature for feature in last.removeprefix("--disable-features=").split(",") if feature]


@pytest.fixture
def browser_page(chromium, live_server):
    """A page of its own (cookies, storage) in the worker's Chromium, as a browser in Taiwan asks: Django answers
    it in zh-Hant.

    Playwright's sync API marks its event loop as the thread's running loop, and Django's connections are then
    other ones (asgiref's Local keys them by context): the loop is marked only while a test has its page, so the
    worker's other tests see none. Create a test's records before this fixture starts (list it after the
    fixtures that make them): database work inside the loop opens a second connection, closed after the test (left
    open, it kept PostgreSQL from dropping the test database at the end).
    """
    from django.db import connections

    asyncio._set_running_loop(chromium._loop)
    try:
        context = chromium.new_context(locale="zh-TW")
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()
    finally:
        connections.close_all()  # while the loop is marked: those opened inside it (SQLite's in-memory one stays)
        asyncio._set_running_loop(None)


@pytest.fixture(autouse=True, scope="session")
def flush_puts_back_the_first_rows(django_db_setup, django_db_blocker):
    """Transactional tests end with a flush that puts back the rows the database was made with (tests/first_rows.py)
    rather than re-running every post_migrate receiver."""
    from django.test import TransactionTestCase

    from tests.first_rows import copy_first_rows, flush_and_put_back

    with django_db_blocker.unblock():
        copies = copy_first_rows()

    def fixture_teardown(test_case):
        if (test_case.available_apps is not None or test_case.serialized_rollback
                or test_case._databases_names(include_mirrors=False) != ["default"]):
            return original(test_case)
        flush_and_put_back(copies)

    original = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = fixture_teardown
    yield copies
    TransactionTestCase._fixture_teardown = original


@pytest.fixture(autouse=True)
def redis_breaker_closed():
    """A breaker tripped by one test (Redis made unreachable on purpose) must not skip Redis in the next."""
    from labor_portal.core.circuit import redis_breaker

    redis_breaker.reset()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in English must not leak into the next test."""
    from django.utils import translation

    yield
    translation.deactivate()
