"""Performance conversations (board paper §48-51) and promotion processes (§56).

A performance year runs April to March through five phases whose start dates an admin sets;
the phase on a day decides what may be edited. Ratings move provisional -> moderated -> final.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from core.models import BaseModel, VersionedModel
from core.periods import FinancialYear
from people.models import Department, Rank


class Phase(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    OBJECTIVE_SETTING = "objective_setting", "Objective setting"
    IN_YEAR = "in_year", "In year"
    YEAR_END = "year_end", "Year end"
    MODERATION = "moderation", "Moderation"
    CLOSED = "closed", "Closed"


class RatingScale(BaseModel):
    """A rating scale as data: its levels, one of which is marked "achieved"."""

    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class RatingLevel(BaseModel):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="levels")
    code = models.SlugField(max_length=30)
    label = models.CharField(max_length=80)
    rank = models.PositiveSmallIntegerField(help_text="Higher is better.")
    is_achieved = models.BooleanField(
        default=False, help_text="The level that counts as 'achieved' (pay progression)."
    )

    class Meta:
        ordering = ["scale", "-rank"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="rating_level_unique_code"),
            models.UniqueConstraint(fields=["scale", "rank"], name="rating_level_unique_rank"),
            models.UniqueConstraint(
                fields=["scale"],
                condition=Q(is_achieved=True),
                name="rating_level_one_achieved_per_scale",
            ),
        ]

    def __str__(self):
        return self.label


class PerformanceYear(BaseModel):
    """One April-to-March cycle with the dates each phase starts."""

    start_year = models.PositiveSmallIntegerField(
        unique=True, help_text="The calendar year of the April it starts (2021 for FY21/22)."
    )
    objective_setting_from = models.DateField()
    in_year_from = models.DateField()
    year_end_from = models.DateField()
    moderation_from = models.DateField()
    closed_from = models.DateField()
    what_scale = models.ForeignKey(RatingScale, on_delete=models.PROTECT, related_name="+")
    how_scale = models.ForeignKey(RatingScale, on_delete=models.PROTECT, related_name="+")
    how_framework = models.CharField(
        max_length=40,
        default="CVF 2024",
        help_text="The behaviours framework the 'how' rating uses, e.g. CVF 2024.",
    )

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(in_year_from__gt=F("objective_setting_from"))
                & Q(year_end_from__gt=F("in_year_from"))
                & Q(moderation_from__gt=F("year_end_from"))
                & Q(closed_from__gt=F("moderation_from")),
                name="performance_year_phases_in_order",
            ),
        ]

    def __str__(self):
        return f"Performance year {self.label}"

    @property
    def financial_year(self) -> FinancialYear:
        return FinancialYear(self.start_year)

    @property
    def label(self) -> str:
        return self.financial_year.label

    def phase_on(self, day: date) -> str:
        starts = [
            (self.closed_from, Phase.CLOSED),
            (self.moderation_from, Phase.MODERATION),
            (self.year_end_from, Phase.YEAR_END),
            (self.in_year_from, Phase.IN_YEAR),
            (self.objective_setting_from, Phase.OBJECTIVE_SETTING),
        ]
        for start, phase in starts:
            if day >= start:
                return phase
        return Phase.NOT_STARTED

    def clean(self):
        super().clean()
        fy = self.financial_year
        if self.objective_setting_from and self.objective_setting_from not in fy:
            raise ValidationError(
                {"objective_setting_from": f"Objective setting must start within {fy.label}."}
            )
        dates = [
            self.objective_setting_from,
            self.in_year_from,
            self.year_end_from,
            self.moderation_from,
            self.closed_from,
        ]
        if all(dates) and dates != sorted(set(dates)):
            raise ValidationError("Each phase must start after the one before it.")


class ObjectiveLevel(models.TextChoices):
    FORCE = "force", "Force"
    DEPARTMENTAL = "departmental", "Departmental"
    INDIVIDUAL = "individual", "Individual"


OBJECTIVES_PER_LEVEL = 2


class Objective(BaseModel):
    """A force, departmental or individual objective; each owner has two slots per level."""

    year = models.ForeignKey(PerformanceYear, on_delete=models.PROTECT, related_name="objectives")
    level = models.CharField(max_length=12, choices=ObjectiveLevel.choices)
    position = models.PositiveSmallIntegerField(help_text="Slot 1 or 2.")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="objectives",
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    agreed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["year", "level", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(position__in=[1, 2]), name="objective_position_one_or_two"
            ),
            models.CheckConstraint(
                condition=(
                    Q(level=ObjectiveLevel.FORCE, department__isnull=True, person__isnull=True)
                    | Q(
                        level=ObjectiveLevel.DEPARTMENTAL,
                        department__isnull=False,
                        person__isnull=True,
                    )
                    | Q(
                        level=ObjectiveLevel.INDIVIDUAL,
                        department__isnull=True,
                        person__isnull=False,
                    )
                ),
                name="objective_owner_matches_level",
            ),
            models.UniqueConstraint(
                fields=["year", "position"],
                condition=Q(level=ObjectiveLevel.FORCE),
                name="objective_two_force_slots",
            ),
            models.UniqueConstraint(
                fields=["year", "department", "position"],
                condition=Q(level=ObjectiveLevel.DEPARTMENTAL),
                name="objective_two_departmental_slots",
            ),
            models.UniqueConstraint(
                fields=["year", "person", "position"],
                condition=Q(level=ObjectiveLevel.INDIVIDUAL),
                name="objective_two_individual_slots",
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()} objective {self.position}: {self.title}"


class CheckIn(BaseModel):
    """A conversation through the year between a colleague and their manager."""

    year = models.ForeignKey(PerformanceYear, on_delete=models.PROTECT, related_name="check_ins")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    held_on = models.DateField()
    notes = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["year", "person", "held_on"])]

    def __str__(self):
        return f"Check-in on {self.held_on:%d/%m/%Y}"


class YearEndReview(BaseModel):
    """The formal year-end conversation; completed when it has a completion date."""

    year = models.ForeignKey(PerformanceYear, on_delete=models.PROTECT, related_name="reviews")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="year_end_reviews"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "person"], name="one_review_per_person_year"),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | ~Q(summary=""),
                name="completed_review_has_summary",
            ),
        ]

    def __str__(self):
        return f"Year-end review of colleague {self.person_id}"


class RatingStatus(models.TextChoices):
    PROVISIONAL = "provisional", "Provisional"
    MODERATED = "moderated", "Moderated"
    FINAL = "final", "Final"


class Rating(BaseModel, VersionedModel):
    """A colleague's 'what' and 'how' ratings for a year: provisional, moderated, final.

    `department` is the colleague's department when the manager rated, so the panel that
    moderates it does not change if the colleague moves afterwards.
    """

    year = models.ForeignKey(PerformanceYear, on_delete=models.PROTECT, related_name="ratings")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ratings"
    )
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    provisional_what = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, related_name="+")
    provisional_how = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, related_name="+")
    how_framework = models.CharField(max_length=40)
    provisional_on = models.DateField()
    status = models.CharField(
        max_length=12, choices=RatingStatus.choices, default=RatingStatus.PROVISIONAL
    )
    final_what = models.ForeignKey(
        RatingLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    final_how = models.ForeignKey(
        RatingLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    finalised_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["year", "department", "id"]
        indexes = [models.Index(fields=["year", "department", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["year", "person"], name="one_rating_per_person_year"),
            models.CheckConstraint(
                condition=~Q(status=RatingStatus.FINAL)
                | Q(
                    final_what__isnull=False,
                    final_how__isnull=False,
                    finalised_on__isnull=False,
                ),
                name="final_rating_has_final_levels",
            ),
            models.CheckConstraint(condition=~Q(how_framework=""), name="rating_has_framework"),
        ]

    def __str__(self):
        return f"Rating of colleague {self.person_id} for year {self.year_id}"

    @property
    def is_final(self) -> bool:
        return self.status == RatingStatus.FINAL


class ModerationPanel(BaseModel):
    """The panel that moderates one department's ratings for a year."""

    year = models.ForeignKey(PerformanceYear, on_delete=models.PROTECT, related_name="panels")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    meets_on = models.DateField()
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="moderation_panels")
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-meets_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "department"], name="one_panel_per_department_year"
            ),
        ]

    def __str__(self):
        return f"{self.department} panel, {self.year.label if self.year_id else ''}"

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class ModerationDecision(BaseModel):
    """A panel's decision on one rating: confirmed as given, or changed with a reason."""

    rating = models.OneToOneField(Rating, on_delete=models.CASCADE, related_name="decision")
    panel = models.ForeignKey(ModerationPanel, on_delete=models.PROTECT, related_name="decisions")
    what = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, related_name="+")
    how = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, related_name="+")
    changed = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(changed=False) | ~Q(reason=""), name="changed_rating_has_reason"
            ),
        ]

    def __str__(self):
        return f"{'Changed' if self.changed else 'Confirmed'}: rating {self.rating_id}"


