"""A line of the bureau's work, declared once: on its AppConfig.

    class DisputesConfig(Section):
        name = "disputes"
        verbose_name = _("勞資關係")        # the section's title, zh-Hant (translated like any string)
        role = "勞資關係科"                 # the staff group that enters its records
        order = 30                          # where it stands on the staff home, in the API docs, in the report
        citizen_services = [CitizenService("disputes:apply", _("勞資爭議調解申請"), _("線上申請…"))]
        beat = {"disputes-remind": {"task": "...", "schedule": 3600.0}}
        workbench = "disputes.workbench.queues"   # dotted path of a function(user, today) -> [Workbench, ...]
        seeds = ["disputes.migrations.0010_handler_and_legal_deadlines.add_deadlines"]  # data migrations' rows

Everything else is derived from the declarations: the roles and their permissions (core.roles), the staff
home and its queues (core.views), the front page's citizen services, the API router (each section's `api.py`
ROUTES, labor_portal.api), the URLs (each section's `urls.py`, under `url_prefix`), the beat schedule and the
API docs' tags. Adding a section touches its own folder and INSTALLED_APPS only.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.apps import AppConfig, apps
from django.db.models import Count, Min, Model, Q
from django.db.models.signals import post_migrate
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class CitizenService:
    """A page citizens use without an account, listed on the front page once its URL exists."""

    url_name: str
    title: str
    description: str

    @property
    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


@dataclass(frozen=True)
class Queue:
    """What needs a clerk now: the section's records matching `where`, linked to the admin list showing them.

    `due` names a date field: the queue then shows the earliest deadline among its records, that date plus
    `due_after_days` (a deadline counted from the filing, say), and is marked urgent once it has passed.
    """

    title: str
    where: Q
    link: str = ""  # the admin changelist's query string for the same records, e.g. "status__exact=received"
    due: str = ""
    due_after_days: int = 0
    urgent: bool = False  # always shown first and marked (emergencies)


@dataclass
class Workbench:
    """A section's queues over one model, counted together in one aggregate query."""

    model: type[Model]
    queues: list[Queue]

    def count(self, today: date) -> list[dict[str, Any]]:
        aggregates = {}
        for index, queue in enumerate(self.queues):
            aggregates[f"count{index}"] = Count("pk", filter=queue.where)
            if queue.due:
                aggregates[f"due{index}"] = Min(queue.due, filter=queue.where)
        # Only rows in some queue can count: the OR of the queues' conditions lets the database use their
        # indexes instead of scanning the whole table (employment referrals); each count keeps its filter=.
        # A queue with an empty condition counts every row (and Q() | x would drop it): no WHERE then.
        in_any_queue = Q()
        if all(queue.where for queue in self.queues):
            for queue in self.queues:
                in_any_queue |= queue.where
        counted = self.model._default_manager.filter(in_any_queue).aggregate(**aggregates)
        opts = self.model._meta
        try:
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:  # a model not (yet) in the admin: its queues are shown unlinked
            changelist = ""
        rows = []
        for index, queue in enumerate(self.queues):
            earliest = counted.get(f"due{index}")
            due = earliest + timedelta(days=queue.due_after_days) if earliest else None
            rows.append({
                "title": queue.title,
                "count": counted[f"count{index}"],
                "due": due,
                # "Not overdue on the due date itself": overdue from the day after.
                "overdue": due is not None and due < today,
                "urgent": queue.urgent or (due is not None and due < today),
                "url": f"{changelist}?{queue.link}" if changelist and queue.link else changelist,
            })
        return rows


class Section(AppConfig):
    """The AppConfig of a section; see the module docstring for what to declare."""

    default = False  # each section's apps.py names its own subclass as its default config
    role: str = ""
    order: int = 100
    # Every report id of this section is computed: the catalogue test fails for any it misses.
    built: bool = False
    citizen_services: list[CitizenService] = []
    beat: dict[str, dict] = {}
    workbench: str = ""  # dotted path of a function(user, today) -> a Workbench or a list of them (one per model)
    url_prefix: str | None = None  # where the section's urls.py is included; None: "<label>/"
    # Quick links on the staff home besides the admin's: (title, URL name) pairs.
    quick_links: list[tuple[str, str]] = []
    # The data migrations' seeding functions, (apps, schema_editor) -> None, each idempotent (get_or_create):
    # dated legal rules, holidays, bands. A flush empties their tables; these put the rows back after it.
    seeds: list[str] = []

    @property
    def title(self):
        return self.verbose_name

    @property
    def urls_prefix(self) -> str:
        return f"{self.label}/" if self.url_prefix is None else self.url_prefix

    def ready(self):
        super().ready()
        if self.beat:
            from labor_portal.celery import app as celery_app

            celery_app.conf.beat_schedule = {**(celery_app.conf.beat_schedule or {}), **self.beat}
        if self.seeds:
            post_migrate.connect(self.seed_unless_migrated, sender=self, dispatch_uid=f"{self.label}-reseed")

    def seed_unless_migrated(self, sender, **kwargs):
        """Run the seeds when post_migrate did not follow this app's data migrations: after `flush` (it sends no
        plan), as a transactional test or a live server leaves the database, or after a `migrate` that made the
        tables from the models (migrations disabled, as `make test` does). Without them no quota, deadline or
        band can be computed. After a real `migrate` the data migrations have run, and rows an administrator
        removed since stay removed."""
        from django.db.migrations.loader import MigrationLoader

        if "plan" in kwargs and MigrationLoader.migrations_module(self.label)[0] is not None:
            return
        for seed in self.seeds:
            import_string(seed)(kwargs.get("apps") or apps, None)

    def queues(self, user, today: date) -> Workbench | list[Workbench] | None:
        """What the section's workbench function returns: a Workbench, or one per model (each one query)."""
        if not self.workbench:
            return None
        build: Callable = import_string(self.workbench)
        return build(user, today)

    def workbenches(self, user, today: date) -> list[Workbench]:
        benches = self.queues(user, today)
        return [] if benches is None else [benches] if isinstance(benches, Workbench) else list(benches)


def sections() -> list[Section]:
    """The declared sections, in their order."""
    return sorted(
        (config for config in apps.get_app_configs() if isinstance(config, Section)),
        key=lambda config: (config.order, config.label),
    )


def section(label: str) -> Section:
    config = apps.get_app_config(label)
    if not isinstance(config, Section):
        raise LookupError(f"{label} is not a section")
    return config


def section_roles() -> dict[str, str]:
    """{app label: the staff group's name}."""
    return {config.label: config.role for config in sections()}


def section_titles() -> dict[str, Any]:
    return {config.label: config.title for config in sections()}


def section_modules(name: str):
    """(section, its module `name`) for each section that has one, e.g. its `api` or `urls`."""
    from importlib import import_module
    from importlib.util import find_spec

    for config in sections():
        if find_spec(f"{config.name}.{name}") is not None:
            yield config, import_module(f"{config.name}.{name}")


def section_urls() -> list:
    """Each section's urls.py, included under its prefix (its app_name, if any, is its namespace)."""
    from django.urls import include, path

    return [path(config.urls_prefix, include(module)) for config, module in section_modules("urls")]


def citizen_services() -> list[dict]:
    return [
        {"url": url, "title": service.title, "description": service.description, "section": config.label}
        for config in sections()
        for service in config.citizen_services
        if (url := service.url)
    ]

