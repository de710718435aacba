"""Recruitment: campaigns and their zones, ambassadors, expressions of interest (EOIs) with every
source that produced them, the pipeline after application, intakes and positive action.

Equality monitoring given with an EOI lives in `EOIEquality`, one-to-one and apart from the EOI:
nothing a recruitment officer sees when deciding on a candidate reads it.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone

from core.equality import Disability, Ethnicity, Religion, Sex, SexualOrientation
from core.models import BaseModel, VersionedModel
from people.models import EntryRoute
from recruitment.validation import format_phone


class Channel(models.TextChoices):
    EVENT = "event", "Event"
    AMBASSADOR = "ambassador", "Ambassador"
    WEB = "web", "Web"
    SOCIAL = "social", "Social media campaign"
    SCHOOL = "school", "School academy"
    OTHER = "other", "Other"


class Campaign(BaseModel):
    """A recruitment campaign or event (e.g. a six-day stall at a shopping centre)."""

    name = models.CharField(max_length=160, unique=True)
    channel = models.CharField(max_length=12, choices=Channel.choices, default=Channel.EVENT)
    starts_on = models.DateField()
    ends_on = models.DateField()
    place = models.CharField(max_length=200, blank=True)
    target_routes = models.JSONField(
        default=list, blank=True, help_text='Entry routes aimed at, e.g. ["pcda", "dhep"].'
    )
    cost = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="campaign_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(cost__gte=0), name="campaign_cost_not_negative"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The campaign cannot end before it starts."})
        unknown = set(self.target_routes or []) - set(EntryRoute.values)
        if unknown:
            raise ValidationError(
                {"target_routes": f"Unknown routes: {', '.join(sorted(unknown))}."}
            )


class Zone(BaseModel):
    class Kind(models.TextChoices):
        RECRUITMENT = "recruitment", "Recruitment zone"
        ENGAGEMENT = "engagement", "Engagement zone"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="zones")
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=12, choices=Kind.choices)

    class Meta:
        ordering = ["campaign", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "name"], name="zone_unique_per_campaign")
        ]

    def __str__(self):
        return f"{self.campaign}: {self.name}"


class Ambassador(BaseModel):
    """A colleague enrolled as a recruitment ambassador after an induction."""

    person = models.OneToOneField(
        "people.User", on_delete=models.CASCADE, related_name="ambassador"
    )
    inducted_on = models.DateField()
    trainer = models.CharField(max_length=160)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["person__last_name", "person__first_name", "id"]

    def __str__(self):
        return f"Ambassador {self.person.get_full_name()}"


def eoi_search_text(prefix: str = ""):
    """What the EOI search box matches, upper-cased: first name, last name and email in one
    string (so "Ann Smith" finds Ann Smith). The same expression is indexed with trigrams
    (`eoi_search_trgm`), which turns a search at 1,000,000 EOIs from a full scan (6 s) into an
    index lookup; the filter must use exactly this expression for PostgreSQL to use it."""
    return Upper(
        Concat(
            f"{prefix}first_name",
            Value(" "),
            f"{prefix}last_name",
            Value(" "),
            f"{prefix}email",
            output_field=models.CharField(),
        )
    )


class ExpressionOfInterest(BaseModel, VersionedModel):
    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        APPLYING = "applying", "Applying"
        APPLIED = "applied", "Applied"
        CLOSED = "closed", "Closed"

    class ClosedReason(models.TextChoices):
        NOT_ELIGIBLE = "not_eligible", "Not eligible"
        NO_RESPONSE = "no_response", "No response"
        WITHDRAWN = "withdrawn", "Withdrawn"
        DUPLICATE = "duplicate", "Duplicate (merged)"

    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=20, blank=True, help_text="UK number, stored as +44...")
    postcode = models.CharField(max_length=8, help_text="UK postcode, stored as 'B42 1AA'.")
    route = models.CharField(max_length=12, choices=EntryRoute.choices)
    other_routes = models.JSONField(default=list, blank=True)
    over_17 = models.BooleanField(null=True, blank=True, verbose_name="Aged 17 or over")
    right_to_work = models.BooleanField(
        null=True, blank=True, verbose_name="Right to live and work in the UK without restriction"
    )
    lived_in_uk_3_years = models.BooleanField(
        null=True, blank=True, verbose_name="Lived in the UK for the last 3 years"
    )
    has_degree = models.BooleanField(null=True, blank=True, verbose_name="Holds a degree")
    consent_to_contact = models.BooleanField()
    received_on = models.DateField(help_text="The day the first source captured it.")
    captured_by = models.ForeignKey(
        "people.User", on_delete=models.PROTECT, related_name="eois_captured"
    )
    assigned_to = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eois_assigned",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    closed_reason = models.CharField(max_length=14, choices=ClosedReason.choices, blank=True)
    next_action = models.CharField(max_length=200, blank=True)
    next_action_on = models.DateField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )

    class Meta:
        verbose_name = "expression of interest"
        verbose_name_plural = "expressions of interest"
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["-received_on", "-id"], name="eoi_list_order"),
            models.Index(fields=["status", "next_action_on"], name="eoi_status_next"),
            models.Index(fields=["email"], name="eoi_email"),
            models.Index(fields=["phone"], name="eoi_phone"),
            # Duplicates: same name (any case) and postcode. Search: a postcode, any case.
            models.Index(F("postcode"), Upper("last_name"), name="eoi_postcode_name"),
            models.Index(Upper("postcode"), name="eoi_postcode_upper"),
            # Search: any part of a name or email, or of a phone number (pg_trgm).
            GinIndex(OpClass(eoi_search_text(), name="gin_trgm_ops"), name="eoi_search_trgm"),
            GinIndex(OpClass("phone", name="gin_trgm_ops"), name="eoi_phone_trgm"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(consent_to_contact=True), name="eoi_consent_given"),
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="eoi_has_email_or_phone"
            ),
            models.CheckConstraint(
                condition=(Q(status="closed") & ~Q(closed_reason=""))
                | (~Q(status="closed") & Q(closed_reason="")),
                name="eoi_closed_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(closed_reason="duplicate"),
                name="eoi_merged_is_closed_duplicate",
            ),
        ]

    def __str__(self):
        return f"EOI {self.pk}: {self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def is_overdue(self) -> bool:
        open_statuses = (self.Status.NEW, self.Status.CONTACTED, self.Status.APPLYING)
        return bool(
            self.next_action_on
            and self.status in open_statuses
            and self.next_action_on < timezone.localdate()
        )

    def clean(self):
        if not self.consent_to_contact:
            raise ValidationError(
                {"consent_to_contact": "We can only keep these details with consent to contact."}
            )
        if not self.email and not self.phone:
            raise ValidationError({"phone": "Give a phone number or an email address."})
        if self.status == self.Status.CLOSED and not self.closed_reason:
            raise ValidationError({"closed_reason": "Say why the EOI is closed."})
        if self.status != self.Status.CLOSED and self.closed_reason:
            raise ValidationError({"closed_reason": "Only a closed EOI has a closed reason."})


class EOISource(BaseModel):
    """One capture of an EOI: the channel, campaign, zone and ambassador that produced it.

    An EOI has one source when captured; merging a duplicate moves the duplicate's sources onto
    the EOI it is merged into, so every source keeps counting in the figures.
    """

    eoi = models.ForeignKey(ExpressionOfInterest, on_delete=models.CASCADE, related_name="sources")
    channel = models.CharField(max_length=12, choices=Channel.choices)
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="sources"
    )
    zone = models.ForeignKey(
        Zone, null=True, blank=True, on_delete=models.PROTECT, related_name="sources"
    )
    ambassador = models.ForeignKey(
        Ambassador, null=True, blank=True, on_delete=models.PROTECT, related_name="sources"
    )
    captured_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    captured_on = models.DateField()

    class Meta:
        ordering = ["captured_on", "id"]
        indexes = [
            models.Index(fields=["captured_on", "channel"], name="eoisource_when_channel"),
            models.Index(fields=["captured_by", "eoi"], name="eoisource_by_eoi"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(zone__isnull=True) | Q(campaign__isnull=False),
                name="eoisource_zone_needs_campaign",
            )
        ]

    def __str__(self):
        return f"{self.get_channel_display()} source of EOI {self.eoi_id}"

    def clean(self):
        if self.zone_id and self.zone.campaign_id != self.campaign_id:
            raise ValidationError({"zone": "This zone belongs to another campaign."})


class EOIEquality(BaseModel):
    """Self-declared equality monitoring given with an EOI: optional, special category, kept
    apart from the EOI and only ever read in aggregate under disclosure control."""

    eoi = models.OneToOneField(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="equality"
    )
    sex = models.CharField(max_length=3, choices=Sex.choices, blank=True)
    ethnicity = models.CharField(max_length=5, choices=Ethnicity.choices, blank=True)
    disability = models.CharField(max_length=3, choices=Disability.choices, blank=True)
    sexual_orientation = models.CharField(
        max_length=8, choices=SexualOrientation.choices, blank=True
    )
    religion = models.CharField(max_length=10, choices=Religion.choices, blank=True)

    class Meta:
        verbose_name = "EOI equality monitoring record"
        indexes = [models.Index(fields=["ethnicity"]), models.Index(fields=["sex"])]

    def __str__(self):
        return f"Equality monitoring for EOI {self.eoi_id}"


class ContactLog(BaseModel):
    class Method(models.TextChoices):
        PHONE = "phone", "Phone"
        EMAIL = "email", "Email"
        TEXT = "text", "Text message"
        IN_PERSON = "in_person", "In person"

    eoi = models.ForeignKey(ExpressionOfInterest, on_delete=models.CASCADE, related_name="contacts")
    officer = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    contacted_at = models.DateTimeField()
    method = models.CharField(max_length=10, choices=Method.choices)
    note = models.TextField()

    class Meta:
        ordering = ["-contacted_at", "-id"]

    def __str__(self):
        return f"{self.get_method_display()} contact on EOI {self.eoi_id}"


class PipelineStage(BaseModel):
    """One step after application for a route (sift, assessment centre, fitness, vetting...).

    Admin-editable and ordered; vetting and medical keep only an outcome (`scored` off)."""

    route = models.CharField(max_length=12, choices=EntryRoute.choices)
    name = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField()
    scored = models.BooleanField(default=False, help_text="Results at this stage carry a score.")
    active = models.BooleanField(default=True)

    class Meta:
        # No unique order: admins reorder by editing numbers in the list, one row at a time.
        ordering = ["route", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["route", "name"], name="stage_unique_name"),
        ]

    def __str__(self):
        return f"{self.get_route_display()} {self.order}. {self.name}"


class Intake(BaseModel):
    """A cohort starting on one date on one route."""

    name = models.CharField(max_length=120, unique=True)
    route = models.CharField(max_length=12, choices=EntryRoute.choices)
    start_date = models.DateField()
    capacity = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "route"]
        constraints = [
            models.UniqueConstraint(fields=["route", "start_date"], name="intake_unique_route_day")
        ]

    def __str__(self):
        return self.name


class Candidate(BaseModel):
    """An applicant in the pipeline: from application to starting in an intake."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        CONDITIONAL_OFFER = "conditional", "Conditional offer"
        FINAL_OFFER = "final", "Final offer"
        STARTED = "started", "Started"
        UNSUCCESSFUL = "unsuccessful", "Unsuccessful"
        WITHDRAWN = "withdrawn", "Withdrawn"

    eoi = models.OneToOneField(
        ExpressionOfInterest, on_delete=models.PROTECT, related_name="candidate"
    )
    route = models.CharField(max_length=12, choices=EntryRoute.choices)
    applied_on = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    conditional_offer_on = models.DateField(null=True, blank=True)
    final_offer_on = models.DateField(null=True, blank=True)
    intake = models.ForeignKey(
        Intake, null=True, blank=True, on_delete=models.PROTECT, related_name="candidates"
    )
    colleague = models.OneToOneField(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recruitment_candidate",
    )

    class Meta:
        ordering = ["-applied_on", "-id"]
        indexes = [models.Index(fields=["route", "status"], name="candidate_route_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(final_offer_on__isnull=True) | Q(conditional_offer_on__isnull=False),
                name="candidate_final_after_conditional",
            ),
            models.CheckConstraint(
                condition=~Q(status="started") | Q(colleague__isnull=False, intake__isnull=False),
                name="candidate_started_has_colleague",
            ),
        ]

    def __str__(self):
        return f"Candidate {self.pk}: {self.eoi.full_name}"


