"""No Docker engine runs here, so check docker-compose.yml by reading it against the project."""

import importlib
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _exists(program: str) -> bool:
    return (BIN / program).exists() or shutil.which(program) is not None


def test_the_stack_has_every_service_with_a_health_check():
    services = _compose()["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    for name in ("postgres", "redis", "web", "worker", "beat"):
        assert "healthcheck" in services[name], name


def test_each_service_command_names_something_that_exists_in_the_project():
    services = _compose()["services"]
    for name, service in services.items():
        command = service.get("command")
        if not command or "image" in service:
            continue
        program, *args = command
        assert _exists(program), f"{name}: {program} is not installed"
        if program == "gunicorn":
            module, attribute = args[0].split(":")
            assert hasattr(importlib.import_module(module), attribute), name
        elif program == "celery":
            app_module = args[args.index("-A") + 1]
            assert hasattr(importlib.import_module(app_module), "celery_app"), name
            assert args[args.index("-A") + 2] in {"worker", "beat"}, name
        elif program == "python":
            assert (ROOT / args[0]).exists(), name
        else:
            raise AssertionError(f"{name}: unexpected program {program}")


def test_app_services_build_from_the_project_dockerfile():
    services = _compose()["services"]
    assert (ROOT / "Dockerfile").exists()
    for name in ("web", "worker", "beat"):
        assert services[name]["build"] == ".", name
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgres://")
        assert services[name]["environment"]["REDIS_URL"].startswith("redis://")
