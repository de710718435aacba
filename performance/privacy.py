"""Subject access for Performance Conversations: a colleague's objectives, check-ins,
year-end reviews, ratings once final (a provisional rating is not yet theirs to see, so it
is left out, as on their own page) and appeals. Nothing here is retention-managed yet:
ratings feed pay progression and fairness figures for years."""

from performance.models import Appeal, CheckIn, Objective, Rating, RatingStatus, YearEndReview


def objectives_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    return [
        {
            "Year": o.year.label,
            "Level": o.get_level_display(),
            "Title": o.title,
            "Description": o.description,
            "Agreed on": o.agreed_on,
        }
        for o in Objective.objects.filter(person=person).select_related("year")
    ]


def conversations_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    check_ins = [
        {"Year": c.year.label, "Check-in on": c.held_on, "Notes": c.notes}
        for c in CheckIn.objects.filter(person=person).select_related("year")
    ]
    reviews = [
        {"Year": r.year.label, "Year-end review on": r.completed_on, "Summary": r.summary}
        for r in YearEndReview.objects.filter(person=person).select_related("year")
    ]
    return check_ins + reviews


def ratings_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    final = Rating.objects.filter(person=person, status=RatingStatus.FINAL)
    return [
        {
            "Year": r.year.label,
            "What": str(r.final_what),
            "How": str(r.final_how),
            "Framework": r.how_framework,
            "Final on": r.finalised_on,
        }
        for r in final.select_related("year", "final_what", "final_how")
    ]


def appeals_for_subject(*, person, email: str = "") -> list[dict]:
    if person is None:
        return []
    return [
        {
            "Year": a.rating.year.label,
            "Grounds": a.grounds,
            "Lodged on": a.lodged_on,
            "Status": a.get_status_display(),
            "Decided on": a.decided_on,
            "Reason": a.decision_reason,
        }
        for a in Appeal.objects.filter(rating__person=person).select_related("rating__year")
    ]


def register() -> None:
    """Plug the providers into core's subject access registry."""
    from core import subject_access

    subject_access.register("Your objectives", objectives_for_subject)
    subject_access.register("Your check-ins and year-end reviews", conversations_for_subject)
    subject_access.register("Your final ratings", ratings_for_subject)
    subject_access.register("Your appeals", appeals_for_subject)
