from datetime import date, timedelta

from django.urls import reverse

from adjustments import selectors
from adjustments.models import DyslexiaReferral, Passport
from adjustments.permissions import is_assessor, is_ra_officer
from adjustments.services.passports import REMINDER_DAYS
from core.navigation import WorkItem
from people.permissions import is_line_manager


def _own_items(user) -> list[WorkItem]:
    passport = selectors.own_open_passport(user=user)
    urgent = False
    if passport is None:
        detail = "If you have a disability or condition, tell us what helps. Optional."
    else:
        detail = f"{passport.get_status_display()}; review due {passport.review_date:%d/%m/%Y}."
        urgent = passport.status == Passport.Status.ACTIVE and passport.review_date <= (
            date.today() + timedelta(days=REMINDER_DAYS)
        )
    url = reverse("adjustments:my-passport")
    items = [WorkItem("Your adjustment passport", None, url, detail, urgent=urgent)]
    referral = DyslexiaReferral.objects.filter(
        person=user, stage=DyslexiaReferral.Stage.SENT
    ).first()
    if referral is not None:
        items.append(
            WorkItem(
                "Dyslexia self-referral form",
                None,
                reverse("adjustments:referral", args=[referral.pk]),
                detail="Completing it is your choice: tell us if you return it or decline.",
            )
        )
    return items


def _ra_items(user) -> list[WorkItem]:
    waiting = Passport.objects.filter(status=Passport.Status.SUBMITTED).count()
    needs = selectors.joiner_needs_waiting(user=user).count()
    overdue = selectors.overdue(limit=50)
    return [
        WorkItem("Passports waiting to be taken", waiting, reverse("adjustments:queue")),
        WorkItem("Joiners who need an adjustment", needs, reverse("adjustments:needs")),
        WorkItem(
            "Overdue adjustments work",
            overdue.total,
            reverse("adjustments:overdue"),
            urgent=overdue.total > 0,
        ),
    ]


def _assessor_items(user) -> list[WorkItem]:
    waiting = DyslexiaReferral.objects.filter(
        assessor=user,
        stage__in=[
            DyslexiaReferral.Stage.SCREENING_BOOKED,
            DyslexiaReferral.Stage.ASSESSMENT_BOOKED,
        ],
    ).count()
    return [
        WorkItem("Dyslexia screenings and assessments", waiting, reverse("adjustments:referrals"))
    ]


def adjustments_work_for(user) -> list[WorkItem]:
    """The colleague's own passport; the RA officers' queue; an assessor's bookings; the
    passports a manager's team shared with them."""
    items = _own_items(user)
    if is_ra_officer(user):
        items += _ra_items(user)
    if is_assessor(user):
        items += _assessor_items(user)
    if is_line_manager(user):
        shared = selectors.passports_shared_with(manager=user).count()
        items.append(WorkItem("Passports shared with you", shared, reverse("adjustments:team")))
    return items
