import django_filters
from django import forms

from reports.models import ReportRun, RunStatus


class RunFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=RunStatus.choices,
        empty_label="Any status",
        label="Status",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    class Meta:
        model = ReportRun
        fields = ["status"]
