"""Student officer welfare: cases, contacts, support, reasons, resignations, Regulation 13."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from core.models import BaseModel, VersionedModel


class HowOpened(models.TextChoices):
    RESIGNATION = "resignation", "Resignation submitted"
    LINE_MANAGER = "line_manager", "Line manager concern"
    WELFARE_TEAM = "welfare_team", "Welfare team"


class Outcome(models.TextChoices):
    RETAINED = "retained", "Retained"
    RESIGNED = "resigned", "Resigned"
    STAFF_ROLE = "staff_role", "Moved to a police staff role"
    TRANSFERRED = "transferred", "Transferred to another force"
    DISPENSED = "dispensed", "Dispensed with under Regulation 13"


# Outcomes that end the officer's service with the force: the case records their last day.
LEAVING_OUTCOMES = {Outcome.RESIGNED, Outcome.TRANSFERRED, Outcome.DISPENSED}


class SupportKind(models.TextChoices):
    OH_REFERRAL = "oh_referral", "Occupational health referral"
    POSTING_CHANGE = "posting_change", "Change of posting"
    ADJUSTMENTS = "adjustments", "Adjustments"
    MENTORING = "mentoring", "Mentoring"
    STAFF_ROLE = "staff_role", "Move to a police staff role"
    OTHER = "other", "Other"


class ReasonTheme(models.TextChoices):
    """The reasons student officers give for wanting to leave (board paper §15)."""

    ROLE_NOT_AS_EXPECTED = "role", "Role not as expected (shifts, trauma, better-paid work)"
    HEALTH_WELFARE = "health", "Health or welfare"
    MISCONDUCT = "misconduct", "Misconduct"
    PERFORMANCE = "performance", "Performance and Regulation 13"
    TRANSFER = "transfer", "Transfer to another force"
    PERSONAL = "personal", "Personal or family"
    OTHER = "other", "Other"


class ContactKind(models.TextChoices):
    PHONE = "phone", "Phone call"
    IN_PERSON = "in_person", "Meeting in person"
    VIDEO = "video", "Video call"
    EMAIL = "email", "Email or message"
    NOTE = "note", "Note (no contact with the student)"


# A contact log entry of these kinds counts as contact with the student for the service level.
CONTACT_KINDS = {ContactKind.PHONE, ContactKind.IN_PERSON, ContactKind.VIDEO, ContactKind.EMAIL}


class WelfareCase(BaseModel, VersionedModel):
    """One notification about a student officer (a resignation, a line manager's worry, or the
    team's own concern) and the welfare team's work on it until it closes with an outcome."""

    officer = models.ForeignKey(
        "people.User", on_delete=models.PROTECT, related_name="welfare_cases"
    )
    how_opened = models.CharField(max_length=16, choices=HowOpened.choices)
    notified_on = models.DateField(help_text="When the welfare team was told.")
    raised_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    concern = models.TextField(blank=True, help_text="What prompted the case, as told to us.")
    assigned_to = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_welfare_cases",
    )
    first_contact_due = models.DateField(
        help_text="Working-day target from the notification, fixed when the case opened."
    )
    first_contact_on = models.DateField(null=True, blank=True)
    support_notes = models.TextField(blank=True)
    theme_notes = models.TextField(blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    outcome_notes = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-notified_on", "-id"]
        indexes = [
            models.Index(fields=["-notified_on", "-id"]),
            models.Index(fields=["closed_on", "first_contact_due"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome="") & Q(closed_on__isnull=True))
                | (~Q(outcome="") & Q(closed_on__isnull=False)),
                name="welfare_case_outcome_with_closure",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("notified_on")),
                name="welfare_case_closes_after_notification",
            ),
            models.CheckConstraint(
                condition=Q(first_contact_on__isnull=True)
                | Q(first_contact_on__gte=F("notified_on")),
                name="welfare_case_contact_after_notification",
            ),
            models.UniqueConstraint(
                fields=["officer"],
                condition=Q(closed_on__isnull=True),
                name="welfare_case_one_open_per_officer",
            ),
        ]

    def __str__(self):
        return f"Welfare case {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def status(self) -> str:
        """What a line manager who raised the case may see."""
        if self.closed_on:
            return "Closed"
        if self.first_contact_on:
            return "Open: the welfare team is in touch"
        return "Open: waiting for first contact"

    def clean(self):
        super().clean()
        errors = {}
        if self.outcome and not self.closed_on:
            errors["closed_on"] = "Give the closure date: a case with an outcome must be closed."
        if self.closed_on and not self.outcome:
            errors["outcome"] = "Choose the outcome: a closed case needs one."
        if self.closed_on and self.notified_on and self.closed_on < self.notified_on:
            errors["closed_on"] = (
                f"The closure date cannot be before the notification ({self.notified_on:%d/%m/%Y})."
            )
        if errors:
            raise ValidationError(errors)


class ContactLogEntry(BaseModel):
    case = models.ForeignKey(WelfareCase, on_delete=models.CASCADE, related_name="contacts")
    contact_on = models.DateField()
    kind = models.CharField(max_length=12, choices=ContactKind.choices)
    summary = models.TextField()
    follow_up_due = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        "people.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "contact log entry"
        verbose_name_plural = "contact log entries"
        ordering = ["case", "-contact_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_due__isnull=True) | Q(follow_up_due__gte=F("contact_on")),
                name="welfare_contact_follow_up_after_contact",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.contact_on:%d/%m/%Y}"

    def clean(self):
        super().clean()
        if self.follow_up_due and self.contact_on and self.follow_up_due < self.contact_on:
            raise ValidationError(
                {"follow_up_due": "The follow-up cannot be due before the contact itself."}
            )


class SupportOffered(BaseModel):
    case = models.ForeignKey(WelfareCase, on_delete=models.CASCADE, related_name="support")
    kind = models.CharField(max_length=16, choices=SupportKind.choices)
    offered_on = models.DateField()

    class Meta:
        verbose_name_plural = "support offered"
        ordering = ["case", "offered_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "kind"], name="welfare_support_once_per_case")
        ]

    def __str__(self):
        return self.get_kind_display()


class CaseTheme(BaseModel):
    case = models.ForeignKey(WelfareCase, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(max_length=12, choices=ReasonTheme.choices)

    class Meta:
        ordering = ["case", "theme"]
        indexes = [models.Index(fields=["theme"])]
        constraints = [
            models.UniqueConstraint(fields=["case", "theme"], name="welfare_theme_once_per_case")
        ]

    def __str__(self):
        return self.get_theme_display()


class Resignation(BaseModel):
    """A student officer's resignation; the reasons are the themes on its welfare case."""

    case = models.OneToOneField(WelfareCase, on_delete=models.PROTECT, related_name="resignation")
    officer = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    submitted_on = models.DateField()
    notice_days = models.PositiveSmallIntegerField(help_text="Notice given, in calendar days.")
    last_day = models.DateField()
    during_probation = models.BooleanField()
    withdrawn_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("submitted_on")),
                name="resignation_last_day_after_submission",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("submitted_on")),
                name="resignation_withdrawn_after_submission",
            ),
        ]

    def __str__(self):
        return f"Resignation submitted {self.submitted_on:%d/%m/%Y}"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None

    def clean(self):
        super().clean()
        if self.last_day and self.submitted_on and self.last_day < self.submitted_on:
            raise ValidationError(
                {
                    "last_day": "The last day cannot be before the date the resignation was "
                    f"submitted ({self.submitted_on:%d/%m/%Y})."
                }
            )
        if self.withdrawn_on and self.submitted_on and self.withdrawn_on < self.submitted_on:
            raise ValidationError(
                {"withdrawn_on": "A resignation cannot be withdrawn before it was submitted."}
            )


