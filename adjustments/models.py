from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from core.attachments import Attachment
from core.models import BaseModel, VersionedModel


class JoinerNeed(BaseModel):
    """A joiner told recruitment they need an adjustment: the hand-off into the RA officers'
    queue (board paper §47). Created by recruitment through `joiner_need_record`."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        PASSPORT_OPENED = "passport_opened", "Passport opened"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=160)
    email = models.EmailField(blank=True)
    person = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="joiner_needs",
        help_text="The colleague, once they have started.",
    )
    expected_start = models.DateField(null=True, blank=True)
    details = models.TextField(help_text="What the joiner said they need, in their words.")
    source = models.CharField(max_length=120, help_text="Where it came from, e.g. 'EOI 123'.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    acknowledged_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at", "id"])]
        constraints = [
            models.UniqueConstraint(fields=["source"], name="joiner_need_one_per_source"),
            models.CheckConstraint(
                condition=Q(status="new") | Q(acknowledged_at__isnull=False),
                name="joiner_need_acknowledged_has_time",
            ),
        ]

    def __str__(self):
        return f"Adjustment need from {self.source}"


class Passport(BaseModel, VersionedModel):
    """A colleague's Reasonable Adjustment Passport (board paper §47). It belongs to the
    colleague and moves with them; this row is the working copy, each submission is kept as a
    PassportVersion."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted to the RA officers"
        IN_REVIEW = "in_review", "With an RA officer"
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    class Visibility(models.TextChoices):
        VISIBLE = "visible", "Visible"
        INVISIBLE = "invisible", "Invisible"
        BOTH = "both", "Both visible and invisible"
        NOT_SAID = "not_said", "I would rather not say"

    OPEN_STATUSES = [Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.ACTIVE]

    owner = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="passports")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    submitted_version = models.PositiveIntegerField(
        default=0, help_text="Submitted versions so far."
    )
    about_me = models.TextField("About me", blank=True)
    conditions = models.TextField(
        blank=True, help_text="In your own words. You do not need a diagnosis."
    )
    conditions_visibility = models.CharField(
        "Are your conditions visible or invisible?",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.NOT_SAID,
    )
    impact = models.TextField("How it affects you at work", blank=True)
    good_day = models.TextField("A good day looks like", blank=True)
    bad_day = models.TextField("A bad day looks like", blank=True)
    advice_occupational_health = models.BooleanField(
        "Advice sought from occupational health", default=False
    )
    advice_access_to_work = models.BooleanField("Advice sought from Access to Work", default=False)
    advice_notes = models.TextField("Advice received", blank=True)
    section_4_1 = models.TextField("Section 4.1: line manager's comments", blank=True)
    section_4_1_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    section_4_1_at = models.DateTimeField(null=True, blank=True)
    ra_officer = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="passports_handled",
    )
    recommendations = models.TextField("RA officer's recommendations", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    review_date = models.DateField(help_text="6 months after it starts, then yearly.")
    reviews_held = models.PositiveIntegerField(default=0)
    review_reminder_sent_on = models.DateField(null=True, blank=True)
    joiner_need = models.OneToOneField(
        JoinerNeed, null=True, blank=True, on_delete=models.SET_NULL, related_name="passport"
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["status", "submitted_at", "id"]),
            models.Index(fields=["status", "review_date"]),
            # The RA officers' queue: three statuses, newest submitted first (keyset order).
            models.Index(fields=["-submitted_at", "-id"], name="passport_queue_order"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=~Q(status="closed"),
                name="passport_one_open_per_colleague",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(status="closed") | Q(submitted_at__isnull=False),
                name="passport_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["in_review", "active"]) | Q(ra_officer__isnull=False),
                name="passport_taken_has_officer",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="passport_closed_has_time",
            ),
        ]

    def __str__(self):
        return f"Adjustment passport {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED


SNAPSHOT_FIELDS = [
    "about_me",
    "conditions",
    "conditions_visibility",
    "impact",
    "good_day",
    "bad_day",
    "advice_occupational_health",
    "advice_access_to_work",
    "advice_notes",
    "section_4_1",
    "recommendations",
]


class PassportVersion(BaseModel):
    """The passport as it was submitted: kept unchanged so earlier versions can be read."""

    passport = models.ForeignKey(Passport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    submitted_by = models.ForeignKey(
        "people.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["passport", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["passport", "number"], name="passport_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="passport_version_from_one"),
        ]

    def __str__(self):
        return f"Version {self.number} of passport {self.passport_id}"


class PassportEvent(models.Model):
    """One line of the timeline shown on the passport page."""

    passport = models.ForeignKey(Passport, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=60)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["passport", "at", "id"]

    def __str__(self):
        return self.text


class ManagerConsent(BaseModel):
    """The colleague lets one named manager see their passport. Access also needs that
    manager to be the colleague's *current* line manager, without a different manager in
    between (see adjustments.permissions.live_consents)."""

    passport = models.ForeignKey(Passport, on_delete=models.CASCADE, related_name="consents")
    manager = models.ForeignKey("people.User", on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField()
    given_on = models.DateField(help_text="The day consent was given (compared with history).")
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["passport", "-given_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["passport", "manager"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_one_live_per_manager",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("given_at")),
                name="consent_withdrawn_after_given",
            ),
        ]

    def __str__(self):
        return f"Consent for manager {self.manager_id} on passport {self.passport_id}"


