"""Reads for recruitment, each scoped by the user asking. Figures are in `figures.py`."""

from django.db.models import (
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.utils import timezone

from people.permissions import has_role
from people.roles import Role
from recruitment.models import (
    Ambassador,
    Candidate,
    Channel,
    EOISource,
    ExpressionOfInterest,
    Intake,
    StageResult,
    eoi_search_text,
)
from recruitment.permissions import OFFICERS

EOI = ExpressionOfInterest
WHOLE_LIST = (*OFFICERS, Role.POSITIVE_ACTION)


def eois_for(*, user) -> QuerySet[EOI]:
    """The EOIs `user` may see: everything for recruitment officers, positive action
    co-ordinators and admins; for an ambassador only those they captured; otherwise none."""
    qs = EOI.objects.all()
    if has_role(user, *WHOLE_LIST):
        return qs
    if has_role(user, Role.AMBASSADOR):
        mine = EOISource.objects.filter(eoi=OuterRef("pk"), captured_by=user)
        return qs.filter(Exists(mine))
    return qs.none()


def quick_capture_source(*, user, zone) -> dict:
    """Where an EOI captured on the quick capture page (or the phone's API) came from, as
    `services.eoi_create`'s source arguments: at an event the zone says where; otherwise an
    ambassador on duty is the channel."""
    ambassador = Ambassador.objects.filter(person=user, active=True).first()
    if zone is not None:
        channel = Channel.EVENT
    elif ambassador or has_role(user, Role.AMBASSADOR):
        channel = Channel.AMBASSADOR
    else:
        channel = Channel.OTHER
    return {"channel": channel, "zone": zone, "ambassador": ambassador}


def eoi_list(*, user) -> QuerySet[EOI]:
    """Open and closed EOIs (not those merged into another) with what a list row shows."""
    return (
        eois_for(user=user)
        .filter(merged_into__isnull=True)
        .select_related("assigned_to")
        .prefetch_related(
            Prefetch(
                "sources",
                queryset=EOISource.objects.select_related("campaign", "zone").order_by(
                    "captured_on", "id"
                ),
            )
        )
    )


def eoi_detail(*, user, pk: int) -> EOI:
    """One EOI in the user's scope (raises EOI.DoesNotExist otherwise)."""
    return (
        eois_for(user=user)
        # The candidate (reverse one-to-one) in the same query: the page always asks for it.
        .select_related("assigned_to", "captured_by", "merged_into", "candidate")
        .prefetch_related(
            Prefetch(
                "sources",
                queryset=EOISource.objects.select_related(
                    "campaign", "zone", "ambassador__person", "captured_by"
                ),
            )
        )
        .get(pk=pk)
    )


def overdue_for(*, user) -> QuerySet[EOI]:
    """Open EOIs whose next action date has passed."""
    return eoi_list(user=user).filter(
        next_action_on__lt=timezone.localdate(),
        status__in=[EOI.Status.NEW, EOI.Status.CONTACTED, EOI.Status.APPLYING],
    )


EOI_ORDER = ("-received_on", "-id")
# A search's results in the same order, by an expression no index holds (the day received,
# plus nothing). Ordered by the indexed `received_on`, PostgreSQL may walk the whole list
# newest first hoping to meet 50 matches: 3 s at 1,000,000 EOIs for a name nobody has.
# Ordered by this, it finds the matches through the trigram indexes and sorts them.
SEARCH_ORDER = ("-search_received_on", "-id")


def search_eois(queryset: QuerySet[EOI], text: str) -> QuerySet[EOI]:
    """EOIs whose name or email contains `text` (any case), whose phone contains its digits,
    or whose postcode is `text`: the EOI list's search box and the admin's. Indexed at scale
    (recruitment.models.eoi_search_text); page them in `eoi_order(queryset)`."""
    text = text.strip()
    match = Q(search_text__contains=text.upper())
    digits = text.replace(" ", "").lstrip("+0")
    if digits.isdigit() and len(digits) >= 3:  # part of a phone number
        match |= Q(phone__contains=digits)
    if len(text) <= 8:  # a postcode, "B44 6WU"
        match |= Q(postcode__iexact=text)
    return (
        queryset.alias(search_text=eoi_search_text())
        .filter(match)
        .annotate(
            search_received_on=ExpressionWrapper(
                F("received_on") + Value(0), output_field=DateField()
            )
        )
    )


def eoi_order(queryset: QuerySet[EOI]) -> tuple[str, ...]:
    """The keyset order of a list of EOIs: newest received first, searched or not."""
    return SEARCH_ORDER if "search_received_on" in queryset.query.annotations else EOI_ORDER


def duplicates_of(*, eoi: EOI) -> QuerySet[EOI]:
    """Other unmerged EOIs that look like the same person: same email, same phone, or same
    name and postcode."""
    match = Q(first_name__iexact=eoi.first_name, last_name__iexact=eoi.last_name) & Q(
        postcode=eoi.postcode
    )
    if eoi.email:
        match |= Q(email=eoi.email)
    if eoi.phone:
        match |= Q(phone=eoi.phone)
    return (
        EOI.objects.filter(match, merged_into__isnull=True)
        .exclude(pk=eoi.pk)
        .order_by("created_at", "id")
    )


def candidates_for(*, user) -> QuerySet[Candidate]:
    """Candidates in the pipeline, for those who may see the whole EOI list."""
    if not has_role(user, *WHOLE_LIST):
        return Candidate.objects.none()
    return Candidate.objects.select_related("eoi", "intake")


def candidate_results(*, candidate: Candidate) -> QuerySet[StageResult]:
    return candidate.results.select_related("stage", "recorded_by")


def intakes() -> QuerySet[Intake]:
    """Intake cohorts with how many are placed in each and how many have started."""
    return Intake.objects.annotate(
        placed=Count("candidates"),
        started=Count("candidates", filter=Q(candidates__status=Candidate.Status.STARTED)),
    )
