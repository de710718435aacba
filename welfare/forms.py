from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from people.models import User
from people.roles import GROUP_NAMES, Role
from welfare.models import (
    ContactKind,
    HowOpened,
    Outcome,
    ReasonTheme,
    Reg13Decision,
    Reg13Stage,
    SupportKind,
)
from welfare.services import DEFAULT_NOTICE_DAYS


class DateInput(forms.DateInput):
    """A UK date (dd/mm/yyyy) in a plain text box: a browser's date picker shows its own
    locale's order, which for many users is the American one."""

    def __init__(self, **kwargs):
        super().__init__(
            format="%d/%m/%Y",
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
            **kwargs,
        )


def date_field(label, required=True, **kwargs):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        input_formats=["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter a date like 31/03/2026."},
        **kwargs,
    )


class StaffNumberField(forms.CharField):
    """A colleague given by staff number; cleans to the User."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        person = User.objects.filter(staff_number=value.strip()).first()
        if person is None:
            raise ValidationError("No colleague has that staff number.")
        return person


def welfare_officers():
    return User.objects.filter(
        groups__name=GROUP_NAMES[Role.WELFARE_OFFICER], is_active=True
    ).order_by("last_name", "first_name")


class CaseOpenForm(forms.Form):
    officer = StaffNumberField(label="Student officer's staff number", max_length=20)
    how_opened = forms.ChoiceField(
        label="How the team heard",
        choices=[
            (HowOpened.WELFARE_TEAM, "The welfare team's own concern"),
            (HowOpened.LINE_MANAGER, "A line manager asked for advice"),
        ],
    )
    notified_on = date_field("Date the team was told", initial=date.today)
    concern = forms.CharField(
        label="What prompted the case", widget=forms.Textarea(attrs={"rows": 3})
    )
    assigned_to = forms.ModelChoiceField(
        label="Assign to", queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = welfare_officers()


def version_field():
    """The version of the case the page was loaded at (core.concurrency.save_versioned)."""
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class AssignForm(forms.Form):
    version = version_field()
    assigned_to = forms.ModelChoiceField(label="Welfare officer", queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = welfare_officers()


class ContactForm(forms.Form):
    contact_on = date_field("Date", initial=date.today)
    kind = forms.ChoiceField(label="Kind", choices=ContactKind.choices)
    summary = forms.CharField(label="Summary", widget=forms.Textarea(attrs={"rows": 4}))
    follow_up_due = date_field("Follow-up due", required=False)

    def clean(self):
        data = super().clean()
        due, on = data.get("follow_up_due"), data.get("contact_on")
        if due and on and due < on:
            self.add_error("follow_up_due", "The follow-up cannot be due before the contact.")
        return data


class SupportForm(forms.Form):
    version = version_field()
    kinds = forms.MultipleChoiceField(
        label="Support offered",
        choices=SupportKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    offered_on = date_field("Offered on (for newly ticked support)", initial=date.today)
    support_notes = forms.CharField(
        label="Notes on support", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ThemesForm(forms.Form):
    themes = forms.MultipleChoiceField(
        label="Reasons for wanting to leave",
        choices=ReasonTheme.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    theme_notes = forms.CharField(
        label="Notes on reasons", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label="Outcome", choices=[("", "Choose..."), *Outcome.choices])
    # Not required here: the service explains why a closure date is needed.
    closed_on = date_field("Closure date", required=False)
    notes = forms.CharField(
        label="Notes on the outcome", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ResignationForm(forms.Form):
    officer = StaffNumberField(label="Student officer's staff number", max_length=20)
    submitted_on = date_field("Date submitted", initial=date.today)
    notice_days = forms.IntegerField(
        label="Notice (calendar days)", min_value=0, max_value=366, initial=DEFAULT_NOTICE_DAYS
    )
    last_day = date_field("Last day (blank: the end of the notice)", required=False)
    themes = ThemesForm.base_fields["themes"]
    theme_notes = ThemesForm.base_fields["theme_notes"]

    def clean(self):
        data = super().clean()
        last_day, submitted = data.get("last_day"), data.get("submitted_on")
        if last_day and submitted and last_day < submitted:
            self.add_error(
                "last_day",
                "The last day cannot be before the date the resignation was submitted "
                f"({submitted:%d/%m/%Y}).",
            )
        return data


class WithdrawForm(forms.Form):
    withdrawn_on = date_field("Date withdrawn", initial=date.today)


class ConcernForm(forms.Form):
    officer = forms.ModelChoiceField(label="Student officer", queryset=User.objects.none())
    concern = forms.CharField(
        label="What have you noticed?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="A few lines are enough. Only the welfare team will read this.",
    )

    def __init__(self, *args, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = students


class ProbationExtendForm(forms.Form):
    new_end = date_field("New expected end")
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 2}))
    approved_by = StaffNumberField(label="Approved by (staff number)", max_length=20)
    approved_on = date_field("Approved on", initial=date.today)


class ProbationConfirmForm(forms.Form):
    confirmed_on = date_field("Confirmed on", initial=date.today)


class Reg13OpenForm(forms.Form):
    officer = StaffNumberField(label="Student officer's staff number", max_length=20)
    referred_on = date_field("Referred on", initial=date.today)
    grounds = forms.CharField(label="Grounds", widget=forms.Textarea(attrs={"rows": 3}))


class Reg13AdvanceForm(forms.Form):
    stage = forms.ChoiceField(label="Next stage", choices=Reg13Stage.choices)
    reached_on = date_field("Date", initial=date.today)
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    decision = forms.ChoiceField(
        label="Decision (at the decision stage)",
        choices=[("", "—"), *Reg13Decision.choices],
        required=False,
    )
    notice_ends_on = date_field("Notice ends (blank: one month)", required=False)


class FiguresForm(forms.Form):
    cohort_from = date_field("Cohorts starting from", required=False)
    cohort_to = date_field("Cohorts starting up to", required=False)
    as_at = date_field("As at", required=False)
    cases_from = date_field("Cases notified from", required=False)
    cases_to = date_field("Cases notified up to", required=False)
