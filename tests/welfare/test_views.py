from datetime import date

import pytest
from django.urls import reverse

from core.audit import reads_of
from people import services as people_services
from people.models import ProbationExtension, User
from tests.utils import build_queries_for, queries_for
from welfare import services
from welfare.models import Reg13Case, Resignation, WelfareCase

from .factories import student_officer

TEAM_PAGES = [
    "welfare:case-list",
    "welfare:overdue",
    "welfare:case-open",
    "welfare:resignation-new",
    "welfare:probation-list",
    "welfare:reg13-list",
    "welfare:reg13-open",
]


@pytest.mark.parametrize("name", TEAM_PAGES)
def test_team_pages_open_for_the_welfare_team(client_for, welfare_officer, case, name):
    assert client_for(welfare_officer).get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", TEAM_PAGES)
@pytest.mark.parametrize("who", ["manager", "colleague", "people_analyst", "recruitment_officer"])
def test_team_pages_are_forbidden_to_other_roles(client_for, cast, name, who):
    assert client_for(cast[who]).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", TEAM_PAGES)
def test_team_pages_send_anonymous_visitors_to_sign_in(client, name):
    assert client.get(reverse(name)).status_code == 302


def test_the_case_list_filters(client_for, welfare_officer, case, manager):
    other = student_officer(line_manager=manager)
    services.resignation_record(actor=welfare_officer, officer=other, submitted_on=date(2026, 2, 2))
    client = client_for(welfare_officer)
    page = client.get(reverse("welfare:case-list"), {"how_opened": "resignation"})
    assert [c.officer for c in page.context["page"]] == [other]
    page = client.get(reverse("welfare:case-list"), {"status": "overdue"})
    assert {c.pk for c in page.context["page"]} == {case.pk, other.welfare_cases.get().pk}
    page = client.get(reverse("welfare:case-list"), {"officer": case.officer.staff_number})
    assert [c.pk for c in page.context["page"]] == [case.pk]


def test_the_case_list_pages_with_a_fixed_query_budget(client_for, welfare_officer):
    client = client_for(welfare_officer)
    url = reverse("welfare:case-list")

    def make(n):
        for _ in range(n):
            officer = student_officer()
            services.welfare_case_open(
                actor=welfare_officer,
                officer=officer,
                how_opened="welfare_team",
                notified_on=date(2026, 1, 5),
                assigned_to=welfare_officer,
            )

    make(3)
    few = queries_for(client, url)
    make(60)
    many = queries_for(client, url)
    assert few == many <= 10
    response = client.get(url)
    assert len(response.context["page"]) == 50 and response.context["page"].has_next
    second = client.get(url, {"after": response.context["page"].next_cursor})
    assert len(second.context["page"]) == 13


def test_overdue_lists_cases_past_their_first_contact_date(client_for, welfare_officer, case):
    response = client_for(welfare_officer).get(reverse("welfare:overdue"))
    assert list(response.context["cases"]) == [case]


def test_a_welfare_officer_opens_a_case(client_for, welfare_officer, on_probation):
    response = client_for(welfare_officer).post(
        reverse("welfare:case-open"),
        {
            "officer": on_probation.staff_number,
            "how_opened": "welfare_team",
            "notified_on": "2026-02-02",
            "concern": "Tutor is worried.",
            "assigned_to": welfare_officer.pk,
        },
    )
    case = WelfareCase.objects.get()
    assert response.status_code == 302 and case.assigned_to == welfare_officer


def test_an_outcome_without_a_closure_date_is_refused_in_the_page(
    client_for, welfare_officer, case
):
    response = client_for(welfare_officer).post(
        reverse("welfare:case-close", args=[case.pk]), {"outcome": "retained", "closed_on": ""}
    )
    assert response.status_code == 200
    assert "Give the closure date" in response.content.decode()
    assert response.context["close_form"].errors["closed_on"]
    case.refresh_from_db()
    assert case.is_open and case.outcome == ""