class AppealStatus(models.TextChoices):
    LODGED = "lodged", "Lodged"
    UPHELD = "upheld", "Upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


class Appeal(BaseModel):
    """A colleague's appeal against their final rating, decided with a reason."""

    rating = models.OneToOneField(Rating, on_delete=models.CASCADE, related_name="appeal")
    grounds = models.TextField()
    lodged_on = models.DateField()
    status = models.CharField(
        max_length=12, choices=AppealStatus.choices, default=AppealStatus.LODGED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-lodged_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=AppealStatus.LODGED)
                | (Q(decided_on__isnull=False) & ~Q(decision_reason="")),
                name="decided_appeal_has_reason_and_date",
            ),
        ]

    def __str__(self):
        return f"Appeal against rating {self.rating_id}"


class Season(models.TextChoices):
    SPRING = "spring", "Spring"
    SUMMER = "summer", "Summer"
    AUTUMN = "autumn", "Autumn"
    WINTER = "winter", "Winter"


RANK_SHORT = {
    Rank.CONSTABLE: "PC",
    Rank.SERGEANT: "Sgt",
    Rank.INSPECTOR: "Insp",
    Rank.CHIEF_INSPECTOR: "CI",
    Rank.SUPERINTENDENT: "Supt",
    Rank.CHIEF_SUPERINTENDENT: "C.Supt",
    Rank.CHIEF_OFFICER: "Chief Officer",
}


