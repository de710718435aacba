from django import forms

from adjustments.models import AccessToWork, Adjustment, DyslexiaReferral, Passport
from adjustments.services.passports import ATW_FIELDS, OWNER_SECTIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DATE, help_text=help_text)


class PassportForm(forms.ModelForm):
    """The colleague's own sections."""

    class Meta:
        model = Passport
        fields = list(OWNER_SECTIONS)
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in OWNER_SECTIONS}


class PassportEditForm(PassportForm):
    # The version the page was loaded at: a save against an older one is refused (StaleEdit).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PassportCreateForm(PassportForm):
    review_date = _date(
        "First review date", required=False, help_text="Leave blank for 6 months from today."
    )

    class Meta(PassportForm.Meta):
        pass


class Section41Form(forms.Form):
    section_4_1 = forms.CharField(
        label="Section 4.1: your comments as line manager", widget=forms.Textarea
    )


class RecommendForm(forms.Form):
    recommendations = forms.CharField(label="Recommendations", widget=forms.Textarea)


class ActivateForm(forms.Form):
    review_date = _date(
        "Review date", required=False, help_text="Leave blank for 6 months from today."
    )


class ReviewForm(forms.Form):
    notes = forms.CharField(label="Notes from the review", required=False, widget=forms.Textarea)


class CloseForm(forms.Form):
    reason = forms.CharField(label="Why is it closing?", max_length=200)


class AdjustmentForm(forms.ModelForm):
    class Meta:
        model = Adjustment
        fields = ["description", "kind", "cost", "funder", "requested_on"]
        labels = {"cost": "Cost in pounds", "requested_on": "Requested on"}
        widgets = {"requested_on": DATE}


class DeclineForm(forms.Form):
    category = forms.ChoiceField(
        label="Kind of reason", choices=[("", "---------"), *Adjustment.DeclineCategory.choices]
    )
    reason = forms.CharField(
        label="Reason (the colleague will read this)", widget=forms.Textarea, required=False
    )


class AgreeForm(forms.Form):
    decided_on = _date("Agreed on", required=False, help_text="Leave blank for today.")


class InPlaceForm(forms.Form):
    in_place_on = _date("In place on", required=False, help_text="Leave blank for today.")


class EndForm(forms.Form):
    ended_on = _date("Ended on", required=False, help_text="Leave blank for today.")


class AccessToWorkForm(forms.ModelForm):
    class Meta:
        model = AccessToWork
        fields = list(ATW_FIELDS)
        labels = {"award_amount": "Award in pounds", "employer_share": "Employer's share in pounds"}
        widgets = {
            "applied_on": DATE,
            "assessment_on": DATE,
            "award_on": DATE,
            "review_on": DATE,
            "assessment_notes": forms.Textarea(attrs={"rows": 3}),
        }


class StaffNumberForm(forms.Form):
    staff_number = forms.CharField(label="Staff number of the colleague", max_length=20)


class ReferralSendForm(StaffNumberForm):
    staff_number = forms.CharField(label="Staff number of the joining student officer")


class OnDateForm(forms.Form):
    on = _date("Date", required=False, help_text="Leave blank for today.")


class RiskAssessmentForm(forms.Form):
    on = _date("Risk assessment in place on")


class BookScreeningForm(forms.Form):
    assessor = forms.ModelChoiceField(label="In-house assessor", queryset=None)
    screening_on = _date("Screening on")

    def __init__(self, *args, assessors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = assessors


class ScreeningForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Screening outcome", choices=DyslexiaReferral.Screening.choices
    )
    recommendations = forms.CharField(required=False, widget=forms.Textarea)


class BookAssessmentForm(forms.Form):
    assessment_on = _date("Diagnostic assessment on")


class AssessmentForm(forms.Form):
    result = forms.ChoiceField(
        label="Diagnostic result", choices=DyslexiaReferral.Diagnosis.choices
    )
    recommendations = forms.CharField(widget=forms.Textarea)


class JoinersFromForm(forms.Form):
    starting_from = _date(
        "Joiners starting on or after",
        help_text="Every student officer starting then or later who has not had the form.",
    )
