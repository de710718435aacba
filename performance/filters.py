import django_filters
from django import forms

from performance.models import AppealStatus, Rating, RatingStatus


class PanelRatingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=RatingStatus.choices,
        empty_label="Any status",
        label="Status",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    changed = django_filters.BooleanFilter(
        field_name="decision__changed",
        label="Changed by the panel",
        widget=forms.NullBooleanSelect(attrs={"class": "form-select"}),
    )
    appeal = django_filters.ChoiceFilter(
        field_name="appeal__status",
        choices=AppealStatus.choices,
        empty_label="Any or none",
        label="Appeal",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    class Meta:
        model = Rating
        fields = ["status", "changed", "appeal"]
