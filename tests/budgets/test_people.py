from datetime import date, timedelta

from django.urls import reverse

from people.models import EmploymentRecord
from tests.factories import UserFactory
from tests.utils import build_queries_for


def test_my_team(cast, client_for, flat):
    manager = cast["manager"]
    flat(
        client_for(manager),
        reverse("people:team"),
        lambda n: UserFactory.create_batch(n, line_manager=manager),
    )


def test_a_colleague_with_a_long_history(cast, client_for, flat):
    person = UserFactory()
    start = date(2000, 1, 1)

    def make(n):
        current = EmploymentRecord.objects.filter(person=person, valid_to__isnull=True).first()
        first = current.valid_from if current else date(2020, 1, 1)
        base = first - timedelta(
            days=30 * (n + EmploymentRecord.objects.filter(person=person).count() + 1)
        )
        for i in range(n):
            EmploymentRecord.objects.create(
                person=person,
                valid_from=max(base, start) + timedelta(days=30 * i),
                valid_to=max(base, start) + timedelta(days=30 * i + 29),
                person_type=person.person_type,
            )

    flat(client_for(cast["admin"]), reverse("people:person", args=[person.staff_number]), make)


def test_api_colleagues(cast, client_for, flat):
    flat(
        client_for(cast["admin"]),
        reverse("v1:colleague-list"),
        lambda n: UserFactory.create_batch(n),
    )


def test_api_a_colleague(cast, client_for, flat):
    person = UserFactory()
    flat(
        client_for(cast["admin"]),
        reverse("v1:colleague-detail", args=[person.staff_number]),
        lambda n: UserFactory.create_batch(n, line_manager=person),
    )


def test_api_me(cast, client_for, flat):
    colleague = cast["colleague"]
    flat(
        client_for(colleague),
        reverse("v1:me"),
        lambda n: UserFactory.create_batch(n, line_manager=colleague),
    )


def test_my_page(cast, client_for, flat):
    colleague = cast["colleague"]
    flat(
        client_for(colleague),
        reverse("people:me"),
        lambda n: UserFactory.create_batch(n, line_manager=colleague),
    )


def test_home_for_a_manager(cast, client_for, flat):
    manager = cast["manager"]
    flat(
        client_for(manager),
        reverse("home"),
        lambda n: UserFactory.create_batch(n, line_manager=manager),
    )


def test_the_workforce_figures(cast, client_for, flat):
    """Built afresh (not from the cache): every year's shares in one query."""
    flat(
        client_for(cast["people_analyst"]),
        reverse("people:workforce"),
        UserFactory.create_batch,
        count=build_queries_for,
    )
