import importlib

import pytest
from django.apps import apps


@pytest.fixture
def museum_rules(transactional_db):
    """The opening and booking rules of migration 0002, again: a transactional test's flush removes data rows."""
    importlib.import_module("museum.migrations.0002_museum_rules").add_rules(apps, None)
