"""Columns for the performance team and panel lists' CSV and XLSX exports (core.exports)."""

from core.exports import Column


def _level(level) -> str:
    return str(level) if level is not None else ""


def team_columns(ratings: dict) -> list[Column]:
    """The team page's rows: `ratings` is {person id: rating} for the year."""

    def rating(person):
        return ratings.get(person.pk)

    return [
        Column("Staff number", "staff_number"),
        Column("Name", "get_full_name"),
        Column("Individual objectives (of 2)", "individual_objectives"),
        Column("Year-end review", lambda p: "Completed" if p.review_done else "Not yet"),
        Column("Provisional what", lambda p: _level(getattr(rating(p), "provisional_what", None))),
        Column("Provisional how", lambda p: _level(getattr(rating(p), "provisional_how", None))),
        Column("Status", lambda p: rating(p).get_status_display() if rating(p) else "Not rated"),
    ]


def _decision(rating) -> str:
    decision = getattr(rating, "decision", None)
    if decision is None:
        return "Awaiting"
    if decision.changed:
        return f"Changed to {decision.what} / {decision.how}: {decision.reason}"
    return "Confirmed"


PANEL_COLUMNS = [
    Column("Staff number", "person.staff_number"),
    Column("Colleague", "person.get_full_name"),
    Column("Provisional what", lambda r: _level(r.provisional_what)),
    Column("Provisional how", lambda r: _level(r.provisional_how)),
    Column("Panel decision", _decision),
    Column("Appeal", lambda r: r.appeal.get_status_display() if getattr(r, "appeal", None) else ""),
]
