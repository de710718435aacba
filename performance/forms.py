from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError

from performance.models import AppealStatus, RatingLevel


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False  # several forms share a page; the template writes the <form>
    return helper


class PeelForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def add_service_error(self, error: ValidationError) -> None:
        """Put a service's ValidationError next to the field it names, else above the form."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label="Performance year", coerce=int, required=False)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y.start_year, y.label) for y in years]


MEASURES = [("what", "What (achievement)"), ("how", "How (behaviours)")]


class MeasureForm(forms.Form):
    measure = forms.ChoiceField(label="Rating", choices=MEASURES, required=False)


class YearMeasureForm(YearForm):
    measure = forms.ChoiceField(label="Rating", choices=MEASURES, required=False)


class ObjectiveForm(PeelForm):
    position = forms.TypedChoiceField(
        label="Objective",
        choices=[(1, "Individual objective 1"), (2, "Individual objective 2")],
        coerce=int,
    )
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class CheckInForm(PeelForm):
    held_on = forms.DateField(label="Date held", widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


class ReviewForm(PeelForm):
    summary = forms.CharField(
        label="Summary of the review", widget=forms.Textarea(attrs={"rows": 3})
    )
    completed_on = forms.DateField(
        label="Completed on", widget=forms.DateInput(attrs={"type": "date"})
    )


class LevelsForm(PeelForm):
    what = forms.ModelChoiceField(
        label="What rating (achievement)", queryset=RatingLevel.objects.none()
    )
    how = forms.ModelChoiceField(
        label="How rating (behaviours)", queryset=RatingLevel.objects.none()
    )

    def __init__(self, *args, year, required=True, **kwargs):
        super().__init__(*args, **kwargs)
        scales = {"what": year.what_scale_id, "how": year.how_scale_id}
        levels = list(RatingLevel.objects.filter(scale_id__in=set(scales.values())))
        levels.sort(key=lambda lvl: -lvl.rank)
        for name, scale_id in scales.items():
            field = self.fields[name]
            field.queryset = RatingLevel.objects.filter(scale_id=scale_id)
            # choices from the one query above, so rendering both fields costs no more
            field.choices = [("", "---------")] + [
                (lvl.pk, lvl.label) for lvl in levels if lvl.scale_id == scale_id
            ]
        self.fields["how"].label = f"How rating (behaviours, {year.how_framework})"
        self.fields["what"].required = self.fields["how"].required = required


class RatingForm(LevelsForm):
    # The rating's version when the page was loaded (0: there was none yet). A save against an
    # older one is refused (core.concurrency.StaleEdit).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)


class DecisionForm(LevelsForm):
    """Confirm the provisional rating, or change it with a reason."""

    outcome = forms.ChoiceField(
        label="Decision",
        choices=[("confirm", "Confirm as given"), ("change", "Change the rating")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason for the change", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    field_order = ["outcome", "what", "how", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, required=False, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "change":
            for name in ("what", "how"):
                if not data.get(name):
                    self.add_error(name, "Choose the level the panel gives.")
        return data


class AppealForm(PeelForm):
    grounds = forms.CharField(
        label="Why are you appealing?", widget=forms.Textarea(attrs={"rows": 4})
    )


class AppealDecisionForm(LevelsForm):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[(AppealStatus.UPHELD, "Upheld"), (AppealStatus.NOT_UPHELD, "Not upheld")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))
    field_order = ["decision", "what", "how", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, required=False, **kwargs)
        self.fields["what"].label += " if upheld"
        self.fields["how"].label += " if upheld"
