import django_filters
from django.db.models import Q

from people.models import Department
from programmes.models import Benefit, BenefitClass, BenefitKind, BenefitStatus, Programme, Project


class BenefitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search")
    status = django_filters.ChoiceFilter(
        label="Status", choices=BenefitStatus.choices, empty_label="Any status"
    )
    benefit_class = django_filters.ChoiceFilter(
        label="Class", choices=BenefitClass.choices, empty_label="Any class"
    )
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=BenefitKind.choices, empty_label="Benefits and dis-benefits"
    )
    department = django_filters.ModelChoiceFilter(
        label="Owning department", queryset=Department.objects.all(), empty_label="Any department"
    )
    programme = django_filters.ModelChoiceFilter(
        label="Programme",
        field_name="project__programme",
        queryset=Programme.objects.all(),
        empty_label="Any programme",
    )

    project = django_filters.ModelChoiceFilter(
        label="Project",
        queryset=Project.objects.select_related("programme"),
        empty_label="Any project",
    )

    class Meta:
        model = Benefit
        fields = ["q", "status", "benefit_class", "kind", "department", "programme", "project"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(reference__icontains=value)
            | Q(description__icontains=value)
            | Q(measure__icontains=value)
        )


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search")
    programme = django_filters.ModelChoiceFilter(
        label="Programme", queryset=Programme.objects.all(), empty_label="Any programme"
    )
    status = django_filters.ChoiceFilter(
        label="Programme status",
        field_name="programme__status",
        choices=Programme._meta.get_field("status").choices,
        empty_label="Live or closed",
    )

    class Meta:
        model = Project
        fields = ["q", "programme", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_description__icontains=value))
