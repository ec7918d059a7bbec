from unittest import mock

import pytest
from django.core.cache import cache
from django.db import models
from django.db.migrations.state import ProjectState


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    """Attachments go to a temporary MEDIA_ROOT; rate limits start afresh; text messages are kept in memory."""
    from labor_portal.cases.sms import LocmemBackend

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SMS_BACKEND = "labor_portal.cases.sms.LocmemBackend"
    LocmemBackend.outbox.clear()
    cache.clear()


@pytest.fixture
def dispute_clerk(make_staff):
    return make_staff("disputes")


@pytest.fixture
def migrate_to():
    """migrate_to([(app, migration), ...]) → the historical apps there (django-test-migrations style, by hand).

    Under `--nomigrations` (as `make test` runs) the tables were made from the models: the real migrations are
    switched back on here and recorded as applied (the schema is theirs: `makemigrations --check` is clean), so
    that migrating back and forth replays them. The schema is migrated forward again after the test, as the
    other tests expect it.
    """
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.test import override_settings

    class Executor(MigrationExecutor):
        def _migrate_all_backwards(self, plan, full_plan, fake):
            """Django renders the project's state at the first migration to undo in its plan of every migration,
            then re-renders on each migration after it: with every model related to the user model through its
            history, that is most of the project rendered again per migration (12 s to go back six). The
            migrations that stay applied cannot depend on those undone, so they may come first in the plan: the
            state is then rendered once, with the whole schema that stays, and re-rendered only for those undone."""
            leaving = {migration for migration, _backwards in plan}
            full_plan = [step for step in full_plan if step[0] not in leaving] + [
                step for step in full_plan if step[0] in leaving]
            return super()._migrate_all_backwards(plan, full_plan, fake)

    def migrate(targets):
        executor = Executor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    with override_settings(MIGRATION_MODULES={}), \
            mock.patch.object(ProjectState, "_find_reload_model", _models_pointing_at_the_changed_one):
        executor = MigrationExecutor(connection)
        if not executor.loader.applied_migrations:
            executor.recorder.ensure_schema()
            for app_label, name in executor.loader.graph.nodes:
                executor.recorder.record_applied(app_label, name)
        yield migrate
        executor.loader.build_graph()
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):  # a walk that stopped part-way
            call_command("migrate", verbosity=0)


def _models_pointing_at_the_changed_one(state, app_label, model_name, delay=False):
    """The models to render again when a migration changes one (`ProjectState._find_reload_model`, narrowed).

    Django renders again every model related to it either way, recursively: here every model points at the user
    model (created_by, updated_by, its history's user), so each operation rendered the whole project again — 18,000
    model renders, 80 % of the migration test's time. Only the models whose relations reach the changed one,
    recursively (and its subclasses), hold its old class; the models it points at learn of the new one when the
    registry's caches are cleared on its registration. CI's PostgreSQL run applies the migrations unpatched.
    """
    if delay:
        state.is_delayed = True
    changed = {(app_label, model_name)}
    try:
        queue = [state.apps.get_model(app_label, model_name)]
    except LookupError:  # a model created by this operation: nothing points at it yet
        return changed
    while queue:
        for other in _pointing_at(queue.pop()):
            key = (other._meta.app_label, other._meta.model_name)
            if key not in changed:
                changed.add(key)
                queue.append(other)
    return changed


def _pointing_at(model):
    yield from (subclass for subclass in model.__subclasses__() if issubclass(subclass, models.Model))
    for field in model._meta.get_fields(include_hidden=True):
        if field.auto_created and not field.concrete and field.related_model is not None:
            yield field.related_model