class StageResult(BaseModel):
    class Result(models.TextChoices):
        PASS = "pass", "Pass"
        FAIL = "fail", "Fail"
        WITHDRAWN = "withdrawn", "Withdrawn"
        NO_SHOW = "no_show", "No show"
        DEFERRED = "deferred", "Deferred"

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="results")
    stage = models.ForeignKey(PipelineStage, on_delete=models.PROTECT, related_name="results")
    result = models.CharField(max_length=10, choices=Result.choices)
    score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    recorded_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    recorded_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["stage__order", "recorded_on", "id"]
        indexes = [models.Index(fields=["stage", "result"], name="stageresult_stage_result")]

    def __str__(self):
        return f"{self.stage.name}: {self.get_result_display()}"

    def clean(self):
        if self.stage_id and self.candidate_id and self.stage.route != self.candidate.route:
            raise ValidationError({"stage": "This stage belongs to another route."})
        if self.score is not None and self.stage_id and not self.stage.scored:
            raise ValidationError({"score": "This stage records an outcome only, not a score."})


class PositiveActionSupport(BaseModel):
    """Support under s158 for someone from an under-represented group (coaching and so on)."""

    class Kind(models.TextChoices):
        COACHING = "coaching", "Coaching"
        FAMILIARISATION = "familiarisation", "Familiarisation"
        BUDDY = "buddy", "Buddy"
        FITNESS = "fitness", "Fitness test practice"
        OTHER = "other", "Other"

    eoi = models.ForeignKey(ExpressionOfInterest, on_delete=models.CASCADE, related_name="support")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    given_on = models.DateField()
    given_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    group = models.CharField(
        max_length=120, help_text="The under-represented group the support is offered to."
    )
    notes = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "positive action support"
        ordering = ["-given_on", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} for EOI {self.eoi_id}"