class Adjustment(BaseModel):
    """One change asked for in a passport, tracked from request to in place (and end)."""

    class Kind(models.TextChoices):
        EQUIPMENT = "equipment", "Equipment"
        SOFTWARE = "software", "Software"
        HOURS = "hours", "Hours"
        DUTIES = "duties", "Duties"
        ENVIRONMENT = "environment", "Environment"
        TRAINING = "training", "Training"
        OTHER = "other", "Other"

    class Funder(models.TextChoices):
        FORCE = "force", "Force"
        ACCESS_TO_WORK = "access_to_work", "Access to Work"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        AGREED = "agreed", "Agreed"
        DECLINED = "declined", "Declined"
        IN_PLACE = "in_place", "In place"
        ENDED = "ended", "Ended"

    class DeclineCategory(models.TextChoices):
        NOT_REASONABLE = "not_reasonable", "Not reasonable (cost or practicality)"
        NOT_EFFECTIVE = "not_effective", "Would not remove the disadvantage"
        ALTERNATIVE = "alternative", "An alternative was agreed instead"
        OPERATIONAL = "operational", "Operational requirement of the role"
        OTHER = "other", "Other"

    passport = models.ForeignKey(Passport, on_delete=models.CASCADE, related_name="adjustments")
    description = models.CharField(max_length=300)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    cost = models.DecimalField(
        max_digits=9, decimal_places=2, default=Decimal("0"), help_text="In pounds."
    )
    funder = models.CharField(max_length=16, choices=Funder.choices, default=Funder.FORCE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_on = models.DateField()
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_category = models.CharField(max_length=16, choices=DeclineCategory.choices, blank=True)
    decline_reason = models.TextField(blank=True)
    in_place_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["passport", "requested_on", "id"]
        indexes = [models.Index(fields=["status", "requested_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(cost__gte=0), name="adjustment_cost_not_negative"),
            models.CheckConstraint(
                condition=~Q(status="declined") | (~Q(decline_reason="") & ~Q(decline_category="")),
                name="adjustment_decline_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(status="requested") | Q(decided_on__isnull=False),
                name="adjustment_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["in_place", "ended"]) | Q(in_place_on__isnull=False),
                name="adjustment_in_place_has_date",
            ),
            models.CheckConstraint(
                condition=Q(in_place_on__isnull=True) | Q(in_place_on__gte=F("requested_on")),
                name="adjustment_in_place_after_request",
            ),
            models.CheckConstraint(
                condition=~Q(status="ended") | Q(ended_on__isnull=False),
                name="adjustment_ended_has_date",
            ),
        ]

    def __str__(self):
        return self.description

    @property
    def days_to_in_place(self) -> int | None:
        if self.in_place_on is None:
            return None
        return (self.in_place_on - self.requested_on).days

    def clean(self):
        if self.cost is not None and self.cost < 0:
            raise ValidationError(
                {"cost": "The cost cannot be negative: give it in pounds, 0 or more."}
            )
        if self.requested_on and self.requested_on > date.today():
            raise ValidationError({"requested_on": "The request date cannot be in the future."})


class AccessToWork(BaseModel):
    """An Access to Work application (board paper §46): a government grant the colleague
    applies for; it assesses the workplace and funds support; the employer may pay a share."""

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        ASSESSED = "assessed", "Workplace assessed"
        AWARDED = "awarded", "Awarded"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    passport = models.ForeignKey(Passport, on_delete=models.CASCADE, related_name="access_to_work")
    reference = models.CharField(
        "Access to Work reference", max_length=40, blank=True, db_index=True
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.APPLIED)
    applied_on = models.DateField()
    assessment_on = models.DateField("Workplace assessment on", null=True, blank=True)
    assessment_notes = models.TextField("What the assessment recommended", blank=True)
    award_amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    award_on = models.DateField(null=True, blank=True)
    employer_share = models.DecimalField(
        max_digits=9, decimal_places=2, default=Decimal("0"), help_text="What the force pays."
    )
    review_on = models.DateField("Award review date", null=True, blank=True)

    class Meta:
        verbose_name = "Access to Work application"
        ordering = ["passport", "-applied_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(award_amount__isnull=True) | ~Q(reference=""),
                name="atw_award_needs_reference",
            ),
            models.CheckConstraint(
                condition=Q(award_amount__isnull=True) | Q(award_amount__gte=0),
                name="atw_award_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(employer_share__gte=0), name="atw_employer_share_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(status="awarded")
                | (Q(award_amount__isnull=False) & Q(award_on__isnull=False)),
                name="atw_awarded_has_amount_and_date",
            ),
            models.CheckConstraint(
                condition=Q(award_on__isnull=True) | Q(award_on__gte=F("applied_on")),
                name="atw_award_after_application",
            ),
            models.CheckConstraint(
                condition=Q(review_on__isnull=True)
                | Q(award_on__isnull=True)
                | Q(review_on__gt=F("award_on")),
                name="atw_review_after_award",
            ),
        ]

    def __str__(self):
        return f"Access to Work {self.reference or '(no reference yet)'}"

    @property
    def in_first_six_weeks(self) -> bool | None:
        """Applied within 6 weeks of starting: the employer pays no share [DOMAIN.md]."""
        start = self.passport.owner.start_date
        if start is None or self.applied_on is None:
            return None
        return self.applied_on <= start + timedelta(weeks=6)

    def clean(self):
        errors = {}
        if self.award_amount is not None and not self.reference.strip():
            errors["reference"] = "An award needs its Access to Work reference."
        if self.award_amount is not None and self.award_amount < 0:
            errors["award_amount"] = "The award cannot be negative."
        if self.employer_share is not None and self.employer_share < 0:
            errors["employer_share"] = "The employer's share cannot be negative."
        if self.award_on and self.applied_on and self.award_on < self.applied_on:
            errors["award_on"] = "The award cannot be before the application."
        if self.review_on and self.award_on and self.review_on <= self.award_on:
            errors["review_on"] = "The review must be after the award."
        if errors:
            raise ValidationError(errors)


class DyslexiaReferral(BaseModel):
    """The dyslexia self-referral offered to a joining student officer (board paper §45), from
    the form being sent to the outcome and the risk assessment."""

    class Stage(models.TextChoices):
        SENT = "sent", "Form sent"
        DECLINED = "declined", "Declined by the joiner"
        RETURNED = "returned", "Form returned"
        SCREENING_BOOKED = "screening_booked", "Screening booked"
        SCREENED = "screened", "Screened"
        ASSESSMENT_BOOKED = "assessment_booked", "Assessment booked"
        ASSESSED = "assessed", "Assessed"
        CLOSED = "closed", "Closed"

    class Screening(models.TextChoices):
        INDICATIVE = "indicative", "Indicative of dyslexia"
        NOT_INDICATIVE = "not_indicative", "Not indicative"

    class Diagnosis(models.TextChoices):
        DYSLEXIA = "dyslexia", "Dyslexia"
        OTHER_SPLD = "other_spld", "Another specific learning difficulty"
        NONE = "none", "No specific learning difficulty"

    person = models.ForeignKey(
        "people.User", on_delete=models.CASCADE, related_name="dyslexia_referrals"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.SENT)
    form_sent_on = models.DateField()
    declined_on = models.DateField(null=True, blank=True)
    returned_on = models.DateField(null=True, blank=True)
    assessor = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dyslexia_referrals_assessed",
    )
    screening_on = models.DateField(null=True, blank=True)
    screening_outcome = models.CharField(max_length=16, choices=Screening.choices, blank=True)
    assessment_on = models.DateField("Diagnostic assessment on", null=True, blank=True)
    diagnostic_result = models.CharField(max_length=12, choices=Diagnosis.choices, blank=True)
    recommendations = models.TextField(blank=True)
    assessed_on = models.DateField(
        null=True, blank=True, help_text="When the last outcome was recorded."
    )
    risk_assessment_on = models.DateField("Risk assessment in place on", null=True, blank=True)
    passport = models.ForeignKey(
        Passport, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )

    class Meta:
        ordering = ["-form_sent_on", "-id"]
        indexes = [
            models.Index(fields=["stage", "form_sent_on", "id"]),
            models.Index(fields=["assessor", "stage"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=~Q(stage="closed"), name="referral_one_open_per_person"
            ),
            models.CheckConstraint(
                condition=Q(declined_on__isnull=True) | Q(returned_on__isnull=True),
                name="referral_declined_or_returned",
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=F("form_sent_on")),
                name="referral_returned_after_sent",
            ),
            models.CheckConstraint(
                condition=Q(screening_outcome="") | Q(screening_on__isnull=False),
                name="referral_outcome_needs_screening",
            ),
            models.CheckConstraint(
                condition=Q(diagnostic_result="") | Q(assessment_on__isnull=False),
                name="referral_result_needs_assessment",
            ),
            models.CheckConstraint(
                condition=Q(screening_on__isnull=True) | Q(assessor__isnull=False),
                name="referral_screening_has_assessor",
            ),
        ]

    def __str__(self):
        return f"Dyslexia referral {self.pk}"

    @property
    def assessed_before_joining(self) -> bool | None:
        start = self.person.start_date
        if self.assessed_on is None or start is None:
            return None
        return self.assessed_on < start

    @property
    def risk_assessment_before_start(self) -> bool | None:
        start = self.person.start_date
        if self.risk_assessment_on is None or start is None:
            return None
        return self.risk_assessment_on <= start


class AccessToWorkDocument(Attachment):
    """Evidence for an Access to Work application (the award letter, the workplace assessment
    report): a checked file served only to those who may see the passport."""

    application = models.ForeignKey(
        AccessToWork, on_delete=models.CASCADE, related_name="documents"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.original_name} (Access to Work {self.application_id})"
