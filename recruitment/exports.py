"""Columns for the recruitment lists' CSV and XLSX exports (core.exports). Never equality."""

from core.exports import Column


def _campaigns(eoi) -> str:
    return "; ".join(sorted({s.campaign.name for s in eoi.sources.all() if s.campaign_id}))


EOI_COLUMNS = [
    Column("Received", "received_on"),
    Column("First name", "first_name"),
    Column("Last name", "last_name"),
    Column("Email", "email"),
    Column("Phone", "phone_display"),
    Column("Postcode", "postcode"),
    Column("Route", "get_route_display"),
    Column("Status", "get_status_display"),
    Column("Assigned to", lambda e: e.assigned_to.get_full_name() if e.assigned_to else ""),
    Column("Next action", "next_action"),
    Column("Next action on", "next_action_on"),
    Column("Campaigns", _campaigns),
]

CANDIDATE_COLUMNS = [
    Column("Applied", "applied_on"),
    Column("First name", "eoi.first_name"),
    Column("Last name", "eoi.last_name"),
    Column("Route", "get_route_display"),
    Column("Status", "get_status_display"),
    Column("Conditional offer", "conditional_offer_on"),
    Column("Final offer", "final_offer_on"),
    Column("Intake", "intake.name"),
]
