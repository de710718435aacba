from django.contrib import admin

from core.admin import BigTableAdmin
from core.audit import record_read
from recruitment import selectors
from recruitment.models import (
    Ambassador,
    Campaign,
    Candidate,
    ContactLog,
    EOIEquality,
    EOISource,
    ExpressionOfInterest,
    Intake,
    PipelineStage,
    PositiveActionSupport,
    StageResult,
    TieBreakCandidate,
    TieBreakDecision,
    Zone,
)


class ZoneInline(admin.TabularInline):
    model = Zone
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "channel", "starts_on", "ends_on", "place", "cost"]
    list_filter = ["channel", "starts_on"]
    search_fields = ["name", "place"]
    date_hierarchy = "starts_on"
    inlines = [ZoneInline]


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "campaign"]
    list_filter = ["kind"]
    search_fields = ["name", "campaign__name"]
    raw_id_fields = ["campaign"]
    list_select_related = ["campaign"]


@admin.register(Ambassador)
class AmbassadorAdmin(admin.ModelAdmin):
    list_display = ["person", "inducted_on", "trainer", "active"]
    list_filter = ["active", "inducted_on"]
    search_fields = ["person__staff_number", "person__last_name", "trainer"]
    raw_id_fields = ["person"]
    list_select_related = ["person"]


class EOISourceInline(admin.TabularInline):
    model = EOISource
    extra = 0
    raw_id_fields = ["campaign", "zone", "ambassador", "captured_by"]


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ["id", "last_name", "first_name", "route", "status", "received_on"]
    list_filter = ["status", "route", "closed_reason", "received_on"]
    search_fields = ["last_name", "first_name", "email", "phone", "postcode"]
    raw_id_fields = ["captured_by", "assigned_to", "merged_into"]
    list_select_related = ["assigned_to"]
    inlines = [EOISourceInline]

    def get_search_results(self, request, queryset, search_term):
        """The EOI list's own search (its trigram index), not an icontains per field."""
        if not search_term.strip():
            return queryset, False
        return selectors.search_eois(queryset, search_term), False


@admin.register(EOISource)
class EOISourceAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ["eoi", "channel", "campaign", "zone", "captured_on"]
    list_filter = ["channel", "captured_on"]
    search_fields = ["eoi__last_name", "campaign__name"]
    raw_id_fields = ["eoi", "campaign", "zone", "ambassador", "captured_by"]
    list_select_related = ["eoi", "campaign", "zone"]


@admin.register(EOIEquality)
class EOIEqualityAdmin(BigTableAdmin, admin.ModelAdmin):
    """Special category: superusers only, and every record opened is logged."""

    list_display = ["eoi", "updated_at"]
    list_filter = ["updated_at"]
    search_fields = ["eoi__id"]
    raw_id_fields = ["eoi"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and self.has_view_permission(request, obj):
            record_read(user=request.user, obj=obj, reason="admin")
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ContactLog)
class ContactLogAdmin(admin.ModelAdmin):
    list_display = ["eoi", "contacted_at", "method", "officer"]
    list_filter = ["method", "contacted_at"]
    search_fields = ["eoi__last_name", "note"]
    raw_id_fields = ["eoi", "officer"]
    list_select_related = ["eoi", "officer"]
    show_full_result_count = False


@admin.register(PipelineStage)
class PipelineStageAdmin(admin.ModelAdmin):
    list_display = ["route", "order", "name", "scored", "active"]
    list_display_links = ["name"]
    list_editable = ["order", "scored", "active"]
    list_filter = ["route", "active"]
    search_fields = ["name"]
    ordering = ["route", "order"]


@admin.register(Intake)
class IntakeAdmin(admin.ModelAdmin):
    list_display = ["name", "route", "start_date", "capacity"]
    list_filter = ["route", "start_date"]
    search_fields = ["name"]


class StageResultInline(admin.TabularInline):
    model = StageResult
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["eoi", "route", "status", "applied_on", "intake"]
    list_filter = ["route", "status", "intake"]
    search_fields = ["eoi__last_name", "eoi__first_name", "eoi__email"]
    raw_id_fields = ["eoi", "intake", "colleague"]
    list_select_related = ["eoi", "intake"]
    show_full_result_count = False
    inlines = [StageResultInline]


@admin.register(StageResult)
class StageResultAdmin(admin.ModelAdmin):
    list_display = ["candidate", "stage", "result", "score", "recorded_on"]
    list_filter = ["result", "stage__route", "stage"]
    search_fields = ["candidate__eoi__last_name"]
    raw_id_fields = ["candidate", "stage", "recorded_by"]
    list_select_related = ["candidate__eoi", "stage"]
    show_full_result_count = False


@admin.register(PositiveActionSupport)
class PositiveActionSupportAdmin(admin.ModelAdmin):
    list_display = ["eoi", "kind", "given_on", "group", "given_by"]
    list_filter = ["kind", "given_on"]
    search_fields = ["eoi__last_name", "group"]
    raw_id_fields = ["eoi", "given_by"]
    list_select_related = ["eoi", "given_by"]


class TieBreakCandidateInline(admin.TabularInline):
    model = TieBreakCandidate
    extra = 0
    raw_id_fields = ["candidate"]
    readonly_fields = ["candidate", "score"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(TieBreakDecision)
class TieBreakDecisionAdmin(admin.ModelAdmin):
    """Decisions are made through the service (which refuses unequal scores); here they are
    only read."""

    list_display = ["id", "stage", "score", "preferred", "characteristic", "decided_on"]
    list_filter = ["characteristic", "decided_on"]
    search_fields = ["preferred__eoi__last_name", "reason"]
    raw_id_fields = ["stage", "preferred", "decided_by"]
    list_select_related = ["stage", "preferred__eoi"]
    inlines = [TieBreakCandidateInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TieBreakCandidate)
class TieBreakCandidateAdmin(admin.ModelAdmin):
    list_display = ["decision", "candidate", "score"]
    search_fields = ["candidate__eoi__last_name"]
    raw_id_fields = ["decision", "candidate"]
    list_select_related = ["decision", "candidate__eoi"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