def test_a_last_day_before_the_submitted_date_is_refused_in_the_page(
    client_for, welfare_officer, on_probation
):
    response = client_for(welfare_officer).post(
        reverse("welfare:resignation-new"),
        {
            "officer": on_probation.staff_number,
            "submitted_on": "2026-03-10",
            "notice_days": 28,
            "last_day": "2026-03-01",
        },
    )
    assert response.status_code == 200
    assert "cannot be before the date the resignation was submitted" in (response.content.decode())
    assert not Resignation.objects.exists() and not WelfareCase.objects.exists()


def test_the_team_records_a_resignation_contact_support_and_closure(
    client_for, welfare_officer, on_probation
):
    client = client_for(welfare_officer)
    client.post(
        reverse("welfare:resignation-new"),
        {
            "officer": on_probation.staff_number,
            "submitted_on": "2026-03-10",
            "notice_days": 28,
            "themes": ["role", "personal"],
        },
    )
    case = WelfareCase.objects.get()
    client.post(
        reverse("welfare:contact-add", args=[case.pk]),
        {"contact_on": "2026-03-11", "kind": "phone", "summary": "Long talk."},
    )
    client.post(
        reverse("welfare:support-record", args=[case.pk]),
        {"kinds": ["posting_change"], "offered_on": "2026-03-11", "version": case.version},
    )
    client.post(
        reverse("welfare:resignation-withdraw", args=[case.pk]), {"withdrawn_on": "2026-03-12"}
    )
    response = client.post(
        reverse("welfare:case-close", args=[case.pk]),
        {"outcome": "retained", "closed_on": "2026-03-13"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.first_contact_on == date(2026, 3, 11) and case.outcome == "retained"
    assert case.support.get().kind == "posting_change"
    detail = client.get(reverse("welfare:case-detail", args=[case.pk])).content.decode()
    assert "Change of posting" in detail and "Withdrawn" in detail


def test_a_line_manager_raises_a_concern_about_their_own_student(client_for, manager, on_probation):
    client = client_for(manager)
    form = client.get(reverse("welfare:concern-raise"))
    assert list(form.context["form"].fields["officer"].queryset) == [on_probation]
    response = client.post(
        reverse("welfare:concern-raise"),
        {"officer": on_probation.pk, "concern": "Keeps talking about quitting."},
    )
    assert response.status_code == 302
    case = WelfareCase.objects.get()
    assert case.raised_by == manager and case.how_opened == "line_manager"


def test_a_line_manager_cannot_raise_a_concern_about_someone_elses_student(
    client_for, manager, on_probation
):
    someone_else = student_officer()
    response = client_for(manager).post(
        reverse("welfare:concern-raise"), {"officer": someone_else.pk, "concern": "x"}
    )
    assert response.status_code == 200 and response.context["form"].errors["officer"]
    assert not WelfareCase.objects.exists()


@pytest.mark.parametrize("name", ["welfare:concern-raise", "welfare:concern-list"])
def test_concern_pages_are_for_line_managers(client_for, cast, client, name):
    assert client_for(cast["colleague"]).get(reverse(name)).status_code == 403
    assert client_for(cast["welfare_officer"]).get(reverse(name)).status_code == 403
    assert client_for(cast["manager"]).get(reverse(name)).status_code == 200
    assert client.get(reverse(name)).status_code == 302


def test_the_concern_list_has_a_fixed_query_budget(client_for, manager):
    client = client_for(manager)
    url = reverse("welfare:concern-list")

    def make(n):
        for _ in range(n):
            services.welfare_concern_raise(
                manager=manager, officer=student_officer(line_manager=manager), concern="x"
            )

    make(2)
    few = queries_for(client, url)
    make(30)
    assert queries_for(client, url) == few <= 10


def test_probation_is_extended_with_a_reason_and_approver_and_then_confirmed(
    client_for, welfare_officer, manager, on_probation
):
    client = client_for(welfare_officer)
    probation = on_probation.probation
    url = reverse("welfare:probation-detail", args=[probation.pk])
    assert client.get(url).status_code == 200
    assert reads_of(probation).count() == 1
    bad = client.post(
        reverse("welfare:probation-extend", args=[probation.pk]),
        {"new_end": "2027-01-01", "reason": "x", "approved_by": "manager", "approved_on": ""},
    )
    assert bad.status_code == 200 and not ProbationExtension.objects.exists()
    client.post(
        reverse("welfare:probation-extend", args=[probation.pk]),
        {
            "new_end": "2029-03-01",
            "reason": "Long-term sickness absence",
            "approved_by": "manager",
            "approved_on": "2026-06-01",
        },
    )
    extension = ProbationExtension.objects.get()
    assert extension.approved_by == manager and extension.previous_end == date(2028, 9, 1)
    client.post(
        reverse("welfare:probation-confirm", args=[probation.pk]), {"confirmed_on": "2026-11-01"}
    )
    probation.refresh_from_db()
    assert probation.confirmed_on == date(2026, 11, 1)


def test_probation_pages_are_404_outside_the_team(client_for, manager, on_probation):
    url = reverse("welfare:probation-detail", args=[on_probation.probation.pk])
    assert client_for(manager).get(url).status_code == 404


def test_the_probation_list_has_a_fixed_query_budget(client_for, welfare_officer):
    client = client_for(welfare_officer)
    url = reverse("welfare:probation-list")
    student_officer()
    few = queries_for(client, url)
    for _ in range(30):
        student_officer(route="pcda")
    assert queries_for(client, url, route="pcda") == few <= 10


def test_a_reg13_case_moves_through_its_stages_in_the_pages(
    client_for, welfare_officer, on_probation, manager
):
    client = client_for(welfare_officer)
    client.post(
        reverse("welfare:reg13-open"),
        {"officer": on_probation.staff_number, "referred_on": "2026-01-05", "grounds": "Exams"},
    )
    reg13 = Reg13Case.objects.get()
    url = reverse("welfare:reg13-detail", args=[reg13.pk])
    skipped = client.post(url, {"stage": "decision", "reached_on": "2026-01-06"})
    assert skipped.status_code == 200 and skipped.context["form"].errors["stage"]
    client.post(url, {"stage": "action_plan", "reached_on": "2026-01-06"})
    reg13.refresh_from_db()
    assert reg13.stage == "action_plan"
    assert client_for(manager).get(url).status_code == 404


@pytest.mark.parametrize("who", ["welfare_officer", "people_analyst", "admin"])
def test_the_dashboard_opens_for_the_team_and_analysts(client_for, cast, who, case):
    response = client_for(cast[who]).get(reverse("welfare:dashboard"))
    assert response.status_code == 200
    assert "Retention of student officers" in response.content.decode()
    assert reads_of(case).count() == 0  # aggregates only


@pytest.mark.parametrize("who", ["manager", "colleague", "recruitment_officer"])
def test_the_dashboard_is_forbidden_to_others(client_for, cast, who):
    assert client_for(cast[who]).get(reverse("welfare:dashboard")).status_code == 403


def test_the_dashboard_takes_a_cohort_range(client_for, welfare_officer):
    student_officer(route="dhep", start_date=date(2024, 9, 2))
    student_officer(route="pcda", start_date=date(2025, 9, 1))
    response = client_for(welfare_officer).get(
        reverse("welfare:dashboard"), {"cohort_from": "2025-01-01", "as_at": "2026-01-01"}
    )
    assert [r.label for r in response.context["retention_rows"]] == ["PCDA"]


def test_menus_and_my_work(client_for, cast, case):
    labels = {
        item.label for item in client_for(cast["welfare_officer"]).get("/").context["nav_items"]
    }
    assert {"Welfare cases", "Probation", "Welfare figures"} <= labels
    work = client_for(cast["welfare_officer"]).get("/").context["work_items"]
    overdue = next(w for w in work if w.title.startswith("Welfare cases overdue"))
    assert overdue.count == 1 and overdue.urgent
    manager_labels = {
        item.label for item in client_for(cast["manager"]).get("/").context["nav_items"]
    }
    assert "Welfare concerns" in manager_labels and "Welfare cases" not in manager_labels


@pytest.mark.parametrize(
    "model",
    [
        "welfarecase",
        "contactlogentry",
        "supportoffered",
        "casetheme",
        "resignation",
        "reg13case",
        "reg13stagerecord",
    ],
)
def test_admin_lists_open_with_search(client_for, admin_user, case, model):
    response = client_for(admin_user).get(f"/admin/welfare/{model}/", {"q": "a"})
    assert response.status_code == 200


def test_opening_a_case_in_admin_is_logged(client_for, admin_user, case):
    response = client_for(admin_user).get(f"/admin/welfare/welfarecase/{case.pk}/change/")
    assert response.status_code == 200
    assert reads_of(case).count() == 1
    assert User.objects.filter(pk=admin_user.pk).exists()


def test_the_contact_log_shows_entries_and_refuses_bad_input(client_for, welfare_officer, case):
    client = client_for(welfare_officer)
    url = reverse("welfare:contact-add", args=[case.pk])
    bad = client.post(
        url, {"contact_on": "31/02/2026", "kind": "phone", "summary": "Call about shifts."}
    )
    assert bad.status_code == 200 and bad.context["contact_form"].errors["contact_on"]
    assert reads_of(case).count() == 1  # the page shown again is a read too
    client.post(url, {"contact_on": "06/01/2026", "kind": "phone", "summary": "Call about shifts."})
    notes = client.get(reverse("welfare:case-notes", args=[case.pk])).content.decode()
    assert "Call about shifts." in notes and "06/01/2026" in notes


def test_overdue_lists_follow_ups_that_have_come_due(client_for, welfare_officer, case):
    services.welfare_contact_record(
        actor=welfare_officer,
        case=case,
        contact_on=date(2026, 1, 6),
        kind="phone",
        summary="Call.",
        follow_up_due=date(2026, 1, 13),
    )
    response = client_for(welfare_officer).get(reverse("welfare:overdue"))
    assert [e.case_id for e in response.context["follow_ups"]] == [case.pk]
    assert list(response.context["cases"]) == []
    services.welfare_contact_record(
        actor=welfare_officer, case=case, contact_on=date(2026, 1, 14), kind="note", summary="."
    )
    response = client_for(welfare_officer).get(reverse("welfare:overdue"))
    assert list(response.context["follow_ups"]) == []


def test_the_probation_list_filters(client_for, welfare_officer, manager):
    extended = student_officer(route="dhep", start_date=date(2025, 1, 6))
    people_services.probation_extend(
        actor=welfare_officer,
        probation=extended.probation,
        new_end=date(2027, 6, 1),
        reason="Maternity leave",
        approved_by=manager,
    )
    student_officer(route="pcda")
    client = client_for(welfare_officer)
    page = client.get(reverse("welfare:probation-list"), {"status": "extended"})
    assert [p.officer for p in page.context["page"]] == [extended]
    page = client.get(reverse("welfare:probation-list"), {"route": "pcda"})
    assert [p.route for p in page.context["page"]] == ["pcda"]


def test_the_dashboard_costs_the_same_at_any_size(client_for, people_analyst, welfare_officer):
    client = client_for(people_analyst)
    url = reverse("welfare:dashboard")

    def make(n):
        for _ in range(n):
            officer = student_officer()
            resignation = services.resignation_record(
                actor=welfare_officer,
                officer=officer,
                submitted_on=date(2026, 2, 2),
                themes=["role"],
            )
            services.welfare_case_close(
                actor=welfare_officer,
                case=resignation.case,
                outcome="resigned",
                closed_on=date(2026, 2, 3),
            )

    make(2)
    few = build_queries_for(client, url)
    make(20)
    assert build_queries_for(client, url) == few <= 15
