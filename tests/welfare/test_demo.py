from datetime import date

from people import demo as people_demo
from people.models import User
from welfare import demo, figures
from welfare.models import Outcome, Reg13Case, Resignation, WelfareCase


def test_the_demo_has_the_papers_retention_shape_and_cases_in_every_state(db):
    people_demo.seed()
    demo.seed()
    count = WelfareCase.objects.count()
    demo.seed()  # idempotent
    assert WelfareCase.objects.count() == count >= 30

    rows, total = figures.retention_by_route(
        figures.Cohort(date(2018, 4, 1), date(2022, 2, 28), date(2022, 3, 1))
    )
    assert [(r.label, f"{r.retention}%") for r in rows] == [
        ("IPLDP", "90.8%"),
        ("PCDA", "94.3%"),
        ("DHEP", "94.3%"),
        ("DC DHEP", "100.0%"),
    ]
    assert (total.recruited, total.leavers) == (232, 15)

    outcomes = set(WelfareCase.objects.values_list("outcome", flat=True))
    assert outcomes == {"", *Outcome.values}
    assert WelfareCase.objects.filter(closed_on=None, first_contact_on=None).exists()
    assert WelfareCase.objects.filter(closed_on=None, first_contact_on__isnull=False).exists()
    assert Resignation.objects.filter(withdrawn_on__isnull=False).exists()
    assert Reg13Case.objects.filter(stage="notice").exists()
    assert Reg13Case.objects.filter(stage="action_plan").exists()
    manager, student = (
        User.objects.get(staff_number="manager"),
        User.objects.get(staff_number="student"),
    )
    assert WelfareCase.objects.filter(raised_by=manager, officer=student, closed_on=None).exists()
