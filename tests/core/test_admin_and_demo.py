import pytest
from django.core.management import call_command
from django.urls import reverse

from people.models import User


@pytest.mark.parametrize(
    "model",
    [
        "people/user",
        "people/department",
        "people/employmentrecord",
        "people/probation",
        "people/equalitymonitoring",
        "core/setting",
    ],
)
def test_admin_lists_open_with_search(client_for, admin_user, model):
    response = client_for(admin_user).get(f"/admin/{model}/", {"q": "a"})
    assert response.status_code == 200


def test_admin_is_not_for_ordinary_colleagues(client_for, colleague):
    response = client_for(colleague).get("/admin/people/user/")
    assert response.status_code == 302  # to the admin sign-in


def test_demo_data_loads_twice_without_duplicates(db, client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    count = User.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert User.objects.count() == count > 300
    signed_in = client.post(reverse("login"), {"username": "manager", "password": "peel-demo-2026"})
    assert signed_in.status_code == 302
    response = client.get(reverse("home"))
    assert response.status_code == 200
