from django.contrib import admin

from core.admin import BigTableAdmin
from programmes.models import (
    BaselineVersion,
    Benefit,
    BenefitsReview,
    FinancialLine,
    FteEfficiency,
    Measurement,
    ProfileLine,
    Programme,
    Project,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record that is evidence once written: viewable, never changed or deleted here."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class ProjectInline(admin.TabularInline):
    model = Project
    extra = 0
    fields = ["name", "short_description", "owner", "department", "position"]
    raw_id_fields = ["owner"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "position"]
    list_filter = ["status"]
    search_fields = ["name"]
    inlines = [ProjectInline]


class FinancialLineInline(admin.TabularInline):
    model = FinancialLine
    extra = 0


class FteEfficiencyInline(admin.TabularInline):
    model = FteEfficiency
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "owner", "department"]
    list_filter = ["programme__status", "programme"]
    search_fields = ["name", "short_description"]
    raw_id_fields = ["owner"]
    list_select_related = ["programme", "owner", "department"]
    inlines = [FinancialLineInline, FteEfficiencyInline]


@admin.register(FinancialLine)
class FinancialLineAdmin(admin.ModelAdmin):
    list_display = [
        "project",
        "financial_year",
        "capital",
        "one_off_costs",
        "recurring_costs",
        "cashable_benefits",
        "non_cashable_benefits",
    ]
    list_filter = ["financial_year", "project__programme"]
    search_fields = ["project__name", "financial_year"]
    raw_id_fields = ["project"]
    list_select_related = ["project__programme"]


@admin.register(FteEfficiency)
class FteEfficiencyAdmin(admin.ModelAdmin):
    list_display = ["project", "portfolio", "status", "fte"]
    list_filter = ["status", "portfolio"]
    search_fields = ["project__name"]
    raw_id_fields = ["project"]
    list_select_related = ["project__programme"]


class ProfileLineInline(admin.TabularInline):
    model = ProfileLine
    extra = 0


class BaselineVersionInline(admin.TabularInline):
    model = BaselineVersion
    extra = 0
    can_delete = False
    readonly_fields = [
        "version",
        "value",
        "baseline_date",
        "source",
        "target_value",
        "reason",
        "approved_by",
        "approved_on",
    ]
    exclude = ["planned_profile", "recorded_by"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Benefit)
class BenefitAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ["reference", "project", "kind", "benefit_class", "department", "status"]
    list_filter = ["status", "benefit_class", "kind", "project__programme"]
    search_fields = ["reference", "description", "measure"]
    raw_id_fields = ["owner", "project"]
    list_select_related = ["project__programme", "department"]
    readonly_fields = ["baseline_value", "baseline_date", "baseline_source", "target_value"]
    inlines = [ProfileLineInline, BaselineVersionInline]


@admin.register(ProfileLine)
class ProfileLineAdmin(admin.ModelAdmin):
    list_display = ["benefit", "financial_year", "planned", "forecast", "actual"]
    list_filter = ["financial_year"]
    search_fields = ["benefit__reference"]
    raw_id_fields = ["benefit"]
    list_select_related = ["benefit"]
    show_full_result_count = False


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["benefit", "measured_on", "value", "recorded_by"]
    list_filter = ["measured_on"]
    search_fields = ["benefit__reference", "evidence"]
    raw_id_fields = ["benefit", "recorded_by"]
    list_select_related = ["benefit", "recorded_by"]
    show_full_result_count = False


@admin.register(BaselineVersion)
class BaselineVersionAdmin(ReadOnlyAdmin):
    list_display = ["benefit", "version", "value", "approved_by", "approved_on"]
    list_filter = ["approved_on"]
    search_fields = ["benefit__reference", "reason"]
    raw_id_fields = ["benefit", "approved_by", "recorded_by"]
    list_select_related = ["benefit", "approved_by"]


@admin.register(BenefitsReview)
class BenefitsReviewAdmin(ReadOnlyAdmin):
    list_display = ["title", "as_at", "taken_at", "taken_by"]
    list_filter = ["as_at"]
    search_fields = ["title", "note"]
    raw_id_fields = ["taken_by"]
    list_select_related = ["taken_by"]
