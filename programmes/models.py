"""Programmes, projects, their money by financial year, FTE efficiencies, the benefit register
and the annual benefits review.

Sign convention: every amount is stored as a positive number of pounds (a saving of £6m is
6000000 in `cashable_benefits`). The summary tables show benefits as negative numbers, as the
board paper's Table 1 does, so that costs minus savings gives the grand total.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from core.models import BaseModel, VersionedModel
from core.periods import FinancialYear, validate_fy_label
from people.models import Department, Portfolio, User

ZERO = Decimal("0")
POUNDS = {"max_digits": 14, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(ZERO, "Give the amount as a positive number of pounds.")]


class ProgrammeStatus(models.TextChoices):
    LIVE = "live", "Live"
    CLOSED = "closed", "Closed"


class Programme(BaseModel):
    name = models.CharField(max_length=120, unique=True)
    status = models.CharField(
        max_length=10, choices=ProgrammeStatus.choices, default=ProgrammeStatus.LIVE
    )
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the summary tables (the paper's order)."
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Project(BaseModel):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="projects")
    name = models.CharField(max_length=120)
    short_description = models.CharField(max_length=300)
    owner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="owned_projects")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="projects")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["programme__position", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="project_unique_name"),
        ]

    def __str__(self):
        return f"{self.programme.name} - {self.name}"


class FinancialYearField(models.CharField):
    """A financial year label such as FY22/23 (April to March)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 7)
        kwargs.setdefault("validators", [validate_fy_label])
        super().__init__(*args, **kwargs)


FY_CHECK = r"^FY[0-9]{2}/[0-9]{2}$"


class FinancialLine(BaseModel):
    """One project's money in one financial year. Benefits are stored positive."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="financial_lines")
    financial_year = FinancialYearField()
    capital = models.DecimalField(**POUNDS, default=ZERO, validators=NOT_NEGATIVE)
    one_off_costs = models.DecimalField(**POUNDS, default=ZERO, validators=NOT_NEGATIVE)
    recurring_costs = models.DecimalField(**POUNDS, default=ZERO, validators=NOT_NEGATIVE)
    cashable_benefits = models.DecimalField(**POUNDS, default=ZERO, validators=NOT_NEGATIVE)
    non_cashable_benefits = models.DecimalField(**POUNDS, default=ZERO, validators=NOT_NEGATIVE)

    AMOUNTS = (
        "capital",
        "one_off_costs",
        "recurring_costs",
        "cashable_benefits",
        "non_cashable_benefits",
    )

    class Meta:
        ordering = ["project", "financial_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "financial_year"], name="financial_line_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(financial_year__regex=FY_CHECK), name="financial_line_fy_label"
            ),
            models.CheckConstraint(
                condition=Q(capital__gte=0)
                & Q(one_off_costs__gte=0)
                & Q(recurring_costs__gte=0)
                & Q(cashable_benefits__gte=0)
                & Q(non_cashable_benefits__gte=0),
                name="financial_line_amounts_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.project} {self.financial_year}"


class EfficiencyStatus(models.TextChoices):
    DELIVERED = "delivered", "Delivered"
    IN_DELIVERY = "in_delivery", "In delivery"


class FteEfficiency(BaseModel):
    """Full-time equivalents a project frees in one executive portfolio (stored positive)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="efficiencies")
    portfolio = models.CharField(max_length=20, choices=Portfolio.choices)
    status = models.CharField(max_length=12, choices=EfficiencyStatus.choices)
    fte = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(ZERO, "Give the FTE freed as a positive number.")],
    )

    class Meta:
        verbose_name = "FTE efficiency"
        verbose_name_plural = "FTE efficiencies"
        ordering = ["status", "project", "portfolio"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "portfolio", "status"], name="fte_efficiency_unique"
            ),
            models.CheckConstraint(condition=Q(fte__gte=0), name="fte_efficiency_not_negative"),
        ]

    def __str__(self):
        return f"{self.project} {self.get_portfolio_display()}: {self.fte} FTE"


class BenefitKind(models.TextChoices):
    BENEFIT = "benefit", "Benefit"
    DIS_BENEFIT = "dis_benefit", "Dis-benefit"


class BenefitClass(models.TextChoices):
    CASHABLE = "cashable", "Cashable"
    NON_CASHABLE = "non_cashable", "Non-cashable"
    NON_FINANCIAL = "non_financial", "Non-financial"


FINANCIAL_CLASSES = (BenefitClass.CASHABLE, BenefitClass.NON_CASHABLE)
POUND_UNIT = "£"


