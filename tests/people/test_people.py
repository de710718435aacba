from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.equality import Ethnicity
from people import selectors, services
from people.models import EmploymentRecord, PersonType, Rank, User
from tests.factories import UserFactory
from tests.utils import queries_for


def test_a_change_keeps_the_old_values_as_history(colleague, admin_user):
    services.person_change(
        actor=admin_user,
        person=colleague,
        effective=date(2021, 6, 1),
        rank=Rank.SERGEANT,
        reason="Promoted",
    )
    before = selectors.record_as_at(person=colleague, day=date(2021, 5, 31))
    after = selectors.record_as_at(person=colleague, day=date(2021, 6, 1))
    assert (before.rank, after.rank) == (Rank.CONSTABLE, Rank.SERGEANT)
    colleague.refresh_from_db()
    assert colleague.rank == Rank.SERGEANT


def test_a_change_cannot_be_dated_before_the_current_record(colleague, admin_user):
    services.person_change(
        actor=admin_user, person=colleague, effective=date(2021, 6, 1), rank=Rank.SERGEANT
    )
    with pytest.raises(ValidationError):
        services.person_change(
            actor=admin_user, person=colleague, effective=date(2020, 1, 1), rank=Rank.INSPECTOR
        )
    colleague.refresh_from_db()
    assert colleague.rank == Rank.SERGEANT
    assert EmploymentRecord.objects.filter(person=colleague).count() == 2


def test_a_student_officer_gets_probation_by_route(admin_user, home_department):
    pcda = services.student_officer_create(
        actor=admin_user,
        staff_number="S1",
        first_name="Ada",
        last_name="Obi",
        email="",
        route="pcda",
        start_date=date(2024, 9, 2),
        department=home_department,
    )
    dhep = services.student_officer_create(
        actor=admin_user,
        staff_number="S2",
        first_name="Bo",
        last_name="Li",
        email="",
        route="dhep",
        start_date=date(2024, 9, 2),
        department=home_department,
    )
    assert pcda.probation.expected_end == date(2027, 9, 2)
    assert dhep.probation.expected_end == date(2026, 9, 2)
    assert pcda.rank == Rank.CONSTABLE and pcda.person_type == PersonType.POLICE_OFFICER


def test_an_extension_needs_a_later_end(admin_user, manager, home_department):
    officer = services.student_officer_create(
        actor=admin_user,
        staff_number="S3",
        first_name="C",
        last_name="D",
        email="",
        route="dhep",
        start_date=date(2024, 9, 2),
        department=home_department,
    )
    with pytest.raises(ValidationError):
        services.probation_extend(
            actor=admin_user,
            probation=officer.probation,
            new_end=date(2026, 1, 1),
            reason="x",
            approved_by=manager,
        )
    services.probation_extend(
        actor=admin_user,
        probation=officer.probation,
        new_end=date(2027, 3, 1),
        reason="Long-term sickness",
        approved_by=manager,
    )
    officer.probation.refresh_from_db()
    assert officer.probation.expected_end == date(2027, 3, 1)
    assert officer.probation.extensions.get().previous_end == date(2026, 9, 2)


def test_representation_is_computed_as_at_each_first_of_january(admin_user):
    for n, (ethnicity, person_type) in enumerate(
        [
            (Ethnicity.WHITE_BRITISH, PersonType.POLICE_OFFICER),
            (Ethnicity.ASIAN_INDIAN, PersonType.POLICE_OFFICER),
            (Ethnicity.WHITE_BRITISH, PersonType.POLICE_STAFF),
        ]
    ):
        person = UserFactory(
            staff_number=f"R{n}", person_type=person_type, start_date=date(2020, 6, 1)
        )
        services.equality_record(actor=admin_user, person=person, ethnicity=ethnicity)
    late = UserFactory(
        staff_number="R9", person_type=PersonType.POLICE_OFFICER, start_date=date(2021, 6, 1)
    )
    services.equality_record(actor=admin_user, person=late, ethnicity=Ethnicity.BLACK_AFRICAN)
    rows = selectors.representation_by_staff_type(days=[date(2021, 1, 1), date(2022, 1, 1)])
    officers = next(r for r in rows if r["label"] == "Police officer total")
    assert officers["counts"][date(2021, 1, 1)] == (1, 2)
    assert officers["counts"][date(2022, 1, 1)] == (2, 3)
    force = rows[-1]
    assert force["label"] == "Force total" and force["counts"][date(2022, 1, 1)] == (2, 4)


def test_a_line_manager_sees_their_team(client_for, manager, colleague, student):
    response = client_for(manager).get(reverse("people:team"))
    assert response.status_code == 200
    assert {p.pk for p in response.context["page"]} == {colleague.pk, student.pk}


def test_the_team_list_costs_the_same_queries_for_5_or_40(client_for, manager):
    client = client_for(manager)
    for n in range(5):
        UserFactory(staff_number=f"Q{n}", line_manager=manager)
    small = queries_for(client, reverse("people:team"))
    for n in range(5, 40):
        UserFactory(staff_number=f"Q{n}", line_manager=manager)
    assert queries_for(client, reverse("people:team")) == small <= 10


def test_roles_come_with_the_user_and_a_new_role_counts_on_the_next_request(
    colleague, django_assert_num_queries
):
    """The sign-in backend loads the groups in the user's own query (one fewer on every page),
    and loads them afresh each request, so a role given or taken away is not missed."""
    from django.contrib.auth.models import Group

    from people.backends import PeelBackend
    from people.permissions import roles_of
    from people.roles import GROUP_NAMES, Role

    with django_assert_num_queries(1):
        user = PeelBackend().get_user(colleague.pk)
        assert roles_of(user) == frozenset()
    colleague.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[Role.RA_OFFICER])[0])
    with django_assert_num_queries(1):
        assert roles_of(PeelBackend().get_user(colleague.pk)) == {Role.RA_OFFICER}


def test_a_colleague_can_be_seen_by_self_and_manager_only(client_for, manager, colleague, outsider):
    url = reverse("people:person", args=[colleague.staff_number])
    assert client_for(colleague).get(url).status_code == 200
    assert client_for(manager).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404


def test_equality_answers_are_saved_and_optional(client_for, colleague):
    response = client_for(colleague).post(reverse("people:equality"), {"ethnicity": "B_CAR"})
    assert response.status_code == 302
    assert User.objects.get(pk=colleague.pk).equality.ethnicity == "B_CAR"


def test_an_unknown_equality_answer_is_refused_next_to_the_field(client_for, colleague):
    response = client_for(colleague).post(reverse("people:equality"), {"ethnicity": "ZZZ"})
    assert response.status_code == 200
    assert "ethnicity" in response.context["form"].errors
    assert not hasattr(User.objects.get(pk=colleague.pk), "equality")


def test_the_workforce_page_applies_disclosure_control(client_for, people_analyst, admin_user):
    person = UserFactory(
        staff_number="E1", person_type=PersonType.POLICE_OFFICER, start_date=date(2010, 1, 1)
    )
    services.equality_record(actor=admin_user, person=person, ethnicity=Ethnicity.ASIAN_INDIAN)
    response = client_for(people_analyst).get(reverse("people:workforce"), {"year": 2022})
    assert response.status_code == 200
    assert "[c]" in response.content.decode()
