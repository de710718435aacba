import django_filters

from performance.models import AppealStatus, Rating, RatingStatus


class PanelRatingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=RatingStatus.choices, empty_label="Any status", label="Status"
    )
    changed = django_filters.BooleanFilter(
        field_name="decision__changed", label="Changed by the panel"
    )
    appeal = django_filters.ChoiceFilter(
        field_name="appeal__status",
        choices=AppealStatus.choices,
        empty_label="Any or none",
        label="Appeal",
    )

    class Meta:
        model = Rating
        fields = ["status", "changed", "appeal"]
