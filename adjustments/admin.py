from django.contrib import admin

from adjustments.models import (
    SNAPSHOT_FIELDS,
    AccessToWork,
    Adjustment,
    DyslexiaReferral,
    JoinerNeed,
    ManagerConsent,
    Passport,
    PassportEvent,
    PassportVersion,
)
from core.admin import BigTableAdmin


@admin.register(JoinerNeed)
class JoinerNeedAdmin(admin.ModelAdmin):
    list_display = ["name", "source", "expected_start", "status", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["name", "email", "source"]
    raw_id_fields = ["person", "acknowledged_by"]
    list_select_related = ["person"]
    date_hierarchy = "created_at"


class AdjustmentInline(admin.TabularInline):
    model = Adjustment
    extra = 0
    raw_id_fields = ["decided_by"]


class AccessToWorkInline(admin.TabularInline):
    model = AccessToWork
    extra = 0


class ConsentInline(admin.TabularInline):
    model = ManagerConsent
    extra = 0
    raw_id_fields = ["manager"]


@admin.register(Passport)
class PassportAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = [
        "__str__",
        "owner",
        "status",
        "submitted_version",
        "submitted_at",
        "review_date",
    ]
    list_filter = ["status", "conditions_visibility", "review_date"]
    search_fields = ["owner__staff_number", "owner__last_name"]
    raw_id_fields = ["owner", "ra_officer", "section_4_1_by", "joiner_need"]
    list_select_related = ["owner"]
    # The special-category sections are read in Peel, where each read is logged; not here.
    exclude = SNAPSHOT_FIELDS
    inlines = [AdjustmentInline, AccessToWorkInline, ConsentInline]


@admin.register(PassportVersion)
class PassportVersionAdmin(admin.ModelAdmin):
    list_display = ["passport", "number", "submitted_by", "created_at"]
    exclude = ["content"]  # special category: read in Peel, where reads are logged
    list_filter = ["created_at"]
    search_fields = ["passport__owner__staff_number"]
    raw_id_fields = ["passport", "submitted_by"]
    list_select_related = ["passport", "submitted_by"]
    show_full_result_count = False


@admin.register(PassportEvent)
class PassportEventAdmin(admin.ModelAdmin):
    list_display = ["passport", "at", "action", "text", "actor"]
    list_filter = ["action", "at"]
    search_fields = ["text", "passport__owner__staff_number"]
    raw_id_fields = ["passport", "actor"]
    list_select_related = ["passport", "actor"]
    show_full_result_count = False


@admin.register(ManagerConsent)
class ManagerConsentAdmin(admin.ModelAdmin):
    list_display = ["passport", "manager", "given_at", "withdrawn_at"]
    list_filter = ["given_at", "withdrawn_at"]
    search_fields = ["manager__staff_number", "passport__owner__staff_number"]
    raw_id_fields = ["passport", "manager"]
    list_select_related = ["passport", "manager"]


@admin.register(Adjustment)
class AdjustmentAdmin(admin.ModelAdmin):
    list_display = ["description", "passport", "kind", "cost", "funder", "status", "requested_on"]
    list_filter = ["status", "kind", "funder", "decline_category", "requested_on"]
    search_fields = ["description", "passport__owner__staff_number"]
    raw_id_fields = ["passport", "decided_by"]
    list_select_related = ["passport"]
    show_full_result_count = False


@admin.register(AccessToWork)
class AccessToWorkAdmin(admin.ModelAdmin):
    list_display = ["reference", "passport", "status", "applied_on", "award_amount", "review_on"]
    list_filter = ["status", "applied_on", "review_on"]
    search_fields = ["reference", "passport__owner__staff_number"]
    raw_id_fields = ["passport"]
    list_select_related = ["passport"]


@admin.register(DyslexiaReferral)
class DyslexiaReferralAdmin(admin.ModelAdmin):
    list_display = ["person", "stage", "form_sent_on", "assessor"]
    list_filter = ["stage", "form_sent_on"]
    # outcomes are special category: read in Peel, where reads are logged
    exclude = ["screening_outcome", "diagnostic_result", "recommendations"]
    search_fields = ["person__staff_number", "person__last_name"]
    raw_id_fields = ["person", "assessor", "passport"]
    list_select_related = ["person", "assessor"]
    show_full_result_count = False
