"""A section's `seeds` (its data migrations' rows) come back after a flush, as a transactional test or a live
server leaves the database, so that no later test depends on which test ran before it (issue 10: the suite
runs in parallel workers)."""

import pytest
from django.apps import apps
from django.core.management import call_command

from labor_portal.core.sections import sections

SEEDED = [
    ("core", "LegalRule"),
    ("migrant_workers", "Holiday"),
    ("employment", "JobAdPhrase"),
    ("welfare", "CondolenceBand"),
]


def seeded_counts():
    return {name: apps.get_model(app, name).objects.count() for app, name in SEEDED}


@pytest.mark.django_db(transaction=True)
def test_flush_puts_every_sections_seeds_back():
    migrated = seeded_counts()
    assert all(migrated.values()), migrated

    call_command("flush", interactive=False, verbosity=0)

    assert seeded_counts() == migrated


@pytest.mark.django_db
def test_after_migrate_a_removed_seed_row_stays_removed(settings):
    """post_migrate from `migrate` carries its plan: the data migrations ran then, an administrator's deletion since
    is kept (with the real migrations on, as in production; `make test` turns them off)."""
    settings.MIGRATION_MODULES = {}
    rule = apps.get_model("core", "LegalRule").objects.filter(key="employment.pay_range_threshold")
    rule.delete()
    for config in sections():
        if config.seeds:
            config.seed_unless_migrated(sender=config, apps=apps, plan=[])
    assert not rule.exists()


def test_every_seed_is_importable():
    from django.utils.module_loading import import_string

    declared = [seed for config in sections() for seed in config.seeds]
    assert len(declared) >= 9
    for seed in declared:
        assert callable(import_string(seed))


@pytest.mark.django_db
def test_tables_made_from_the_models_are_seeded_too(settings):
    """`make test` runs with --nomigrations: no data migration runs there, so the seeds must."""
    from django.db.migrations.loader import MigrationLoader

    settings.MIGRATION_MODULES = {"employment": None}
    assert MigrationLoader.migrations_module("employment")[0] is None
    rule = apps.get_model("core", "LegalRule").objects.filter(key="employment.pay_range_threshold")
    rule.delete()
    from django.apps import apps as global_apps

    global_apps.get_app_config("employment").seed_unless_migrated(sender=None, plan=[])
    assert rule.exists()
