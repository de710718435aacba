from django.contrib import admin

from reports.models import ReportFile, ReportRun, ReportSubscription


class ReportFileInline(admin.TabularInline):
    model = ReportFile
    extra = 0
    fields = ["kind", "file", "size", "created_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    list_display = [
        "report_type",
        "period_start",
        "period_end",
        "status",
        "progress",
        "requested_via",
        "requested_by",
        "attempts",
        "finished_at",
    ]
    list_filter = ["report_type", "status", "requested_via"]
    search_fields = ["report_type", "period_label", "requested_by__staff_number"]
    raw_id_fields = ["requested_by"]
    list_select_related = ["requested_by"]
    show_full_result_count = False
    readonly_fields = ["parameters_hash", "created_at", "updated_at", "error"]
    exclude = ["content"]
    inlines = [ReportFileInline]


@admin.register(ReportFile)
class ReportFileAdmin(admin.ModelAdmin):
    list_display = ["run", "kind", "size", "created_at"]
    list_filter = ["kind"]
    search_fields = ["file"]
    raw_id_fields = ["run"]
    list_select_related = ["run"]
    show_full_result_count = False


@admin.register(ReportSubscription)
class ReportSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["report_type", "user", "created_at"]
    list_filter = ["report_type"]
    search_fields = ["report_type", "user__staff_number", "user__last_name"]
    raw_id_fields = ["user"]
    list_select_related = ["user"]
