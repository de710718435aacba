from django.urls import reverse

from core.navigation import WorkItem
from programmes.models import BenefitStatus
from programmes.permissions import may_change
from programmes.selectors import my_work_counts


def programmes_work_for(user) -> list[WorkItem]:
    """A benefits analyst's queue: benefits still to be validated or baselined (one query)."""
    if not may_change(user):
        return []
    count = my_work_counts()
    if not count:
        return []
    url = reverse("programmes:benefit-list")
    return [
        WorkItem(
            "Benefits to validate or baseline",
            count,
            f"{url}?status={BenefitStatus.IDENTIFIED}",
            detail="Identified or validated benefits without an approved baseline.",
        )
    ]
