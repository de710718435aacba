from datetime import date

from django import forms

from reports import periods
from reports.registry import ReportType


class RunNowForm(forms.Form):
    """Which period (and options) to run a report for; the latest complete period first."""

    period = forms.ChoiceField(label="Period")
    rerun = forms.BooleanField(
        label="Build it again even if it has already run",
        required=False,
        help_text="Otherwise asking again opens the run that exists.",
    )

    def __init__(self, *args, report_type: ReportType, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.report_type = report_type
        choices = periods.recent(report_type.period_kind, today)
        self.fields["period"].choices = [
            (p.key, f"{p.label} (in progress)" if p.end >= today else p.label) for p in choices
        ]
        self.fields["period"].initial = periods.latest_complete(report_type.period_kind, today).key
        for name, option in report_type.options.items():
            self.fields[name] = forms.ChoiceField(
                label=option.label, choices=option.choices, initial=option.default
            )

    def clean_period(self):
        try:
            return periods.from_key(self.report_type.period_kind, self.cleaned_data["period"])
        except ValueError as error:
            raise forms.ValidationError("Choose one of the periods listed.") from error

    def parameters(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.report_type.options}
