from django.contrib import admin

from core.admin import BigTableAdmin
from core.audit import record_read
from welfare.models import (
    CaseTheme,
    ContactLogEntry,
    Reg13Case,
    Reg13StageRecord,
    Resignation,
    SupportOffered,
    WelfareCase,
)


class ReadLoggedAdmin(admin.ModelAdmin):
    """Special-category records: opening one in admin is logged like any other read."""

    show_full_result_count = False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None:
            record_read(user=request.user, obj=obj, reason="admin")
        return super().change_view(request, object_id, form_url, extra_context)


class ContactInline(admin.TabularInline):
    model = ContactLogEntry
    extra = 0
    raw_id_fields = ["recorded_by"]


class SupportInline(admin.TabularInline):
    model = SupportOffered
    extra = 0


class ThemeInline(admin.TabularInline):
    model = CaseTheme
    extra = 0


@admin.register(WelfareCase)
class WelfareCaseAdmin(BigTableAdmin, ReadLoggedAdmin):
    list_display = [
        "id",
        "officer",
        "how_opened",
        "notified_on",
        "assigned_to",
        "first_contact_due",
        "first_contact_on",
        "outcome",
        "closed_on",
    ]
    list_filter = ["how_opened", "outcome", "notified_on", "closed_on"]
    search_fields = ["officer__staff_number", "officer__last_name", "officer__first_name"]
    raw_id_fields = ["officer", "raised_by", "assigned_to"]
    list_select_related = ["officer", "assigned_to"]
    date_hierarchy = "notified_on"
    inlines = [ThemeInline, SupportInline, ContactInline]


@admin.register(ContactLogEntry)
class ContactLogEntryAdmin(ReadLoggedAdmin):
    show_full_result_count = False  # no full-table COUNT on the change list
    list_display = ["case", "contact_on", "kind", "follow_up_due", "recorded_by"]
    list_filter = ["kind", "contact_on"]
    search_fields = ["case__officer__staff_number", "case__officer__last_name"]
    raw_id_fields = ["case", "recorded_by"]
    list_select_related = ["case", "recorded_by"]


@admin.register(SupportOffered)
class SupportOfferedAdmin(admin.ModelAdmin):
    list_display = ["case", "kind", "offered_on"]
    list_filter = ["kind", "offered_on"]
    search_fields = ["case__officer__staff_number", "case__officer__last_name"]
    raw_id_fields = ["case"]
    list_select_related = ["case"]
    show_full_result_count = False


@admin.register(CaseTheme)
class CaseThemeAdmin(admin.ModelAdmin):
    list_display = ["case", "theme"]
    list_filter = ["theme"]
    search_fields = ["case__officer__staff_number", "case__officer__last_name"]
    raw_id_fields = ["case"]
    list_select_related = ["case"]
    show_full_result_count = False


@admin.register(Resignation)
class ResignationAdmin(ReadLoggedAdmin):
    list_display = [
        "officer",
        "submitted_on",
        "notice_days",
        "last_day",
        "during_probation",
        "withdrawn_on",
    ]
    list_filter = ["during_probation", "submitted_on", "withdrawn_on"]
    search_fields = ["officer__staff_number", "officer__last_name", "officer__first_name"]
    raw_id_fields = ["case", "officer"]
    list_select_related = ["officer"]


class Reg13StageInline(admin.TabularInline):
    model = Reg13StageRecord
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(Reg13Case)
class Reg13CaseAdmin(ReadLoggedAdmin):
    list_display = ["id", "officer", "stage", "decision", "notice_ends_on", "created_at"]
    list_filter = ["stage", "decision"]
    search_fields = ["officer__staff_number", "officer__last_name", "officer__first_name"]
    raw_id_fields = ["officer", "welfare_case"]
    list_select_related = ["officer"]
    inlines = [Reg13StageInline]


@admin.register(Reg13StageRecord)
class Reg13StageRecordAdmin(admin.ModelAdmin):
    list_display = ["reg13_case", "stage", "reached_on", "recorded_by"]
    list_filter = ["stage", "reached_on"]
    search_fields = ["reg13_case__officer__staff_number", "reg13_case__officer__last_name"]
    raw_id_fields = ["reg13_case", "recorded_by"]
    list_select_related = ["reg13_case", "recorded_by"]
    show_full_result_count = False
