"""Admins set years, phase dates, scales, force and departmental objectives, panels and
promotion processes here. Ratings, decisions and appeals are read-only: they change only
through the services, which enforce the rules."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.admin import BigTableAdmin
from performance import services
from performance.models import (
    Appeal,
    CheckIn,
    ModerationDecision,
    ModerationPanel,
    Objective,
    PerformanceYear,
    PromotionApplication,
    PromotionProcess,
    Rating,
    RatingLevel,
    RatingScale,
    YearEndReview,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record that changes only through a service: view it here, never edit it."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RatingLevelInline(admin.TabularInline):
    model = RatingLevel
    extra = 0


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "description"]
    search_fields = ["name"]
    inlines = [RatingLevelInline]


@admin.register(RatingLevel)
class RatingLevelAdmin(admin.ModelAdmin):
    list_display = ["label", "scale", "rank", "is_achieved"]
    list_filter = ["scale", "is_achieved"]
    search_fields = ["label", "code"]
    list_select_related = ["scale"]


@admin.register(PerformanceYear)
class PerformanceYearAdmin(admin.ModelAdmin):
    list_display = [
        "label",
        "phase_today",
        "objective_setting_from",
        "in_year_from",
        "year_end_from",
        "moderation_from",
        "closed_from",
        "how_framework",
    ]
    search_fields = ["start_year", "how_framework"]
    list_filter = ["how_framework"]
    list_select_related = ["what_scale", "how_scale"]

    @admin.display(description="Phase today")
    def phase_today(self, obj):
        return obj.phase_on(timezone.localdate())


class ObjectiveAdminForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["year", "level", "position", "department", "person", "title", "description"]

    def clean(self):
        data = super().clean()
        year = data.get("year")
        if year is not None:
            try:
                services.require_phase(year, services.OBJECTIVE_PHASES, doing="Setting objectives")
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return data


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    form = ObjectiveAdminForm
    list_display = ["title", "level", "position", "year", "department", "person", "agreed_on"]
    list_filter = ["level", "year", "department"]
    search_fields = ["title", "person__staff_number", "person__last_name"]
    raw_id_fields = ["person", "department", "set_by"]
    list_select_related = ["year", "department", "person"]
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        """Through the service, so the audit entry and the setter rules apply."""
        data = form.cleaned_data
        saved = services.objective_set(
            actor=request.user,
            year=data["year"],
            level=data["level"],
            position=data["position"],
            title=data["title"],
            description=data["description"],
            department=data["department"],
            person=data["person"],
        )
        obj.pk = saved.pk


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdmin):
    list_display = ["person", "year", "held_on", "recorded_by"]
    list_filter = ["year"]
    search_fields = ["person__staff_number", "person__last_name"]
    raw_id_fields = ["person", "recorded_by"]
    list_select_related = ["person", "year", "recorded_by"]
    show_full_result_count = False


@admin.register(YearEndReview)
class YearEndReviewAdmin(ReadOnlyAdmin):
    list_display = ["person", "year", "manager", "completed_on"]
    list_filter = ["year", ("completed_on", admin.EmptyFieldListFilter)]
    search_fields = ["person__staff_number", "person__last_name"]
    raw_id_fields = ["person", "manager"]
    list_select_related = ["person", "year", "manager"]
    show_full_result_count = False


@admin.register(Rating)
class RatingAdmin(BigTableAdmin, ReadOnlyAdmin):
    list_display = [
        "person",
        "year",
        "department",
        "provisional_what",
        "provisional_how",
        "status",
        "final_what",
        "final_how",
    ]
    list_filter = ["year", "status", "department"]
    search_fields = ["person__staff_number", "person__last_name"]
    raw_id_fields = ["person", "manager"]
    list_select_related = [
        "person",
        "year",
        "department",
        "provisional_what",
        "provisional_how",
        "final_what",
        "final_how",
    ]


@admin.register(ModerationPanel)
class ModerationPanelAdmin(admin.ModelAdmin):
    list_display = ["department", "year", "meets_on", "closed_on"]
    list_filter = ["year", ("closed_on", admin.EmptyFieldListFilter)]
    search_fields = ["department__name"]
    raw_id_fields = ["members", "department"]
    readonly_fields = ["closed_on", "closed_by"]
    list_select_related = ["department", "year"]


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["rating", "panel", "what", "how", "changed", "decided_by", "decided_on"]
    list_filter = ["changed", "panel__year"]
    search_fields = ["rating__person__staff_number", "reason"]
    raw_id_fields = ["rating", "decided_by"]
    list_select_related = ["panel__department", "panel__year", "what", "how", "decided_by"]
    show_full_result_count = False


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ["rating", "lodged_on", "status", "decided_by", "decided_on"]
    list_filter = ["status"]
    search_fields = ["rating__person__staff_number", "grounds"]
    raw_id_fields = ["rating", "decided_by"]
    list_select_related = ["decided_by"]


@admin.register(PromotionProcess)
class PromotionProcessAdmin(admin.ModelAdmin):
    list_display = ["name", "from_rank", "to_rank", "season", "year", "opens_on"]
    list_filter = ["to_rank", "season", "year"]
    search_fields = ["year", "from_rank", "to_rank"]


@admin.register(PromotionApplication)
class PromotionApplicationAdmin(admin.ModelAdmin):
    list_display = ["applicant", "process", "outcome"]
    list_filter = ["outcome", "process"]
    search_fields = ["applicant__staff_number", "applicant__last_name"]
    raw_id_fields = ["applicant"]
    list_select_related = ["applicant", "process"]
    show_full_result_count = False
