"""Fixtures of the drills (see support.py)."""

import os

import pytest
from django.db import connection

from tests.drills.support import Processes, RedisServer


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


@pytest.fixture
def drill_env(transactional_db, redis_server, tmp_path, settings):
    """The environment of every process of the drill: the test database, the drill's Redis, its mail dir."""
    settings.MEDIA_ROOT = tmp_path / "media"
    db = connection.settings_dict
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.drills.drill_settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": redis_server.url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DRILL_EMAIL_DIR": str(mail_dir),
        "PYTHONUNBUFFERED": "1",
    }


@pytest.fixture
def processes(drill_env, tmp_path):
    started = Processes(drill_env, tmp_path)
    yield started
    started.stop_all()
