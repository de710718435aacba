from decimal import Decimal

from people import demo as people_demo
from people.models import User
from programmes import demo, selectors
from programmes.models import Benefit, BenefitsReview, ProfileLine


def test_demo_reproduces_tables_1_and_2_and_loads_once(db):
    people_demo.seed()
    demo.seed()
    counts = (Benefit.objects.count(), ProfileLine.objects.count(), BenefitsReview.objects.count())
    demo.seed()
    assert (
        Benefit.objects.count(),
        ProfileLine.objects.count(),
        BenefitsReview.objects.count(),
    ) == counts
    assert counts[2] == 2
    analyst = User.objects.get(staff_number="benefits")
    table = selectors.table_1(user=analyst, first_year="FY22/23", last_year="FY26/27")
    assert table["total"] == {
        "capital": Decimal("112578963"),
        "one_off_costs": Decimal("23210189"),
        "cashable_benefits": Decimal("-37153306"),
        "recurring_costs": Decimal("37907899"),
        "non_cashable_benefits": Decimal("-135309320"),
        "total": Decimal("1234425"),
    }
    assert selectors.table_2(user=analyst)["total"]["total"] == Decimal("-468.28")
    latest, earlier = BenefitsReview.objects.order_by("-as_at")
    assert Decimal(latest.data["table_1"]["total"]["total"]) == Decimal("1234425")
    comparison = selectors.review_compare(a=earlier, b=latest)
    assert comparison["changed"] > 5
    assert comparison["table_1"][-1]["change"] == Decimal("-4500000")
