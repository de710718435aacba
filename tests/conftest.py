"""The fixed cast: one user per role, a line manager with two reports, and an outsider in
another department who should have no access to anything but their own records."""

from datetime import date

import pytest
from django.test import Client

from people.mfa import mfa_required
from people.models import EntryRoute, PersonType, Rank
from people.roles import Role
from tests.factories import DepartmentFactory, UserFactory

pytest_plugins = ["tests.browser"]

PASSWORD = "correct-horse-battery"


@pytest.fixture
def home_department(db):
    return DepartmentFactory(name="Birmingham West NPU")


@pytest.fixture
def other_department(db):
    return DepartmentFactory(name="Coventry NPU")


def verify_second_factor(client, user):
    """Mark a signed-in test client as having passed two-step sign-in."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Test phone", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _user(staff_number, roles=(), **extra):
    return UserFactory(staff_number=staff_number, roles=list(roles), **extra)


@pytest.fixture
def admin_user(db):
    return _user("admin", [Role.ADMIN], is_staff=True, is_superuser=True)


@pytest.fixture
def recruitment_officer(db):
    return _user("recruit", [Role.RECRUITMENT_OFFICER])


@pytest.fixture
def ambassador(db, home_department):
    return _user(
        "ambassador",
        [Role.AMBASSADOR],
        person_type=PersonType.POLICE_OFFICER,
        rank=Rank.CONSTABLE,
        department=home_department,
    )


@pytest.fixture
def positive_action(db):
    return _user("positive", [Role.POSITIVE_ACTION])


@pytest.fixture
def welfare_officer(db):
    return _user("welfare", [Role.WELFARE_OFFICER])


@pytest.fixture
def ra_officer(db):
    return _user("raofficer", [Role.RA_OFFICER])


@pytest.fixture
def dyslexia_assessor(db):
    return _user("assessor", [Role.DYSLEXIA_ASSESSOR])


@pytest.fixture
def moderator(db, home_department):
    return _user(
        "moderator",
        [Role.MODERATOR],
        department=home_department,
        person_type=PersonType.POLICE_OFFICER,
        rank=Rank.CHIEF_INSPECTOR,
    )


@pytest.fixture
def benefits_analyst(db):
    return _user("benefits", [Role.BENEFITS_ANALYST])


@pytest.fixture
def people_analyst(db):
    return _user("analyst", [Role.PEOPLE_ANALYST])


@pytest.fixture
def manager(db, home_department):
    return _user(
        "manager",
        person_type=PersonType.POLICE_OFFICER,
        rank=Rank.SERGEANT,
        department=home_department,
    )


@pytest.fixture
def colleague(db, manager, home_department):
    return _user(
        "colleague",
        person_type=PersonType.POLICE_OFFICER,
        rank=Rank.CONSTABLE,
        department=home_department,
        line_manager=manager,
    )


@pytest.fixture
def student(db, manager, home_department):
    return _user(
        "student",
        person_type=PersonType.POLICE_OFFICER,
        rank=Rank.CONSTABLE,
        department=home_department,
        line_manager=manager,
        entry_route=EntryRoute.PCDA,
        start_date=date(2025, 9, 1),
    )


@pytest.fixture
def outsider(db, other_department):
    """A colleague in another department with no role: should have no access."""
    return _user("outsider", department=other_department)


@pytest.fixture
def cast(
    admin_user,
    recruitment_officer,
    ambassador,
    positive_action,
    welfare_officer,
    ra_officer,
    dyslexia_assessor,
    moderator,
    benefits_analyst,
    people_analyst,
    manager,
    colleague,
    student,
    outsider,
):
    return {
        "admin": admin_user,
        "recruitment_officer": recruitment_officer,
        "ambassador": ambassador,
        "positive_action": positive_action,
        "welfare_officer": welfare_officer,
        "ra_officer": ra_officer,
        "dyslexia_assessor": dyslexia_assessor,
        "moderator": moderator,
        "benefits_analyst": benefits_analyst,
        "people_analyst": people_analyst,
        "manager": manager,
        "colleague": colleague,
        "student": student,
        "outsider": outsider,
    }


@pytest.fixture
def client_for():
    """client_for(user) -> a test client signed in as that user."""

    def make(user):
        client = Client()
        client.force_login(user)
        if mfa_required(user):
            verify_second_factor(client, user)
        return client

    return make


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: admin settings are cached for a minute."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def celery_worker_env():
    """Extra environment for the worker process; override in an app's conftest."""
    return {}


@pytest.fixture
def celery_worker_process(settings, celery_worker_env):
    """A real Celery worker over Redis in a child process, on a queue of its own.

    Yields the queue name; tasks must be sent with `queue=`. Tasks stop running inline for
    the test's duration.
    """
    import os
    import subprocess
    import sys
    import uuid

    from config.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "REDIS_URL": settings.REDIS_URL,
        **celery_worker_env,
    }
    worker = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "warning",
        ],
        env=env,
    )
    app.conf.task_always_eager = False
    try:
        yield queue
    finally:
        app.conf.task_always_eager = True
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
