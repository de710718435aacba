from datetime import date

import django_filters
from django.db.models import Q

from people.models import CONSTABLE_ROUTES, EntryRoute, Probation
from welfare.models import HowOpened, Outcome, WelfareCase

ROUTE_CHOICES = [(r.value, r.label) for r in EntryRoute if r in CONSTABLE_ROUTES]


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("open", "Open"), ("overdue", "Overdue for first contact"), ("closed", "Closed")],
        method="by_status",
        empty_label="Any",
    )
    how_opened = django_filters.ChoiceFilter(
        label="How opened", choices=HowOpened.choices, empty_label="Any"
    )
    outcome = django_filters.ChoiceFilter(
        label="Outcome", choices=Outcome.choices, empty_label="Any"
    )
    route = django_filters.ChoiceFilter(
        label="Entry route",
        field_name="officer__probation__route",
        choices=ROUTE_CHOICES,
        empty_label="Any",
    )
    assigned = django_filters.ChoiceFilter(
        label="Assigned to",
        choices=[("me", "Me"), ("nobody", "Nobody yet")],
        method="by_assignee",
        empty_label="Anyone",
    )
    officer = django_filters.CharFilter(label="Staff number or surname", method="by_officer")

    class Meta:
        model = WelfareCase
        fields = ["status", "how_opened", "outcome", "route", "assigned", "officer"]

    def by_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(closed_on=None)
        if value == "closed":
            return queryset.exclude(closed_on=None)
        return queryset.filter(
            closed_on=None, first_contact_on=None, first_contact_due__lt=date.today()
        )

    def by_assignee(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assigned_to=self.request.user)
        return queryset.filter(assigned_to=None)

    def by_officer(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(officer__staff_number__iexact=value) | Q(officer__last_name__istartswith=value)
        )


class ProbationFilter(django_filters.FilterSet):
    route = django_filters.ChoiceFilter(
        label="Entry route", choices=ROUTE_CHOICES, empty_label="Any"
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[
            ("current", "On probation"),
            ("extended", "Extended"),
            ("confirmed", "Confirmed"),
            ("left", "Left"),
        ],
        method="by_status",
        empty_label="Any",
    )

    class Meta:
        model = Probation
        fields = ["route", "status"]

    def by_status(self, queryset, name, value):
        if value == "current":
            return queryset.filter(confirmed_on=None, officer__leave_date=None)
        if value == "extended":
            return queryset.filter(extensions__isnull=False).distinct()
        if value == "confirmed":
            return queryset.exclude(confirmed_on=None)
        return queryset.exclude(officer__leave_date=None)