class Reg13Stage(models.TextChoices):
    """Regulation 13 stages, in the order they must happen."""

    REFERRAL = "referral", "Referral"
    ACTION_PLAN = "action_plan", "Action plan"
    CASE_CONFERENCE = "case_conference", "Case conference"
    DECISION = "decision", "Decision"
    NOTICE = "notice", "Notice"


REG13_ORDER = list(Reg13Stage)


class Reg13Decision(models.TextChoices):
    DISPENSE = "dispense", "Dispense with the officer's services"
    RETAIN = "retain", "Retain"
    EXTEND = "extend", "Extend probation"


class Reg13Case(BaseModel):
    """A Regulation 13 case: may the force dispense with a probationer unlikely to become an
    efficient or well-conducted constable? A case conference comes before any decision, and a
    decision to dispense is followed by notice (one month by default)."""

    officer = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    welfare_case = models.ForeignKey(
        WelfareCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="reg13_cases"
    )
    grounds = models.TextField(help_text="Why the officer is referred (academic, operational...).")
    stage = models.CharField(max_length=16, choices=Reg13Stage.choices)
    decision = models.CharField(max_length=10, choices=Reg13Decision.choices, blank=True)
    notice_ends_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "Regulation 13 case"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | Q(stage__in=[Reg13Stage.DECISION, Reg13Stage.NOTICE]),
                name="reg13_decision_only_at_decision",
            ),
            models.CheckConstraint(
                condition=~Q(stage=Reg13Stage.NOTICE)
                | (Q(decision=Reg13Decision.DISPENSE) & Q(notice_ends_on__isnull=False)),
                name="reg13_notice_only_after_dispense",
            ),
        ]

    def __str__(self):
        return f"Regulation 13 case {self.pk}"


class Reg13StageRecord(BaseModel):
    """When a Regulation 13 case reached a stage, with what happened."""

    reg13_case = models.ForeignKey(Reg13Case, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=16, choices=Reg13Stage.choices)
    reached_on = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        "people.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Regulation 13 stage"
        ordering = ["reg13_case", "reached_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["reg13_case", "stage"], name="reg13_each_stage_once")
        ]

    def __str__(self):
        return f"{self.get_stage_display()} on {self.reached_on:%d/%m/%Y}"
