"""Programme registers: programmes, projects, financial lines and benefits, for those who
read them on the pages (benefits analysts, people analysts, admins: programmes.selectors)."""

from rest_framework import serializers, viewsets

from programmes import selectors
from programmes.models import Benefit, FinancialLine, Programme, Project


def _fake(view) -> bool:
    return getattr(view, "swagger_fake_view", False)


class ProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = ["id", "name", "status", "description"]
        read_only_fields = fields


class ProjectSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="programme.name", read_only=True)
    owner = serializers.CharField(source="owner.staff_number", read_only=True, allow_null=True)
    department = serializers.CharField(source="department.name", read_only=True, allow_null=True)

    class Meta:
        model = Project
        fields = ["id", "programme", "name", "short_description", "owner", "department"]
        read_only_fields = fields


class FinancialLineSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="project.programme.name", read_only=True)
    project = serializers.CharField(source="project.name", read_only=True)

    class Meta:
        model = FinancialLine
        fields = ["id", "programme", "project", "financial_year", *FinancialLine.AMOUNTS]
        read_only_fields = fields


class BenefitSerializer(serializers.ModelSerializer):
    project = serializers.CharField(source="project.name", read_only=True, allow_null=True)
    owner = serializers.CharField(source="owner.staff_number", read_only=True, allow_null=True)
    department = serializers.CharField(source="department.name", read_only=True, allow_null=True)

    class Meta:
        model = Benefit
        fields = [
            "id",
            "reference",
            "project",
            "description",
            "kind",
            "benefit_class",
            "owner",
            "department",
            "measure",
            "unit",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "status",
            "bau_date",
        ]
        read_only_fields = fields


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    """Programmes (register readers only; anyone else gets an empty list)."""

    serializer_class = ProgrammeSerializer

    def get_queryset(self):
        return (
            Programme.objects.none()
            if _fake(self)
            else selectors.programme_list(user=self.request.user)
        )


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    """Projects (register readers only)."""

    serializer_class = ProjectSerializer

    def get_queryset(self):
        return (
            Project.objects.none()
            if _fake(self)
            else selectors.project_list(user=self.request.user)
        )


class FinancialLineViewSet(viewsets.ReadOnlyModelViewSet):
    """Each project's costs and benefits by financial year (register readers only)."""

    serializer_class = FinancialLineSerializer

    def get_queryset(self):
        return (
            FinancialLine.objects.none()
            if _fake(self)
            else selectors.financial_line_list(user=self.request.user)
        )


class BenefitViewSet(viewsets.ReadOnlyModelViewSet):
    """The benefit register (register readers only)."""

    serializer_class = BenefitSerializer

    def get_queryset(self):
        return (
            Benefit.objects.none()
            if _fake(self)
            else selectors.benefit_list(user=self.request.user)
        )
