import pytest
from django.contrib.auth.models import Group

from labor_portal.celery import app as celery_app
from labor_portal.core.roles import ADMINISTRATORS, OFFICIALS, SECTION_ROLES


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
        group_name = {"officials": OFFICIALS, "administrators": ADMINISTRATORS}.get(role) or SECTION_ROLES[role]
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