class Characteristic(models.TextChoices):
    ETHNICITY = "ethnicity", "Ethnicity"
    SEX = "sex", "Sex"
    DISABILITY = "disability", "Disability"
    SEXUAL_ORIENTATION = "sexual_orientation", "Sexual orientation"
    RELIGION = "religion", "Religion or belief"
    OTHER = "other", "Other protected characteristic"


class TieBreakDecision(BaseModel):
    """An s159 decision: between equally scored candidates, one from an under-represented group
    is preferred (e.g. scheduled first). Case by case, with evidence; never between unequal
    scores (the service refuses those)."""

    stage = models.ForeignKey(PipelineStage, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(max_digits=6, decimal_places=2)
    preferred = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    characteristic = models.CharField(max_length=20, choices=Characteristic.choices)
    evidence = models.TextField(help_text="The evidence that the group is under-represented.")
    reason = models.TextField()
    decided_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField()

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = "s159 tie-break decision"

    def __str__(self):
        return f"Tie-break {self.pk} at {self.stage}"


class TieBreakCandidate(models.Model):
    """A candidate considered in a tie-break, with the score they had at that stage."""

    decision = models.ForeignKey(
        TieBreakDecision, on_delete=models.CASCADE, related_name="considered"
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(max_digits=6, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "candidate"], name="tiebreak_candidate_once"
            )
        ]

    def __str__(self):
        return f"Candidate {self.candidate_id} at {self.score}"