class PromotionProcess(BaseModel):
    """One promotion process, e.g. "PC to Sgt Winter 2020"."""

    from_rank = models.CharField(max_length=24, choices=Rank.choices)
    to_rank = models.CharField(max_length=24, choices=Rank.choices)
    season = models.CharField(max_length=6, choices=Season.choices)
    year = models.PositiveSmallIntegerField()
    opens_on = models.DateField(help_text="Used to order processes.")

    class Meta:
        ordering = ["opens_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_rank=F("to_rank")), name="promotion_changes_rank"
            ),
            models.UniqueConstraint(
                fields=["from_rank", "to_rank", "season", "year"], name="promotion_process_unique"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return (
            f"{RANK_SHORT.get(self.from_rank, self.from_rank)} to "
            f"{RANK_SHORT.get(self.to_rank, self.to_rank)} {self.get_season_display()} {self.year}"
        )


class Outcome(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCESSFUL = "successful", "Successful"
    UNSUCCESSFUL = "unsuccessful", "Unsuccessful"


class PromotionApplication(BaseModel):
    process = models.ForeignKey(
        PromotionProcess, on_delete=models.CASCADE, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promotion_applications"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.PENDING)

    class Meta:
        ordering = ["process", "id"]
        indexes = [models.Index(fields=["process", "outcome"])]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "applicant"], name="one_application_per_process"
            ),
        ]

    def __str__(self):
        return f"Application {self.pk} to {self.process_id}"