class BenefitStatus(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    VALIDATED = "validated", "Validated"
    BASELINED = "baselined", "Baselined"
    TRACKING = "tracking", "Tracking"
    REALISED = "realised", "Realised"
    PARTLY_REALISED = "partly_realised", "Partly realised"
    NOT_REALISED = "not_realised", "Not realised"
    WITHDRAWN = "withdrawn", "Withdrawn"


OWNER_REQUIRED = "Every benefit needs an owner: give the accountable colleague's staff number."
BEFORE_BASELINE = (BenefitStatus.IDENTIFIED, BenefitStatus.VALIDATED)
BAU_STATUSES = (BenefitStatus.REALISED, BenefitStatus.PARTLY_REALISED)


class Benefit(BaseModel, VersionedModel):
    """One line of the benefit register. The baseline fields hold the current approved
    baseline; every approved version is kept in BaselineVersion."""

    reference = models.CharField(max_length=20, unique=True)
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="benefits")
    description = models.TextField()
    kind = models.CharField(max_length=12, choices=BenefitKind.choices)
    benefit_class = models.CharField("class", max_length=14, choices=BenefitClass.choices)
    owner = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="owned_benefits",
        error_messages={"null": OWNER_REQUIRED},
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="benefits",
        verbose_name="owning department",
    )
    measure = models.CharField(max_length=200)
    unit = models.CharField(max_length=30, help_text="£ for cashable and non-cashable benefits.")
    baseline_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    baseline_source = models.CharField(max_length=200, blank=True)
    target_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=16, choices=BenefitStatus.choices, default=BenefitStatus.IDENTIFIED
    )
    bau_date = models.DateField("moved to business as usual", null=True, blank=True)

    class Meta:
        ordering = ["reference"]
        indexes = [
            models.Index(fields=["status", "reference"]),
            models.Index(fields=["department", "reference"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[*BEFORE_BASELINE, BenefitStatus.WITHDRAWN])
                | Q(baseline_date__isnull=False, baseline_value__isnull=False),
                name="benefit_baselined_has_baseline",
            ),
            models.CheckConstraint(
                condition=Q(bau_date__isnull=True) | Q(status__in=BAU_STATUSES),
                name="benefit_bau_only_when_realised",
            ),
            models.CheckConstraint(
                condition=Q(benefit_class=BenefitClass.NON_FINANCIAL) | Q(unit=POUND_UNIT),
                name="benefit_financial_in_pounds",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.description[:60]}"

    @property
    def is_financial(self) -> bool:
        return self.benefit_class in FINANCIAL_CLASSES

    def clean(self):
        super().clean()
        if self.benefit_class in FINANCIAL_CLASSES and self.unit != POUND_UNIT:
            raise ValidationError(
                {"unit": "Cashable and non-cashable benefits are measured in pounds: use £."}
            )


class BaselineVersion(models.Model):
    """An approved baseline of a benefit. Never changed: a re-baseline adds a new version."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="baselines")
    version = models.PositiveSmallIntegerField()
    value = models.DecimalField(max_digits=16, decimal_places=2)
    baseline_date = models.DateField()
    source = models.CharField(max_length=200)
    target_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    planned_profile = models.JSONField(
        default=dict, blank=True, help_text="Planned value per financial year when approved."
    )
    reason = models.TextField()
    approved_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    approved_on = models.DateField()
    recorded_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["benefit", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["benefit", "version"], name="baseline_version_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="baseline_version_from_one"),
        ]

    def __str__(self):
        return f"{self.benefit.reference} baseline v{self.version}"

    def save(self, *args, **kwargs):
        # Old baselines are the record of what was approved: a re-baseline adds a version.
        if not self._state.adding:
            raise ValidationError("An approved baseline cannot be changed: re-baseline instead.")
        super().save(*args, **kwargs)


class ProfileLine(BaseModel):
    """A benefit's planned, forecast and actual value in one financial year (in its unit)."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="profile")
    financial_year = FinancialYearField()
    planned = models.DecimalField(max_digits=16, decimal_places=2, default=ZERO)
    forecast = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["benefit", "financial_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["benefit", "financial_year"], name="profile_line_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(financial_year__regex=FY_CHECK), name="profile_line_fy_label"
            ),
        ]

    def __str__(self):
        return f"{self.benefit.reference} {self.financial_year}"

    @property
    def variance(self) -> Decimal | None:
        """Actual less planned, once an actual is recorded."""
        return None if self.actual is None else self.actual - self.planned

    @property
    def year(self) -> FinancialYear:
        return FinancialYear.from_label(self.financial_year)


class Measurement(BaseModel):
    """A measured value of a benefit on a date, with the evidence for it."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField()
    value = models.DecimalField(max_digits=16, decimal_places=2)
    evidence = models.TextField(
        help_text="What the figure comes from: a report, a system, a survey."
    )
    evidence_link = models.URLField(blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["benefit", "-measured_on", "-id"]

    def __str__(self):
        return f"{self.benefit.reference} on {self.measured_on:%d/%m/%Y}: {self.value}"


class BenefitsReview(models.Model):
    """The annual benefits review: a snapshot of the register and financial position, taken
    once and never changed (a PostgreSQL trigger refuses UPDATE and DELETE as well)."""

    title = models.CharField(max_length=120)
    as_at = models.DateField(help_text="The date the position is stated at.")
    taken_at = models.DateTimeField(auto_now_add=True)
    taken_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    data = models.JSONField(encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-as_at", "-id"]
        verbose_name = "annual benefits review"
        constraints = [
            models.UniqueConstraint(fields=["as_at", "title"], name="benefits_review_unique"),
        ]

    def __str__(self):
        return f"{self.title} (as at {self.as_at:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        # A snapshot is evidence of what the register said: refuse any change once taken.
        if not self._state.adding:
            raise ValidationError("An annual benefits review cannot be changed once taken.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("An annual benefits review cannot be deleted.")
