from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError

from core.periods import validate_fy_label
from people.models import Portfolio, User
from programmes.models import (
    OWNER_REQUIRED,
    Benefit,
    BenefitStatus,
    EfficiencyStatus,
    Programme,
    Project,
)

AMOUNT_ERRORS = {
    "invalid": "Enter an amount in numbers only, like 125000 or 1250.50 (no £ sign or words).",
    "required": "Enter an amount (0 if there is none).",
    "max_digits": "That amount is too large.",
    "max_decimal_places": "Give pounds and pence at most (two decimal places).",
}
DATE = forms.DateInput(attrs={"type": "date"})


def amount_field(label: str, required: bool = True, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=16,
        decimal_places=2,
        error_messages=AMOUNT_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


def fy_field(label: str = "Financial year", **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=7,
        validators=[validate_fy_label],
        help_text="Like FY22/23 (April 2022 to March 2023).",
        widget=forms.TextInput(attrs={"placeholder": "FY22/23", "autocomplete": "off"}),
        error_messages={"required": "Give the financial year, like FY22/23."},
        **kwargs,
    )


class StaffNumberField(forms.ModelChoiceField):
    """A colleague chosen by staff number (a select of every colleague would be unusable)."""

    def __init__(self, label: str, required_message: str, **kwargs):
        super().__init__(
            queryset=User.objects.filter(is_active=True),
            to_field_name="staff_number",
            label=label,
            widget=forms.TextInput(attrs={"autocomplete": "off"}),
            error_messages={
                "required": required_message,
                "invalid_choice": "No active colleague has that staff number.",
            },
            **kwargs,
        )

    def prepare_value(self, value):
        if isinstance(value, User):
            return value.staff_number
        if isinstance(value, int):
            user = User.objects.filter(pk=value).only("staff_number").first()
            return user.staff_number if user else value
        return super().prepare_value(value)


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class BenefitForm(forms.ModelForm):
    owner = StaffNumberField("Owner (staff number)", OWNER_REQUIRED)

    class Meta:
        model = Benefit
        fields = [
            "reference",
            "project",
            "description",
            "kind",
            "benefit_class",
            "owner",
            "department",
            "measure",
            "unit",
            "target_date",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "target_date": DATE}
        labels = {"benefit_class": "Class", "department": "Owning department"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.select_related("programme")
        if self.instance.pk:
            self.fields["reference"].disabled = True
        self.helper = _helper("Save benefit")


class BenefitEditForm(BenefitForm):
    # The version the page was loaded at: a save against an older one is refused (StaleEdit).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ProfileLineForm(forms.Form):
    financial_year = fy_field()
    planned = amount_field("Planned")
    forecast = amount_field("Forecast", required=False)
    actual = amount_field("Actual", required=False)


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(label="Measured on", widget=DATE)
    value = amount_field("Value")
    evidence = forms.CharField(
        label="Evidence", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    evidence_link = forms.URLField(
        label="Link to the evidence (optional)", required=False, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Record measurement")


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label="Move to")
    bau_date = forms.DateField(
        label="Moved to business as usual on (realised only)", required=False, widget=DATE
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(value, BenefitStatus(value).label) for value in allowed]
        self.helper = _helper("Change status")


class BaselineForm(forms.Form):
    value = amount_field("Baseline value")
    baseline_date = forms.DateField(label="Baseline date", widget=DATE)
    source = forms.CharField(label="Source of the baseline", max_length=200)
    target_value = amount_field("Target value", required=False)
    approved_by = StaffNumberField(
        "Approved by (staff number)", "Say who approved this baseline (their staff number)."
    )
    approved_on = forms.DateField(label="Approved on", widget=DATE)
    reason = forms.CharField(
        label="Reason", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, rebaseline: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = rebaseline
        self.fields["reason"].error_messages["required"] = "Say why the benefit is re-baselined."
        self.helper = _helper("Approve new baseline" if rebaseline else "Approve baseline")


class ProjectForm(forms.ModelForm):
    owner = StaffNumberField("Owner (staff number)", "Every project needs an owner.")

    class Meta:
        model = Project
        fields = ["programme", "name", "short_description", "owner", "department", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save project")


class FinancialLineForm(forms.Form):
    financial_year = fy_field()
    capital = amount_field("Capital £", initial=0)
    one_off_costs = amount_field("One-off costs £", initial=0)
    recurring_costs = amount_field("Recurring costs £", initial=0)
    cashable_benefits = amount_field("Cashable benefits £ (as a positive saving)", initial=0)
    non_cashable_benefits = amount_field(
        "Non-cashable benefits £ (as a positive saving)", initial=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save year")

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            if name != "financial_year" and value is not None and value < 0:
                self.add_error(
                    name, "Give a positive amount; benefits are savings and shown negative."
                )
        return data


class FteForm(forms.Form):
    portfolio = forms.ChoiceField(label="Executive portfolio", choices=Portfolio.choices)
    status = forms.ChoiceField(label="Status", choices=EfficiencyStatus.choices)
    fte = amount_field("FTE freed (positive)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save FTE")


class YearRangeForm(forms.Form):
    first = fy_field("From", required=False)
    last = fy_field("To", required=False)

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("last") and data["first"] > data["last"]:
            raise ValidationError("The first year must not be after the last.")
        return data


class ReviewForm(forms.Form):
    title = forms.CharField(label="Title", max_length=120, initial="Annual benefits review")
    as_at = forms.DateField(label="Position as at", widget=DATE)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Take snapshot")


class CompareForm(forms.Form):
    a = forms.ModelChoiceField(label="Earlier review", queryset=None)
    b = forms.ModelChoiceField(label="Later review", queryset=None)

    def __init__(self, *args, reviews=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["a"].queryset = reviews
        self.fields["b"].queryset = reviews


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "status", "description", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"position": "Position in the summary tables"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save programme")


class FiguresForm(forms.Form):
    programme = forms.ModelChoiceField(
        label="Programme",
        required=False,
        queryset=Programme.objects.all(),
        empty_label="Every programme",
    )
