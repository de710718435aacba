from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin

from core.models import OutboxMessage, RetentionRun, Setting, SubjectAccessExport
from core.pagination import EstimatedCountPaginator
from core.settings_store import forget_setting


class BigTableAdmin:
    """For the ModelAdmin of a big table (EOIs, colleagues, employment records, equality,
    welfare cases, passports, ratings, benefits, the audit log): its change list never counts
    the whole table. No "N total" beside a search, and an unfiltered list shows PostgreSQL's
    estimate as "about N" (core.pagination.EstimatedCountPaginator); filtered lists count."""

    show_full_result_count = False
    paginator = EstimatedCountPaginator
    # No date drill-down (date_hierarchy): it lists the years with a DISTINCT over the whole
    # table (538 ms at 1,000,000 EOIs). Big tables filter by date in list_filter instead.
    date_hierarchy = None


@admin.register(Setting)
class SettingAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "description", "updated_at"]
    search_fields = ["key", "description"]
    list_filter = ["updated_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_setting(obj.key)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["id", "task", "created_at", "dispatched_at", "attempts"]
    list_filter = ["task", ("dispatched_at", admin.EmptyFieldListFilter)]
    search_fields = ["task", "last_error"]
    readonly_fields = ["task", "args", "kwargs", "queue", "dispatched_at", "attempts", "last_error"]
    show_full_result_count = False


@admin.register(RetentionRun)
class RetentionRunAdmin(admin.ModelAdmin):
    """Each run of the retention job; 'Dry run now' shows what is due without removing it."""

    list_display = ["created_at", "as_of", "dry_run", "total", "requested_by"]
    list_filter = ["dry_run", "as_of"]
    search_fields = ["results"]
    readonly_fields = ["as_of", "dry_run", "results", "requested_by"]
    change_list_template = "admin/core/retentionrun/change_list.html"

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        from django.urls import path

        return [
            path(
                "dry-run/",
                self.admin_site.admin_view(self.dry_run_view),
                name="core_retentionrun_dry_run",
            ),
            *super().get_urls(),
        ]

    def dry_run_view(self, request):
        from django.shortcuts import redirect

        from core.retention import retention_run

        if request.method != "POST":
            return redirect("admin:core_retentionrun_changelist")
        run = retention_run(actor=request.user, dry_run=True)
        self.message_user(request, f"Dry run: {run.total} records are due.")
        return redirect("admin:core_retentionrun_change", run.pk)


@admin.register(SubjectAccessExport)
class SubjectAccessExportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "requested_by"]
    list_filter = ["created_at"]
    search_fields = ["subject__staff_number", "subject_email"]
    raw_id_fields = ["subject", "requested_by"]
    readonly_fields = ["requested_by", "subject", "subject_email", "file", "summary"]

    def has_add_permission(self, request):
        return False


from core import api_admin  # noqa: E402, F401 - device tokens and idempotency keys in admin

# The audit log is one of the biggest tables: django-auditlog's own admin, without the count.
admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditLogEntryAdmin(BigTableAdmin, LogEntryAdmin):
    # A date filter instead of the date drill-down, which lists the years with a DISTINCT
    # over the whole log on every page.
    list_filter = ["timestamp", *LogEntryAdmin.list_filter]
