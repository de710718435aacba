from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from core.equality import Disability, Ethnicity, Religion, Sex, SexualOrientation
from core.models import BaseModel


class Portfolio(models.TextChoices):
    CRIME = "crime", "Crime"
    DCC = "dcc", "DCC"
    LOCAL_POLICING = "local_policing", "Local Policing"
    OPERATIONS = "operations", "Operations"
    SECURITY = "security", "Security"


class PersonType(models.TextChoices):
    POLICE_OFFICER = "officer", "Police officer"
    POLICE_STAFF = "staff", "Police staff"
    PCSO = "pcso", "PCSO"
    SPECIAL_CONSTABLE = "special", "Special constable"


class Rank(models.TextChoices):
    """Police ranks, most senior first (the order of the board paper's rank table)."""

    CHIEF_OFFICER = "chief_officer", "Chief Officer"
    CHIEF_SUPERINTENDENT = "chief_superintendent", "Chief Superintendent"
    SUPERINTENDENT = "superintendent", "Superintendent"
    CHIEF_INSPECTOR = "chief_inspector", "Chief Inspector"
    INSPECTOR = "inspector", "Inspector"
    SERGEANT = "sergeant", "Sergeant"
    CONSTABLE = "constable", "Constable"


class EntryRoute(models.TextChoices):
    PCDA = "pcda", "PCDA"
    DHEP = "dhep", "DHEP"
    DC_DHEP = "dc_dhep", "DC DHEP"
    PCEP = "pcep", "PCEP"
    IPLDP = "ipldp", "IPLDP"
    TRANSFEREE = "transferee", "Transferee"
    REJOINER = "rejoiner", "Rejoiner"
    PCSO = "pcso", "PCSO"
    SPECIAL = "special", "Special Constable"
    STAFF = "staff", "Police staff"


CONSTABLE_ROUTES = [
    EntryRoute.PCDA,
    EntryRoute.DHEP,
    EntryRoute.DC_DHEP,
    EntryRoute.PCEP,
    EntryRoute.IPLDP,
]
PROBATION_YEARS = {EntryRoute.PCDA: 3}
DEFAULT_PROBATION_YEARS = 2


def probation_years(route: str) -> int:
    """Probation length for a constable route: 3 years for PCDA, otherwise 2 (Reg 12)."""
    return PROBATION_YEARS.get(route, DEFAULT_PROBATION_YEARS)


class Department(BaseModel):
    name = models.CharField(max_length=120, unique=True)
    portfolio = models.CharField(max_length=20, choices=Portfolio.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, staff_number, password=None, **extra):
        if not staff_number:
            raise ValueError("A staff number is required.")
        user = self.model(staff_number=staff_number, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, staff_number, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(staff_number, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """Every colleague is a user; the staff number is the login.

    Person type, rank, grade, department and line manager here are the *current* values;
    EmploymentRecord keeps their history so any figure can be computed as at a date.
    """

    staff_number = models.CharField(max_length=20, unique=True)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField(blank=True)
    person_type = models.CharField(
        max_length=10, choices=PersonType.choices, default=PersonType.POLICE_STAFF
    )
    rank = models.CharField(
        max_length=24,
        choices=Rank.choices,
        blank=True,
        help_text="Police officers and special constables.",
    )
    grade = models.CharField(max_length=20, blank=True, help_text="Police staff and PCSOs.")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    line_manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    entry_route = models.CharField(max_length=12, choices=EntryRoute.choices, blank=True)
    start_date = models.DateField(null=True, blank=True)
    leave_date = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use Django admin.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "staff_number"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        indexes = [models.Index(fields=["last_name", "first_name", "id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(leave_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(leave_date__gte=F("start_date")),
                name="user_leaves_after_start",
            ),
            models.CheckConstraint(condition=~Q(line_manager=F("id")), name="user_not_own_manager"),
        ]

    def __str__(self):
        return f"{self.get_full_name()} ({self.staff_number})"

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name

    def clean(self):
        super().clean()
        if self.leave_date and self.start_date and self.leave_date < self.start_date:
            raise ValidationError({"leave_date": "The leave date cannot be before the start date."})
        if self.pk and self.line_manager_id == self.pk:
            raise ValidationError({"line_manager": "A colleague cannot be their own line manager."})


class EmploymentRecord(models.Model):
    """One period of a colleague's person type, rank, grade, department and line manager.

    A record is in force on day d when valid_from <= d < valid_to (valid_to empty: still in force).
    """

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="employment_history")
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    person_type = models.CharField(max_length=10, choices=PersonType.choices)
    rank = models.CharField(max_length=24, choices=Rank.choices, blank=True)
    grade = models.CharField(max_length=20, blank=True)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    line_manager = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["person", "valid_from"]
        indexes = [models.Index(fields=["valid_from", "valid_to"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=F("valid_from")),
                name="employment_record_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(valid_to__isnull=True),
                name="employment_record_one_current",
            ),
            models.UniqueConstraint(
                fields=["person", "valid_from"], name="employment_record_unique_start"
            ),
        ]

    def __str__(self):
        end = self.valid_to.isoformat() if self.valid_to else "now"
        return f"{self.person_id}: {self.valid_from.isoformat()} to {end}"


class EqualityMonitoring(BaseModel):
    """Self-declared equality information: special category, kept apart, people analysts only
    in aggregate. Every answer is optional."""

    person = models.OneToOneField(User, on_delete=models.CASCADE, related_name="equality")
    sex = models.CharField(max_length=3, choices=Sex.choices, blank=True)
    ethnicity = models.CharField(max_length=5, choices=Ethnicity.choices, blank=True)
    disability = models.CharField(max_length=3, choices=Disability.choices, blank=True)
    sexual_orientation = models.CharField(
        max_length=8, choices=SexualOrientation.choices, blank=True
    )
    religion = models.CharField(max_length=10, choices=Religion.choices, blank=True)

    class Meta:
        verbose_name = "equality monitoring record"
        indexes = [models.Index(fields=["ethnicity"]), models.Index(fields=["sex"])]

    def __str__(self):
        return f"Equality monitoring for colleague {self.person_id}"


class Probation(BaseModel):
    """A student officer's probation: 2 years, 3 for PCDA; may be extended; ends confirmed."""

    officer = models.OneToOneField(User, on_delete=models.CASCADE, related_name="probation")
    route = models.CharField(max_length=12, choices=EntryRoute.choices)
    start_date = models.DateField()
    expected_end = models.DateField()
    confirmed_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["route", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(expected_end__gt=F("start_date")), name="probation_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_on__isnull=True) | Q(confirmed_on__gte=F("start_date")),
                name="probation_confirmed_after_start",
            ),
        ]

    def __str__(self):
        return f"Probation of colleague {self.officer_id} from {self.start_date:%d/%m/%Y}"


class ProbationExtension(BaseModel):
    probation = models.ForeignKey(Probation, on_delete=models.CASCADE, related_name="extensions")
    previous_end = models.DateField()
    new_end = models.DateField()
    reason = models.TextField()
    approved_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    approved_on = models.DateField()

    class Meta:
        ordering = ["probation", "approved_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_end__gt=F("previous_end")),
                name="probation_extension_moves_end_later",
            ),
        ]

    def __str__(self):
        return f"Extension to {self.new_end:%d/%m/%Y}"
