import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from people.models import EntryRoute
from recruitment.forms import recruitment_officers
from recruitment.models import (
    Campaign,
    Candidate,
    Channel,
    EOISource,
    ExpressionOfInterest,
    Intake,
    eoi_search_text,
)
from recruitment.selectors import search_eois

EOI = ExpressionOfInterest


class EOIFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Name, email, phone or postcode")
    status = django_filters.ChoiceFilter(choices=EOI.Status.choices, empty_label="Any")
    route = django_filters.ChoiceFilter(choices=EntryRoute.choices, empty_label="Any")
    channel = django_filters.ChoiceFilter(
        choices=Channel.choices, method="by_source", label="Channel", empty_label="Any"
    )
    campaign = django_filters.ModelChoiceFilter(
        queryset=Campaign.objects.all(), method="by_source", label="Campaign", empty_label="Any"
    )
    assigned_to = django_filters.ModelChoiceFilter(
        queryset=recruitment_officers(), label="Assigned to", empty_label="Anyone"
    )
    overdue = django_filters.ChoiceFilter(
        choices=[("yes", "Overdue only"), ("no", "Not overdue")],
        method="by_overdue",
        label="Next action",
        empty_label="Any",
    )

    class Meta:
        model = EOI
        fields = ["q", "status", "route", "channel", "campaign", "assigned_to", "overdue"]

    def search(self, queryset, name, value):
        return search_eois(queryset, value)

    def by_source(self, queryset, name, value):
        sources = EOISource.objects.filter(eoi=OuterRef("pk"), **{name: value})
        return queryset.filter(Exists(sources))

    def by_overdue(self, queryset, name, value):
        late = Q(next_action_on__lt=timezone.localdate()) & Q(
            status__in=[EOI.Status.NEW, EOI.Status.CONTACTED, EOI.Status.APPLYING]
        )
        return queryset.filter(late) if value == "yes" else queryset.exclude(late)


class CandidateFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Name or email")
    status = django_filters.ChoiceFilter(choices=Candidate.Status.choices, empty_label="Any")
    route = django_filters.ChoiceFilter(choices=EntryRoute.choices, empty_label="Any")
    intake = django_filters.ModelChoiceFilter(queryset=Intake.objects.all(), empty_label="Any")

    class Meta:
        model = Candidate
        fields = ["q", "status", "route", "intake"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.alias(search_text=eoi_search_text("eoi__")).filter(
            search_text__contains=value.upper()
        )
